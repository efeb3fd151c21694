/** @jsxRuntime automatic @jsxImportSource hastscript */
// What Pagefind records about a message besides its text: metadata for the result card and filters for the search
// page's facets. It sits outside the indexed body and is hidden. There is no sort key: one costs about 2.5 bytes per
// message in the metadata every search loads first (25 kB at 10,000 messages), and the page puts results in date
// order from the order Pagefind numbers them in (client/pagefind-pages.ts).
import type { ElementContent } from "hast";
import type { Message } from "../../load/model.ts";
import type { NoteEntry as RenderedNote } from "../../render/rendered.ts";
import { formatSent, KIND_LABELS, messageTitle, personName } from "../format.ts";
import type { FilterName } from "../search-schema.ts";
import type { SiteModel } from "../site-model.ts";
import { noteKindLabel } from "./parts.tsx";

export interface SearchFields {
  /**
   * Shown on the result card with the filters (which Pagefind also returns with each result: the kind, who wrote to
   * whom). Pagefind indexes metadata as text too, so it holds only what the filters do not; SEARCH_RANKING gives it
   * no weight.
   */
  meta: Record<string, string>;
  filters: Partial<Record<FilterName, string[]>>;
}

/** A message's fields: who, to whom, when, and the kinds of the notes on it. */
export function messageSearchFields(model: SiteModel, message: Message, notes: readonly RenderedNote[] = []): SearchFields {
  const { people } = model.edition;
  const from = personName(people, message.from);
  const to = message.to.map((id) => personName(people, id));
  return {
    meta: { title: messageTitle(message, people), date: formatSent(message) },
    filters: {
      Kind: [KIND_LABELS[message.kind]],
      Sender: [from],
      Recipient: to,
      Year: [String(message.time.year)],
      // The month as YYYY-MM, which sorts; the page shows it as "October 2016".
      Month: [message.time.date.slice(0, 7)],
      "Note kind": [...new Set(notes.map((note) => noteKindLabel(note.annotation.kind)))],
    },
  };
}

export function searchFieldsElement(fields: SearchFields): ElementContent {
  const spans: ElementContent[] = [];
  for (const [key, value] of Object.entries(fields.meta))
    if (value) spans.push((<span data-pagefind-meta={key}>{value}</span>) as ElementContent);
  for (const [key, values] of Object.entries(fields.filters))
    for (const value of values ?? []) spans.push((<span data-pagefind-filter={key}>{value}</span>) as ElementContent);
  return (
    <div className="search-fields" hidden="">
      {spans}
    </div>
  ) as ElementContent;
}
