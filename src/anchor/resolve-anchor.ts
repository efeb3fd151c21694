// Resolves an annotation's anchor (a quote or a line range) to a range of a transcript's text, or explains
// precisely why it cannot: a note is never attached to text it was not written about. After a transcript is
// corrected, a quote is found again in this order: the exact quote with its prefix and suffix; the exact quote,
// using the stored line to choose between matches; then approximate matching (approx-string-match) within a
// strict error budget. A note found any way but the first is reported as moved; one not found is an orphan.
import approxSearch from "approx-string-match";
import type { Anchor } from "../load/schema.ts";
import { collapse, collapseWhitespace, findQuote, suggestDisambiguation, type CollapsedText } from "./text-quote.ts";
import type { TextRange, TranscriptText } from "./transcript-text.ts";

/** Quotes shorter than this must match exactly: a few characters with an error could match almost anywhere. */
export const FUZZY_MIN_LENGTH = 12;
/** At most this share of a quote's characters may differ for it to re-anchor approximately. */
export const FUZZY_MAX_ERROR_RATE = 0.2;

export interface MovedAnchor {
  /** Why the note moved: its context changed around an unchanged quote, or the quote itself changed. */
  reason: "context" | "fuzzy";
  /** The text the note was anchored to, as its anchor says. */
  old: string;
  /** The text it is anchored to now. */
  found: string;
  /** 1 for identical text; 1 − errors/length for an approximate match. */
  similarity: number;
}

export interface ResolvedAnchor {
  range: TextRange;
  /** How it was found: by the exact quote, by the quote with the stored line as a tie-breaker, or by lines. */
  method: "quote" | "quote-and-line" | "lines" | "moved";
  moved?: MovedAnchor;
}

export type AnchorProblem =
  | { rule: "quote-not-found"; message: string; hint: string; field: "anchor.quote" }
  | { rule: "orphaned-note"; message: string; hint: string; field: "anchor.quote" }
  | { rule: "ambiguous-quote"; message: string; hint: string; field: "anchor.quote"; count: number }
  | { rule: "line-out-of-range"; message: string; hint: string; field: "anchor.lines" };

export type AnchorResult = { ok: true; anchor: ResolvedAnchor } | { ok: false; problem: AnchorProblem };

/** Caches the whitespace-collapsed text so that many anchors on one transcript collapse it once. */
export class AnchorResolver {
  readonly transcript: TranscriptText;
  readonly messageId: string;
  #collapsed: CollapsedText | undefined;

  constructor(messageId: string, transcript: TranscriptText) {
    this.messageId = messageId;
    this.transcript = transcript;
  }

  get collapsed(): CollapsedText {
    return (this.#collapsed ??= collapseWhitespace(this.transcript.text));
  }

  resolve(anchor: Anchor): AnchorResult {
    return "lines" in anchor ? this.#resolveLines(anchor.lines) : this.#resolveQuote(anchor);
  }

  #resolveLines(spec: string): AnchorResult {
    const [fromLabel, toLabel = fromLabel] = spec.split("-") as [string, string?];
    const from = this.transcript.indexOfLabel(fromLabel);
    const to = this.transcript.indexOfLabel(toLabel);
    const count = this.transcript.lines.length;
    const available = count ? `lines ${this.transcript.lines[0]!.label}–${this.transcript.lines[count - 1]!.label}` : "no lines";
    if (from === undefined || to === undefined || to < from) {
      return {
        ok: false,
        problem: {
          rule: "line-out-of-range",
          field: "anchor.lines",
          message: `Line range "${spec}" is not in ${this.messageId}, which has ${available}`,
          hint: `Use a range within ${available}, written first-last (e.g. "2-4"), or anchor by quote instead.`,
        },
      };
    }
    return { ok: true, anchor: { range: this.transcript.rangeOfLines(from, to), method: "lines" } };
  }

  #resolveQuote(anchor: Extract<Anchor, { quote: string }>): AnchorResult {
    const selector = { exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix };
    const matches = findQuote(this.collapsed, selector);
    if (matches.length === 1) return { ok: true, anchor: { range: matches[0]!, method: "quote" } };
    if (matches.length > 1) return this.#chooseByLine(anchor, matches, false);

    // The quote's own words, without the context: the context may be what the correction changed.
    const bare = anchor.prefix || anchor.suffix ? findQuote(this.collapsed, { exact: anchor.quote }) : [];
    if (bare.length === 1) return this.#moved(anchor, bare[0]!, "context", 1);
    if (bare.length > 1) return this.#chooseByLine(anchor, bare, true);

