// A search result as a card: the message (its kind, date, title, who wrote to whom), the lines the words were found
// on, each with its number, and the notes they were found in, each marked as an editorial note with its kind and
// the lines it is on. Built with DOM methods from Pagefind's data: the edition's text is untrusted, and is only
// ever text here.
import { isAlias, NOTE_ANCHOR_PREFIX, parseNoteSubResultTitle, unalias } from "../search-schema.ts";
import type { ResultData, SubResultData } from "./pagefind-engine.ts";
import { orderSubResults } from "./search-ranking.ts";
import { withoutPrefixes } from "../word-prefixes.ts";
import { excerptNodes, findWords, fold, searchTerms, type Range } from "./search-text.ts";

export interface CardContext {
  /** The words as the reader typed them, passed on to the page a result opens. */
  terms: readonly string[];
  highlightParam: string;
  /** The page's language, and the language of the index the result came from. */
  pageLanguage: string;
  resultLanguage: string;
  /** Note kinds the reader filters by: the card shows the message's notes of those kinds. */
  noteKinds: readonly string[];
}

const MAX_LINES = 5;
const MAX_NOTES = 3;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The page's text as Pagefind keeps it, in its words (as its match locations count them), and the text of each
 * sub-result: the words from its anchor to the next, without the aliases the index was given.
 */
class PageText {
  readonly words: string[];
  readonly #joiner: string;
  readonly #parts = new Map<string, { start: number; end: number }>();

