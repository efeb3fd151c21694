// What the site gives the search index: for each message, the part of its page that is searched (its transcript,
// with the metadata, filters and sort key of the page) as a small HTML document; for each note, the same for the
// note's text, at the note's anchor on its message's page, weighted below transcripts. Built from the rendered
// edition, so that indexing neither reads the written pages back nor parses their navigation.
import type { ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { lineRangeFragment, lineRangeLabel } from "../anchor/line-labels.ts";
import { messageTitle } from "./format.ts";
import { sanitised } from "./html.ts";
import { noteKindLabel } from "./pages/parts.tsx";
import { FILTERS, messageDocumentFields, NOTE_KIND_FILTER_VALUE, searchFieldsElement, type SearchFields } from "./pages/search-fields.tsx";
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
export const NOTE_WEIGHT = "0.5";

/** A minimal page for the index: the fields outside the indexed body, and the weighted body. */
function documentOf(language: string, fields: SearchFields, body: ElementContent, weight: string): string {
  const tree: Root = {
    type: "root",
    children: [
      { type: "doctype" },
      {
        type: "element",
        tagName: "html",
        properties: { lang: language },
        children: [
          {
            type: "element",
            tagName: "body",
            properties: {},
            children: [
              searchFieldsElement(fields),
              {
                type: "element",
                tagName: "section",
                properties: { dataPagefindBody: "" },
                children: [{ type: "element", tagName: "div", properties: { dataPagefindWeight: weight }, children: [body] }],
              },
            ],
          },
        ],
      },
    ],
  };
  return toHtml(tree, { allowDangerousHtml: true });
}

export function searchDocuments(model: PartitionModel): SearchDocuments {
  const { people, meta } = model.edition;
  const pages: SearchPage[] = [];
  for (const rendered of model.pageMessages) {
    const { message } = rendered;
    const title = messageTitle(message, people);
    const fields = messageDocumentFields(model, message);
    pages.push({ url: model.urls.message(message.id), content: documentOf(meta.language, fields, sanitised(rendered.html) as ElementContent, TRANSCRIPT_WEIGHT) });

    for (const note of rendered.notes) {
      const { annotation, anchored } = note;
      const lines = lineRangeLabel(anchored.firstLine, anchored.lastLine);
      const noteMeta = {
        // A note's heading is shown, not searched (see SEARCH_RANKING): it is `heading`, not `title`.
        heading: annotation.title ?? `${noteKindLabel(annotation.kind)}: note on ${title}, ${lines}`,
        type: "note",
        kind: NOTE_KIND_FILTER_VALUE,
        noteKind: noteKindLabel(annotation.kind),
        target: `${title}, ${lines}`,
        targetUrl: `${model.urls.message(message.id)}#${lineRangeFragment(anchored.firstLine, anchored.lastLine)}`,
        date: fields.meta.date!,
      };
      // A note shares its message's fields, but is of its own kind and sorts just after the message.
      const noteFields: SearchFields = {
        meta: noteMeta,
        filters: { ...fields.filters, [FILTERS.kind]: [NOTE_KIND_FILTER_VALUE], [FILTERS.noteKind]: [noteKindLabel(annotation.kind)] },
        sort: { ...fields.sort, date: String(Number(fields.sort.date) + anchored.number) },
      };
      pages.push({
        url: model.urls.note(annotation.id, message.id),
        content: documentOf(meta.language, noteFields, sanitised(note.html) as ElementContent, NOTE_WEIGHT),
      });
    }
  }
  return { pages };
}
