// Where a passage may start and end: between words, never inside one. A note anchored to "ve had a problem" in
// "we've had a problem" would show a reader a passage its editor never quoted; the anchoring code holds every match,
// exact or approximate, to these edges unless the quote itself asks for part of a word (see text-quote.ts).

/** Letters, combining marks and digits: what a word is made of. */
const WORD = /[\p{L}\p{M}\p{N}]/u;
/** Scripts written without spaces between words, where any character boundary can end a quoted passage. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** An apostrophe inside a word (we’ve, don't): the part after it belongs to the word, as in Unicode's word rules. */
const APOSTROPHE = /['’]/;

/** The character ending at `offset` and the one starting there, as whole code points. */
function around(text: string, offset: number): { before: string; beforeStart: number; after: string } {
  const low = text.charCodeAt(offset - 1);
  const beforeStart = low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  const before = offset > 0 ? text.slice(beforeStart, offset) : "";
  const code = text.codePointAt(offset);
  return { before, beforeStart, after: code === undefined ? "" : String.fromCodePoint(code) };
}

/**
 * True when a passage may not start (or end) at `offset` of `text`, because it falls inside a word. An apostrophe
 * between letters is inside its word (we’ve), except that a passage may end before a clitic: "Trump" may be quoted
 * out of "Trump’s", but no passage starts with "’s" or "’ve", and none ends with "we’".
 */
export function insideWord(text: string, offset: number, edge: "start" | "end" = "start"): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const { before, beforeStart, after } = around(text, offset);
  const letterBefore = (at: number) => /\p{L}/u.test(around(text, at).before);
  if (WORD.test(after)) {
    // A combining mark belongs to the letter before it, whatever the script.
    if (/\p{M}/u.test(after)) return true;
    if (WORD.test(before)) return !SPACELESS.test(before) && !SPACELESS.test(after);
    // we’|ve
    return APOSTROPHE.test(before) && letterBefore(beforeStart);
  }
  // we|’ve as the start of a passage, which would then begin with the rest of a word.
  return edge === "start" && APOSTROPHE.test(after) && /\p{L}/u.test(before) && /\p{L}/u.test(around(text, offset + after.length).after);
}

/** True when `text` starts (or ends) with a character that words are made of. */
export const startsWithWord = (text: string): boolean => WORD.test(String.fromCodePoint(text.codePointAt(0) ?? 32));
export const endsWithWord = (text: string): boolean => WORD.test([...text.slice(-2)].at(-1) ?? " ");

/** `range` widened to whole words at both ends, unless an end is marked as meant to be inside a word. */
export function toWordEdges(text: string, range: { start: number; end: number }, keep: { start?: boolean; end?: boolean } = {}): { start: number; end: number } {
  let { start, end } = range;
  const low = (at: number) => text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff;
  // Whole code points at a time, so that a letter outside the Basic Multilingual Plane is never split.
  if (!keep.start) while (start > 0 && insideWord(text, start, "start")) start -= low(start - 1) && start >= 2 ? 2 : 1;
  if (!keep.end) while (end < text.length && insideWord(text, end, "end")) end += low(end + 1) ? 2 : 1;
  return { start, end };
}