  constructor(data: ResultData) {
    const raw = data.raw_content ?? data.content;
    // Pagefind separates the words of Chinese, Japanese and Thai with zero-width spaces, and escapes < and >.
    const spaceless = raw.includes("\u200B");
    this.words = spaceless ? raw.split("\u200B").map((word) => word.replace(/&lt;/g, "<").replace(/&gt;/g, ">")) : data.content.split(/[\r\n\s]+/g);
    this.#joiner = spaceless ? "" : " ";
    // As Pagefind draws sub-results: from an anchor with a title to the next one.
    const anchors = data.anchors.filter((anchor) => anchor.title?.trim()).sort((a, b) => a.location - b.location);
    anchors.forEach((anchor, i) => this.#parts.set(anchor.id, { start: anchor.location, end: anchors[i + 1]?.location ?? this.words.length }));
  }

  of(anchorId: string | undefined): string {
    const part = anchorId ? this.#parts.get(anchorId) : undefined;
    if (!part) return "";
    return this.words
      .slice(part.start, part.end)
      .filter((word) => word && !isAlias(word))
      .join(this.#joiner)
      .trim();
  }

  /** The words Pagefind matched at these locations, as they were indexed. */
  at(locations: readonly number[]): string[] {
    return locations.map((location) => unalias(this.words[location] ?? ""));
  }
}

/** The URL of a line or note, carrying the searched words for the page to mark. */
function withHighlight(url: string, context: CardContext): string {
  const hash = url.indexOf("#");
  const [path, fragment] = hash < 0 ? [url, ""] : [url.slice(0, hash), url.slice(hash)];
  const params = new URLSearchParams();
  for (const term of context.terms) params.append(context.highlightParam, term);
  const query = params.toString();
  return `${path}${query ? `${path.includes("?") ? "&" : "?"}${query}` : ""}${fragment}`;
}

function textPart(className: string, text: string, ranges: Range[], context: CardContext): HTMLElement {
  const part = element("span", className);
  // Each text takes its own writing direction, as the lines do on the page (render/rehype-line-direction.ts).
  part.dir = "auto";
  if (context.resultLanguage !== context.pageLanguage) part.lang = context.resultLanguage;
  part.append(...excerptNodes(text, ranges));
  return part;
}

function matchesOf(text: string, sub: SubResultData | undefined, page: PageText, context: CardContext): Range[] {
  const needles = sub ? page.at(sub.locations) : [];
  const language = context.resultLanguage;
  const exact = findWords(text, needles, { language, exact: true });
  return exact.length ? exact : findWords(text, context.terms, { language });
}

function lineItem(sub: SubResultData, page: PageText, context: CardContext): HTMLLIElement {
  const item = element("li", "result-line");
  const link = element("a", "result-line-link");
  link.href = withHighlight(sub.url, context);
  link.append(element("span", "result-line-number", sub.title));
  const text = page.of(sub.anchor?.id);
  link.append(textPart("result-line-text", text, matchesOf(text, sub, page, context), context));
  item.append(link);
  return item;
}

function noteItem(id: string, title: string, url: string, text: string | undefined, ranges: Range[], context: CardContext): HTMLLIElement {
  const { kind, lines, heading } = parseNoteSubResultTitle(title);
  const item = element("li", "result-note");
  item.dataset.noteKind = kind;
  const link = element("a", "result-note-link");
  link.href = withHighlight(url, context);
  link.dataset.note = id;
  link.append(element("span", "result-note-kind", `Editorial note · ${kind} · ${lines}`));
  if (heading) link.append(element("span", "result-note-title", heading));
  if (text) link.append(textPart("result-excerpt", text, ranges, context));
  item.append(link);
  return item;
}

export function resultCard(data: ResultData, context: CardContext): HTMLLIElement {
  const page = new PageText(data);
  const kind = data.filters.Kind?.[0] ?? "Message";
  const from = data.filters.Sender?.[0] ?? "";
  const to = data.filters.Recipient ?? [];
  const title = data.meta.title ?? data.url;

  const item = element("li", "result");
  const card = element("article", "result-card");
  item.append(card);
  const head = element("p", "result-kind");
  head.append(element("span", "result-kind-label", kind));
  if (data.meta.date) head.append(element("span", "result-date", data.meta.date));
  card.append(head);
  const heading = element("h3", "result-title");
  const link = element("a", "result-link", title);
  link.href = data.url;
  heading.append(link);
  card.append(heading);
  // A message with a title of its own (an email's subject) says who wrote to whom; other titles already do.
  if (from && !title.startsWith(from)) card.append(element("p", "result-who", [from, to.join(", ")].filter(Boolean).join(" → ")));

  const isLine = (sub: SubResultData) => /^L\d/.test(sub.anchor?.id ?? "");
  const isNote = (sub: SubResultData) => (sub.anchor?.id ?? "").startsWith(NOTE_ANCHOR_PREFIX);
  const lines = orderSubResults(data.sub_results.filter(isLine)).slice(0, MAX_LINES);
  if (lines.length) {
    const list = element("ol", "result-lines");
    list.append(...lines.map((sub) => lineItem(sub, page, context)));
    card.append(list);
  }

  // Notes the words were found in, those of the kinds filtered by first; then the message's other notes of those
  // kinds, so that a card found through a note kind shows such a note.
  const selected = (title: string) => context.noteKinds.includes(parseNoteSubResultTitle(title).kind);
  const found = orderSubResults(data.sub_results.filter(isNote));
  found.sort((a, b) => Number(selected(b.title)) - Number(selected(a.title)));
  const notes = found.map((sub) => {
    const text = page.of(sub.anchor?.id);
    return noteItem(sub.anchor!.id, sub.title, sub.url, text, matchesOf(text, sub, page, context), context);
  });
  const shown = new Set(found.map((sub) => sub.anchor!.id));
  for (const anchor of data.anchors)
    if (anchor.id.startsWith(NOTE_ANCHOR_PREFIX) && anchor.title && selected(anchor.title) && !shown.has(anchor.id))
      notes.push(noteItem(anchor.id, anchor.title, `${data.url}#${anchor.id}`, page.of(anchor.id), [], context));
  if (notes.length) {
    const list = element("ul", "result-notes");
    list.append(...notes.slice(0, MAX_NOTES));
    card.append(list);
  }
  if (!lines.length && !notes.length) {
    // Found by its title or its people alone: the card shows the first line.
    const first = data.anchors.find((anchor) => /^L\d/.test(anchor.id));
    if (first) {
      const list = element("ol", "result-lines");
      list.append(lineItem({ title: first.title ?? "Line 1", url: `${data.url}#${first.id}`, excerpt: "", anchor: first, locations: [] }, page, context));
      card.append(list);
    }
  }
  return item;
}

/**
 * How exactly a result holds the words as typed: 2 if every word is in its transcript as typed (not a relative
 * that the stemmer joins to it: "follows" is not "following") or in its date, 1 if every word is in its lines or
 * notes as typed, 0 otherwise. The search page puts the first results in this order, before Pagefind's score: each
 * bundle scores with its own word statistics, which can lift a note in one above the line it quotes in another.
 */
export function matchTier(data: ResultData, terms: readonly string[]): number {
  const wanted = terms.map(fold).filter(Boolean);
  if (!wanted.length) return 0;
  const page = new PageText(data);
  const wordsOf = (subs: SubResultData[]) =>
    new Set(
      subs
        .flatMap((sub) => page.at(sub.locations))
        .flatMap((word) => searchTerms(word))
        .flatMap((word) => [fold(word), ...withoutPrefixes(word).map(fold)]),
    );
  const inLines = wordsOf(data.sub_results.filter((sub) => /^L\d/.test(sub.anchor?.id ?? "")));
  const inNotes = wordsOf(data.sub_results.filter((sub) => (sub.anchor?.id ?? "").startsWith(NOTE_ANCHOR_PREFIX)));
  const inDate = new Set(searchTerms(data.meta.date ?? "").map(fold));
  if (wanted.every((word) => inLines.has(word)) || wanted.every((word) => inDate.has(word))) return 2;
  return wanted.every((word) => inLines.has(word) || inNotes.has(word)) ? 1 : 0;
}

const wordSegmenters = new Map<string, Intl.Segmenter>();

/**
 * Whether a result matched a typed word, rather than only a word the typed one starts with. When no word of an
 * index starts with a typed word, Pagefind takes the longest word that the typed one starts with ("one" for
 * "onerror"), which is right for a stem but wrong for a short word. A message in another language than the
 * edition's has an index of its own, a small one, where this happens often: such a result is kept only if a word it
 * matched starts with a typed word, or shares most of its letters with one from the start (a stem's relatives:
 * ντομάτες for ντομάτα).
 */
export function holdsTypedWords(data: ResultData, terms: readonly string[], language: string): boolean {
  const page = new PageText(data);
  const matched = [data.locations, ...data.sub_results.map((sub) => sub.locations)].flat();
  if (!matched.length) return true;
  let segmenter = wordSegmenters.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: "word" });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
    }
    wordSegmenters.set(language, segmenter);
  }
  // Typed words as the index splits them: an unspaced phrase into its words.
  const wanted = terms.flatMap((term) => [...segmenter.segment(term)].filter((part) => part.isWordLike || /\p{Extended_Pictographic}/u.test(part.segment)).map((part) => fold(part.segment)));
  const words = page.at(matched).flatMap((word) => searchTerms(word)).map(fold);
  const shared = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return n;
  };
  return words.some((word) => wanted.some((term) => word.startsWith(term) || shared(word, term) >= 0.75 * Math.max(word.length, term.length)));
}
