// Exact matching with W3C TextQuoteSelector semantics (exact, prefix, suffix), treating any run of whitespace,
// including a line break, as one space, so that a quote typed across two transcript lines still matches. A match
// starts and ends between words: "he" is not found in "the", unless a prefix or suffix that runs into the quote says
// that part of a word is meant (prefix "Wiki", quote "Leaks").
import type { TextRange } from "./transcript-text.ts";
import { insideWord } from "./word-edges.ts";

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** A text with whitespace runs collapsed to one space, and a map from each of its offsets back to the original. */
export interface CollapsedText {
  text: string;
  /** `toOriginal[i]` is the offset in the original text of collapsed offset `i`; it has one extra entry for the end. */
  toOriginal: Int32Array;
}

export function collapseWhitespace(text: string): CollapsedText {
  const out: string[] = [];
  const map = new Int32Array(text.length + 1);
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      if (inSpace) continue;
      inSpace = true;
      out.push(" ");
    } else {
      inSpace = false;
      out.push(char);
    }
    map[length++] = i;
  }
  map[length] = text.length;
  return { text: out.join(""), toOriginal: map.subarray(0, length + 1) };
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** Every place where `selector` matches in `haystack` between words, as ranges of the original text. */
export function findQuote(haystack: CollapsedText, selector: QuoteSelector): TextRange[] {
  const exact = collapse(selector.exact);
  const prefix = selector.prefix ? collapse(selector.prefix) : "";
  const suffix = selector.suffix ? collapse(selector.suffix) : "";
  const matches: TextRange[] = [];
  if (!exact) return matches;
  const text = haystack.text;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    if (prefix ? at < prefix.length || !text.startsWith(prefix, at - prefix.length) : insideWord(text, at, "start")) continue;
    if (suffix ? !text.startsWith(suffix, at + exact.length) : insideWord(text, at + exact.length, "end")) continue;
    matches.push({ start: haystack.toOriginal[at]!, end: haystack.toOriginal[at + exact.length]! });
  }
  return matches;
}

/**
 * The shortest prefix or suffix, in whole words, that makes the match at `target` the only one. Editors get this as
 * the fix for an ambiguous quote.
 */
export function suggestDisambiguation(
  haystack: CollapsedText,
  exact: string,
  target: TextRange,
): { prefix?: string; suffix?: string } | undefined {
  const original = haystack.toOriginal;
  let collapsedStart = 0;
  while (collapsedStart < original.length - 1 && original[collapsedStart]! < target.start) collapsedStart++;
  const collapsedEnd = collapsedStart + collapse(exact).length;
  const before = haystack.text.slice(0, collapsedStart);
  const after = haystack.text.slice(collapsedEnd);
  const words = (text: string) => text.split(/(?<= )/);
  const beforeWords = words(before);
  const afterWords = words(after);
  for (let n = 1; n <= Math.max(beforeWords.length, afterWords.length); n++) {
    const prefix = beforeWords.slice(-n).join("");
    if (prefix.trim() && findQuote(haystack, { exact, prefix }).length === 1) return { prefix };
    const suffix = afterWords.slice(0, n).join("");
    if (suffix.trim() && findQuote(haystack, { exact, suffix }).length === 1) return { suffix };
  }
  return undefined;
}
