// Finding the words a reader searched for in a text, as they would recognise them: in any case, with or without
// accents (βασιλικος marks βασιλικός), with or without the prefixes Hebrew and Arabic attach (עגבניות marks
// העגבניות), inside unspaced Japanese or Chinese, and emoji. Only words are marked, never the punctuation after
// them. Used by the result cards (the words Pagefind matched) and by the page a result opens (the words typed).
import { withoutPrefixes } from "../word-prefixes.ts";

export interface Range {
  start: number;
  end: number;
}

/** Case and accents folded, as Pagefind folds them when it indexes and searches. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase().replace(/ς/g, "σ");
}

const EDGE_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** The words of a query as typed, without the quotes of an exact search or the punctuation around a word. */
export function searchTerms(query: string): string[] {
  return query
    .split(/\s+/)
    .map((term) => term.replace(EDGE_PUNCTUATION, ""))
    .filter(Boolean);
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string | undefined): Intl.Segmenter {
  const key = language ?? "";
  let found = segmenters.get(key);
  if (!found) {
    try {
      found = new Intl.Segmenter(language || undefined, { granularity: "word" });
    } catch {
      found = new Intl.Segmenter(undefined, { granularity: "word" });
    }
    segmenters.set(key, found);
  }
  return found;
}

function merged(ranges: Range[]): Range[] {
  const sorted = ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/**
 * Where `needles` occur in `text`. `exact`: a word is marked if it is a needle (Pagefind's own matched words);
 * otherwise if it starts with one, as Pagefind matches a typed word. Either way a Hebrew or Arabic word is also
 * compared without its prefixes, and a needle in an unspaced script is found wherever it stands.
 */
export function findWords(text: string, needles: readonly string[], options: { language?: string; exact?: boolean } = {}): Range[] {
  const ranges: Range[] = [];
  const spaced: string[] = [];
  for (const needle of new Set(needles.map((n) => n.replace(EDGE_PUNCTUATION, "")).filter(Boolean))) {
    if (SPACELESS.test(needle)) {
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length))
        ranges.push({ start: at, end: at + needle.length });
    } else spaced.push(fold(needle));
  }
  if (spaced.length) {
    const matches = options.exact ? (word: string) => spaced.includes(word) : (word: string) => spaced.some((needle) => word.startsWith(needle));
    for (const { segment, index, isWordLike } of segmenter(options.language).segment(text)) {
      if (!isWordLike && !PICTOGRAPH.test(segment)) continue;
      if (matches(fold(segment)) || withoutPrefixes(segment).some((form) => matches(fold(form))))
        ranges.push({ start: index, end: index + segment.length });
    }
  }
  return merged(ranges);
}

const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*\s*$/u;

export interface Excerpt {
  start: number;
  end: number;
  /** Whether the excerpt starts or stops in the middle of a sentence, and so shows an ellipsis there. */
  before: boolean;
  after: boolean;
}

/** The part of `text` to show: all of it if it is short, else about `length` characters from a little before the first match. */
export function excerptOf(text: string, ranges: readonly Range[], length = 220): Excerpt {
  if (text.length <= length) return { start: 0, end: text.length, before: false, after: false };
  const first = ranges[0] ?? { start: 0, end: 0 };
  let start = Math.max(0, first.start - Math.floor(length / 4));
  if (start > 0) {
    const space = text.lastIndexOf(" ", start);
    if (space >= 0 && start - space < 24) start = space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > Math.max(first.end, start) && end - space < 24) end = space;
  }
  return {
    start,
    end,
    before: start > 0 && !SENTENCE_END.test(text.slice(0, start)),
    after: end < text.length && !SENTENCE_END.test(text.slice(start, end)),
  };
}

/** The excerpt as DOM nodes: text, with each match in a <mark>, and an ellipsis where a sentence is cut. */
export function excerptNodes(text: string, ranges: readonly Range[], length?: number): Node[] {
  const { start, end, before, after } = excerptOf(text, ranges, length);
  const nodes: Node[] = [];
  if (before) nodes.push(document.createTextNode("… "));
  let at = start;
  for (const range of ranges) {
    if (range.end <= start || range.start >= end) continue;
    const [from, to] = [Math.max(range.start, start), Math.min(range.end, end)];
    if (from > at) nodes.push(document.createTextNode(text.slice(at, from)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(from, to);
    nodes.push(mark);
    at = to;
  }
  if (end > at) nodes.push(document.createTextNode(text.slice(at, end).trimEnd()));
  if (after) nodes.push(document.createTextNode(" …"));
  return nodes;
}
