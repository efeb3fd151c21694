// What the site gives the search index: for each message, the part of its page that is searched (its transcript,
// with the metadata, filters and sort key of the page) as a small HTML document; for each note, the same for the
// note's text, at the note's anchor on its message's page, weighted below transcripts. Built from the rendered
// edition, so that indexing neither reads the written pages back nor parses their navigation.
import type { ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { formatSent, KIND_LABELS, messageTitle } from "./format.ts";
import { sanitised } from "./html.ts";
import { noteKindLabel } from "./pages/parts.tsx";
import { FILTERS, messageSearchFields, NOTE_KIND_FILTER_VALUE, searchFieldsElement, type SearchFields } from "./pages/search-fields.tsx";
import type { SiteModel } from "./site-model.ts";

export interface SearchPage {
  url: string;
  content: string;
}

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface SearchDocuments {
  pages: SearchPage[];
  records: SearchRecord[];
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

export function searchDocuments(model: SiteModel): SearchDocuments {
  const { people, meta } = model.edition;
  const pages: SearchPage[] = [];
  const records: SearchRecord[] = [];
  for (const rendered of model.pageMessages) {
    const { message } = rendered;
    const title = messageTitle(message, people);
    const fields = messageSearchFields(model, message);
    fields.meta = { title, type: "message", kind: KIND_LABELS[message.kind], ...fields.meta };
    pages.push({ url: model.urls.message(message.id), content: documentOf(meta.language, fields, sanitised(rendered.html) as ElementContent, TRANSCRIPT_WEIGHT) });

    for (const note of rendered.notes) {
      const { annotation, anchored } = note;
      const lines = anchored.firstLine === anchored.lastLine ? `line ${anchored.firstLine}` : `lines ${anchored.firstLine}–${anchored.lastLine}`;
      const noteMeta = {
        // A note's heading is shown, not searched (see SEARCH_RANKING): it is `heading`, not `title`.
        heading: annotation.title ?? `${noteKindLabel(annotation.kind)}: note on ${title}, ${lines}`,
        type: "note",
        kind: NOTE_KIND_FILTER_VALUE,
        noteKind: noteKindLabel(annotation.kind),
        target: `${title}, ${lines}`,
        targetUrl: `${model.urls.message(message.id)}#${anchored.firstLine === anchored.lastLine ? `L${anchored.firstLine}` : `L${anchored.firstLine}-L${anchored.lastLine}`}`,
        date: formatSent(message),
      };
      const noteFields = messageSearchFields(model, message);
      noteFields.meta = noteMeta;
      noteFields.filters[FILTERS.kind] = [NOTE_KIND_FILTER_VALUE];
      noteFields.filters[FILTERS.noteKind] = [noteKindLabel(annotation.kind)];
      noteFields.sort.date = String(Number(noteFields.sort.date) + anchored.number);
      pages.push({
        url: model.urls.note(annotation.id, message.id),
        content: documentOf(meta.language, noteFields, sanitised(note.html) as ElementContent, NOTE_WEIGHT),
      });
    }
  }
  return { pages, records };
}