    const fuzzy = this.#approximate(anchor);
    if (fuzzy) return fuzzy;
    const wasOn = anchor.line !== undefined ? ` (it was on line ${anchor.line})` : "";
    if (collapse(anchor.quote).length >= FUZZY_MIN_LENGTH || anchor.line !== undefined)
      return {
        ok: false,
        problem: {
          rule: "orphaned-note",
          field: "anchor.quote",
          message: `Orphaned note: the passage it annotates, "${anchor.quote}"${wasOn}, is no longer in ${this.messageId}, not even approximately`,
          hint: "Re-anchor the note to the corrected words (copy them from the transcript), or delete the note if its passage is gone for good.",
        },
      };
    return {
      ok: false,
      problem: {
        rule: "quote-not-found",
        field: "anchor.quote",
        message: `Quote "${anchor.quote}" not found in ${this.messageId}`,
        hint: "Copy the words exactly from the transcript, including punctuation and [sic]; check typographic quotes (’ “ ”).",
      },
    };
  }

  #moved(anchor: Extract<Anchor, { quote: string }>, range: TextRange, reason: MovedAnchor["reason"], similarity: number): AnchorResult {
    const found = this.transcript.text.slice(range.start, range.end);
    return { ok: true, anchor: { range, method: "moved", moved: { reason, old: anchor.quote, found, similarity } } };
  }

  /** Several exact matches: the stored line decides, or the quote is ambiguous. */
  #chooseByLine(anchor: Extract<Anchor, { quote: string }>, matches: TextRange[], contextChanged: boolean): AnchorResult {
    const lines = matches.map((match) => this.transcript.linesOf(match).first.label);
    if (anchor.line !== undefined) {
      const onLine = matches.filter((_, i) => lines[i] === anchor.line);
      if (onLine.length === 1)
        return contextChanged ? this.#moved(anchor, onLine[0]!, "context", 1) : { ok: true, anchor: { range: onLine[0]!, method: "quote-and-line" } };
    }
    const suggestion = suggestDisambiguation(this.collapsed, anchor.quote, matches[0]!);
    const fix =
      suggestion?.prefix !== undefined
        ? `Add a prefix or suffix, e.g. prefix: ${JSON.stringify(suggestion.prefix)} for the match on line ${lines[0]}.`
        : suggestion?.suffix !== undefined
          ? `Add a prefix or suffix, e.g. suffix: ${JSON.stringify(suggestion.suffix)} for the match on line ${lines[0]}.`
          : "Quote more of the passage so that it occurs only once.";
    return {
      ok: false,
      problem: {
        rule: "ambiguous-quote",
        field: "anchor.quote",
        count: matches.length,
        message: `Quote "${anchor.quote}" matches ${matches.length} places in ${this.messageId} (lines ${lines.join(", ")})${contextChanged ? ", and its prefix/suffix no longer match any of them" : ""}`,
        hint: fix,
      },
    };
  }

  /**
   * Approximate matching for a corrected passage: the best match within the error budget, if there is exactly
   * one such best (ties between different places are ambiguous, and a note is never guessed onto one of them).
   * The stored line breaks ties between equally good places.
   */
  #approximate(anchor: Extract<Anchor, { quote: string }>): AnchorResult | undefined {
    const pattern = collapse(anchor.quote);
    if (pattern.length < FUZZY_MIN_LENGTH) return undefined;
    const maxErrors = Math.floor(pattern.length * FUZZY_MAX_ERROR_RATE);
    const candidates = approxSearch(this.collapsed.text, pattern, maxErrors);
    if (!candidates.length) return undefined;
    const best = candidates.reduce((least, candidate) => Math.min(least, candidate.errors), Infinity);
    const top = candidates.filter((candidate) => candidate.errors === best);
    // Matches that overlap are one place found with different boundaries; keep the one closest in length.
    const places: typeof top = [];
    for (const candidate of top.sort((a, b) => a.start - b.start)) {
      const previous = places.at(-1);
      if (previous && candidate.start < previous.end) {
        const closer = Math.abs(candidate.end - candidate.start - pattern.length) < Math.abs(previous.end - previous.start - pattern.length);
        if (closer) places[places.length - 1] = candidate;
      } else places.push(candidate);
    }
    let chosen = places.length === 1 ? places[0] : undefined;
    if (!chosen && anchor.line !== undefined) {
      const onLine = places.filter((place) => this.transcript.linesOf(this.#toOriginal(place)).first.label === anchor.line);
      if (onLine.length === 1) chosen = onLine[0];
    }
    if (!chosen) return undefined;
    // An approximate match may take in a space at either end; the passage is the words.
    const range = this.#toOriginal(chosen);
    const text = this.transcript.text;
    while (range.end > range.start && /\s/.test(text[range.end - 1]!)) range.end--;
    while (range.start < range.end && /\s/.test(text[range.start]!)) range.start++;
    return this.#moved(anchor, range, "fuzzy", 1 - best / pattern.length);
  }

  #toOriginal(match: { start: number; end: number }): TextRange {
    return { start: this.collapsed.toOriginal[match.start]!, end: this.collapsed.toOriginal[match.end]! };
  }
}
