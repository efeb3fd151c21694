// What the search index and the search page agree on, shared by the build (site/search-documents.ts) and the
// browser (site/client/search*.ts): the filter groups and their URL parameters, in the order readers see them, how
// a note's sub-result title carries its kind and lines, and where the page finds its bundles.

/** Filter groups, as indexed and as readers see them, in the search page's order, with their URL parameters. */
export const FILTER_GROUPS = [
  { name: "Kind", param: "kind" },
  { name: "Sender", param: "sender" },
  { name: "Recipient", param: "recipient" },
  { name: "Year", param: "year" },
  { name: "Month", param: "month" },
  { name: "Note kind", param: "note-kind" },
] as const;

export type FilterName = (typeof FILTER_GROUPS)[number]["name"];

/** A line's anchor is `L3`; a note's, on its message's page, `note-<id>`. */
export const NOTE_ANCHOR_PREFIX = "note-";

/**
 * A note is a sub-result of its message's page. Its title (data-pagefind-title, which Pagefind stores but does not
 * search) carries what the result shows: the note's kind, the lines it is on, and its heading if it has one.
 */
const SEPARATOR = " · ";

export function noteSubResultTitle(kind: string, lines: string, heading?: string): string {
  return [kind, lines, ...(heading ? [heading] : [])].join(SEPARATOR);
}

export function parseNoteSubResultTitle(title: string): { kind: string; lines: string; heading?: string } {
  const [kind = "", lines = "", ...rest] = title.split(SEPARATOR);
  return { kind, lines, heading: rest.length ? rest.join(SEPARATOR) : undefined };
}

/**
 * One Pagefind bundle of the edition, in reading order, with the languages it has an index for. Pagefind numbers a
 * language's pages in the order they were indexed (the reading order); `positions` lists where, among the bundle's
 * messages, those of a language other than the bundle's main one stand, so that results in several languages can be
 * put in date order. The main language (positions `null`) has every other place.
 */
export interface SearchBundle {
  path: string;
  languages: Record<string, number[] | null>;
}

/** Where the search page keeps its configuration: a JSON script element, since pages forbid inline script. */
export const SEARCH_CONFIG_ID = "search-config";

export interface SearchConfig {
  bundles: SearchBundle[];
  /** The edition's language, also the page's `lang`. */
  language: string;
  /** The URL parameter that carries the searched words to the page a result opens. */
  highlightParam: string;
}

export const HIGHLIGHT_PARAM = "pagefind-highlight";

/**
 * Words the index is given besides the text (site/search-aliases.ts) stand in Pagefind's copy of the text between
 * these brackets, which it does not index, so that the result shows the text without them.
 */
export const ALIAS_OPEN = "\u2E24";
export const ALIAS_CLOSE = "\u2E25";

export const asAlias = (word: string) => `${ALIAS_OPEN}${word}${ALIAS_CLOSE}`;
export const isAlias = (word: string) => word.startsWith(ALIAS_OPEN) && word.replace(/\.$/, "").endsWith(ALIAS_CLOSE);
export const unalias = (word: string) => (isAlias(word) ? word.replace(/\.$/, "").slice(1, -1) : word);
