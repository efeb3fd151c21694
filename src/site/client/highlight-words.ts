// The page a search result opens marks the words the reader searched for (the URL's pagefind-highlight
// parameters, as typed), in the transcript and the notes, with the same matching as the result cards
// (search-text.ts): accents and case folded, Hebrew and Arabic prefixes, unspaced scripts, emoji. Our own rather
// than Pagefind's highlighter (44 kB, mark.js), which folds only Latin accents and marks the punctuation after a word.
import { HIGHLIGHT_PARAM } from "../search-schema.ts";
import { findWords, searchTerms } from "./search-text.ts";

const SKIP = "script, style, mark.pagefind-highlight, .line-number, .note-call, .note-number";

export function markWords(root: Element, terms: readonly string[]): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let marked = 0;
  for (const text of texts) {
    const language = text.parentElement?.closest("[lang]")?.getAttribute("lang") ?? undefined;
    const ranges = findWords(text.data, terms, { language });
    // From the end, so that earlier offsets stay valid as the text node is split.
    for (const { start, end } of ranges.reverse()) {
      const word = text.splitText(start);
      word.splitText(end - start);
      const mark = document.createElement("mark");
      mark.className = "pagefind-highlight";
      word.replaceWith(mark);
      mark.append(word);
      marked++;
    }
  }
  return marked;
}

/** Marks the searched words of the page's URL in the given parts of the page. */
export function highlightSearchedWords(selectors: string): void {
  const terms = new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).flatMap(searchTerms);
  if (!terms.length) return;
  for (const root of document.querySelectorAll(selectors)) markWords(root, terms);
}
