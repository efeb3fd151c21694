// What the site gives the search index: one small HTML document per message, built from the rendered edition (so
// that indexing neither reads the written pages back nor parses their navigation). The document holds the message's
// transcript, whose lines are sub-results (rehypeLineAnchors gives each an id and a data-pagefind-title), then its
// notes, each a sub-result at its anchor on the message's page (an element with an id and a data-pagefind-title),
// weighted below the transcript; and, hidden, the metadata and filters of the result card.
//
// Notes are sub-results rather than documents of their own because every document costs the first search about 7
// bytes of Pagefind's metadata whatever it holds: at 10,000 messages and 20,000 notes, notes of their own made it
// 259 kB against 95 kB. The document is in the message's language (`language:` in its front matter, or the
// edition's), so that Pagefind indexes it with that language's word splitting and stemming.
import type { ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { lineRangeLabel } from "../anchor/line-labels.ts";
import { sanitised } from "./html.ts";
import { noteKindLabel } from "./pages/parts.tsx";
import { messageSearchFields, searchFieldsElement } from "./pages/search-fields.tsx";
import { withSearchAliases } from "./search-aliases.ts";
import { NOTE_ANCHOR_PREFIX, noteSubResultTitle } from "./search-schema.ts";
import type { PartitionModel } from "./site-model.ts";

export interface SearchPage {
  url: string;
  content: string;
}

export interface SearchDocuments {
  pages: SearchPage[];
}

/** Transcript lines outrank notes that merely mention the same words: the record comes first. */
export const TRANSCRIPT_WEIGHT = "3";
export const NOTE_WEIGHT = "0.25";

const element = (tagName: string, properties: Record<string, string>, children: ElementContent[]): ElementContent => ({
  type: "element",
  tagName,
  properties,
  children,
});

/** The language a message's document is indexed in, as Pagefind names its index (lower case). */
export function messageLanguage(model: Pick<PartitionModel, "edition">, language: string | undefined): string {
  return (language ?? model.edition.meta.language).toLowerCase();
}

/**
 * Pagefind ends a paragraph, list item or table cell with a full stop when its text ends in a letter, so that
 * excerpts read as sentences; the result cards show the lines from Pagefind's copy of the text, which must be the
 * text as written. A space before the element's end tells Pagefind the text has ended.
 */
const BLOCK_END = /<\/(p|li|td|div|ul|article|section|h[1-6])>/g;
const withoutAddedStops = (html: string) => html.replace(BLOCK_END, " </$1>");

export function searchDocuments(model: PartitionModel): SearchDocuments {
  const pages: SearchPage[] = [];
  for (const rendered of model.pageMessages) {
    const { message, notes } = rendered;
    const language = messageLanguage(model, message.language);
    const notesBody = notes.map((note) =>
      element(
        "section",
        {
          id: `${NOTE_ANCHOR_PREFIX}${note.annotation.id}`,
          dataPagefindTitle: noteSubResultTitle(
            noteKindLabel(note.annotation.kind),
            lineRangeLabel(note.anchored.firstLine, note.anchored.lastLine),
            note.annotation.title,
          ),
        },
        [sanitised(withoutAddedStops(withSearchAliases(note.html, language))) as ElementContent],
      ),
    );
    const tree: Root = {
      type: "root",
      children: [
        { type: "doctype" },
        element("html", { lang: language }, [
          element("body", {}, [
            searchFieldsElement(messageSearchFields(model, message, notes)),
            element("section", { dataPagefindBody: "" }, [
              element("div", { dataPagefindWeight: TRANSCRIPT_WEIGHT }, [sanitised(withoutAddedStops(withSearchAliases(rendered.html, language))) as ElementContent]),
              ...(notesBody.length ? [element("div", { dataPagefindWeight: NOTE_WEIGHT }, notesBody)] : []),
            ]),
          ]),
        ]),
      ],
    };
    pages.push({ url: model.urls.message(message.id), content: toHtml(tree, { allowDangerousHtml: true }) });
  }
  return { pages };
}
