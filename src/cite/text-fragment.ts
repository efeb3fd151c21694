// Text-fragment links (#:~:text=…, WICG Scroll To Text Fragment) to a line or a range of lines, chosen against the
// whole page's text so that a browser lands on exactly those words. The page is given as its text blocks in
// document order, as a browser's text search sees them: a directive's start or end term never spans two blocks
// (each line is its own block, and so is a table cell), matching ignores case, and the browser takes the first
// match in the page. The cite panel builds the blocks from the live page (client/cite.ts); the test suite checks
// every line and pair of lines in Chromium.

export interface FragmentPage {
  /** The text of each block of the page, in document order (whitespace as the page has it). */
  blocks: readonly string[];
  /** The first and last block of the passage (its first line's first block, its last line's last block). */
  first: number;
  last: number;
}

/** A range start term longer than this many words says little more; the directive stays short. */
const MAX_TERM_WORDS = 8;
/** A line this short is linked whole, as an exact directive, when that is unambiguous. */
const EXACT_WORDS = 10;

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The page as one searchable string: blocks joined by "\n" (which no term may cross), lower-cased as the browser
 * compares, with the offset at which each block starts.
 */
class PageText {
  readonly text: string;
  readonly starts: number[] = [];
  readonly blocks: string[];

  constructor(blocks: readonly string[]) {
    this.blocks = blocks.map(normalise);
    let offset = 0;
    for (const block of this.blocks) {
      this.starts.push(offset);
      offset += block.length + 1;
    }
    this.text = this.blocks.join("\n").toLowerCase();
  }

  /** The first offset at or after `from` where `term` occurs inside one block, at word boundaries. */
  find(term: string, from: number): number {
    const needle = term.toLowerCase();
    let at = this.text.indexOf(needle, from);
    while (at >= 0) {
      if (isBoundary(this.text, at - 1, at) && isBoundary(this.text, at + needle.length - 1, at + needle.length)) return at;
      at = this.text.indexOf(needle, at + 1);
    }
    return -1;
  }

  /** Whether the text just before `at`, past spaces and block breaks, ends with `prefix`. */
  precededBy(prefix: string, at: number): boolean {
    const before = this.text.slice(0, at).replace(/[\s\n]+$/, "");
    return before.endsWith(prefix.toLowerCase()) && isBoundary(before, before.length - prefix.length - 1, before.length - prefix.length);
  }

  /** Whether the text just after `at`, past spaces and block breaks, starts with `suffix`. */
  followedBy(suffix: string, at: number): boolean {
    const after = this.text.slice(at).replace(/^[\s\n]+/, "");
    return after.startsWith(suffix.toLowerCase()) && isBoundary(after, suffix.length - 1, suffix.length);
  }
}

/** A word boundary between the characters at `before` and `after` (either may be off the string's ends). */
function isBoundary(text: string, before: number, after: number): boolean {
  const a = before >= 0 ? text[before] : undefined;
  const b = after < text.length ? text[after] : undefined;
  if (a === undefined || b === undefined) return true;
  const word = (c: string) => /[\p{L}\p{N}_]/u.test(c);
  return !(word(a) && word(b));
}

const words = (text: string) => text.split(" ").filter(Boolean);

/** Percent-encodes a term; "-", "," and "&" are the directive's own syntax. */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
}

/** The context term before block `index`: up to `count` words at the end of the nearest non-empty block before it. */
function contextBefore(page: PageText, index: number, count: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) if (page.blocks[i]) return words(page.blocks[i]!).slice(-count).join(" ");
  return undefined;
}

function contextAfter(page: PageText, index: number, count: number): string | undefined {
  for (let i = index + 1; i < page.blocks.length; i++) if (page.blocks[i]) return words(page.blocks[i]!).slice(0, count).join(" ");
  return undefined;
}

/**
 * The directive (what follows `#:~:text=`) that selects exactly the text from the start of block `first` to the
 * end of block `last`, or undefined if no directive can (a passage whose text, with all the context around it,
 * occurs earlier on the page).
 */
export function textDirective({ blocks, first, last }: FragmentPage): string | undefined {
  const page = new PageText(blocks);
  const firstText = page.blocks[first] ?? "";
  const lastText = page.blocks[last] ?? "";
  if (!firstText || !lastText) return undefined;
  const begin = page.starts[first]!;
  const finish = page.starts[last]! + lastText.length;

  // The prefix needed (if any) for `term` to be first found at `begin`.
  const prefixFor = (term: string): string | null | undefined => {
    if (page.find(term, 0) === begin) return undefined;
    for (let count = 1; count <= MAX_TERM_WORDS; count++) {
      const prefix = contextBefore(page, first, count);
      if (!prefix) return null;
      if (firstMatchWithPrefix(page, term, prefix) === begin) return prefix;
      if (words(prefix).length < count) return null;
    }
    return null;
  };

  // A short single block: the whole text, exactly.
  if (first === last && words(firstText).length <= EXACT_WORDS) {
    const prefix = prefixFor(firstText);
    if (prefix !== null) return prefix ? `${encodeTerm(prefix)}-,${encodeTerm(firstText)}` : encodeTerm(firstText);
  }

  // A range: the fewest first words that are first found here (with a prefix if the page repeats them before),
  // then the fewest last words first found, after them, where the passage ends (with a suffix if need be).
  const firstWords = words(firstText);
  let start: string | undefined;
  let prefix: string | undefined;
  for (let count = Math.min(3, firstWords.length); count <= Math.min(MAX_TERM_WORDS, firstWords.length) && !start; count++) {
    const term = firstWords.slice(0, count).join(" ");
    const needed = prefixFor(term);
    if (needed !== null) {
      start = term;
      prefix = needed;
    }
  }
  if (!start) return undefined;
  const afterStart = begin + start.length;

  const lastWords = words(lastText);
  // A single block's end term starts after its start term.
  const maxEnd = first === last ? Math.max(1, lastWords.length - words(start).length) : lastWords.length;
  for (let count = Math.min(3, maxEnd); count <= Math.min(MAX_TERM_WORDS, maxEnd); count++) {
    const end = lastWords.slice(-count).join(" ");
    const at = page.find(end, afterStart);
    if (at >= 0 && at + end.length === finish) return directive(prefix, start, end, undefined);
    // Found earlier in the passage: a suffix after the passage may single out its last occurrence.
    for (let suffixCount = 1; suffixCount <= 3; suffixCount++) {
      const suffix = contextAfter(page, last, suffixCount);
      if (!suffix) break;
      if (firstMatchWithSuffix(page, end, suffix, afterStart) === finish - end.length) return directive(prefix, start, end, suffix);
    }
  }
  return undefined;
}

function directive(prefix: string | undefined, start: string, end: string, suffix: string | undefined): string {
  return [prefix ? `${encodeTerm(prefix)}-` : "", encodeTerm(start), encodeTerm(end), suffix ? `-${encodeTerm(suffix)}` : ""]
    .filter(Boolean)
    .join(",");
}

function firstMatchWithPrefix(page: PageText, term: string, prefix: string): number {
  let at = page.find(term, 0);
  while (at >= 0 && !page.precededBy(prefix, at)) at = page.find(term, at + 1);
  return at;
}

function firstMatchWithSuffix(page: PageText, term: string, suffix: string, from: number): number {
  let at = page.find(term, from);
  while (at >= 0 && !page.followedBy(suffix, at + term.length)) at = page.find(term, at + 1);
  return at;
}
