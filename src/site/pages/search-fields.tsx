/** @jsxRuntime automatic @jsxImportSource hastscript */
// What Pagefind records about a page besides its text: metadata for the result template, filters for the search
// page's facets, and a sort key for "sort by date". It sits outside the indexed body, so none of it is searched
// as text, and is hidden from readers.
import type { ElementContent } from "hast";
import type { Message } from "../../load/model.ts";
import { formatSent, KIND_LABELS, messageTitle, personName } from "../format.ts";
import type { PartitionModel } from "../site-model.ts";

/** Filter names as readers see them on the search page; the URL uses the lower-case, hyphenated form. */
export const FILTERS = {
  kind: "Kind",
  sender: "Sender",
  recipient: "Recipient",
  year: "Year",
  month: "Month",
  noteKind: "Note kind",
} as const;

export const NOTE_KIND_FILTER_VALUE = "Editorial note";

export interface SearchFields {
  meta: Record<string, string>;
  filters: Partial<Record<(typeof FILTERS)[keyof typeof FILTERS], string[]>>;
  /** Pagefind sorts numerically when every value is a number. */
  sort: Record<string, string>;
}

/** The fields every page about a message shares: who, to whom, when, and its place in the thread. */
export function messageSearchFields(model: PartitionModel, message: Message): SearchFields {
  const { people } = model.edition;
  return {
    meta: {
      date: formatSent(message),
      from: personName(people, message.from),
      to: message.to.map((id) => personName(people, id)).join(", "),
    },
    filters: {
      [FILTERS.sender]: [personName(people, message.from)],
      [FILTERS.recipient]: message.to.map((id) => personName(people, id)),
      [FILTERS.year]: [String(message.time.year)],
      [FILTERS.month]: [message.time.date.slice(0, 7)],
      [FILTERS.kind]: [KIND_LABELS[message.kind]],
    },
    // Within the partition's bundle; bundles are merged in reading order (see pipeline/partitions.ts).
    sort: { date: String(model.indexOf(message.id) * 1000) },
  };
}

/** The fields of a message's own search document: the shared ones, plus its title and kind for the result. */
export function messageDocumentFields(model: PartitionModel, message: Message): SearchFields {
  const shared = messageSearchFields(model, message);
  const title = messageTitle(message, model.edition.people);
  return { ...shared, meta: { title, type: "message", kind: KIND_LABELS[message.kind], ...shared.meta } };
}

export function searchFieldsElement(fields: SearchFields): ElementContent {
  const spans: ElementContent[] = [];
  for (const [key, value] of Object.entries(fields.meta))
    if (value) spans.push((<span data-pagefind-meta={key}>{value}</span>) as ElementContent);
  for (const [key, values] of Object.entries(fields.filters))
    for (const value of values ?? []) spans.push((<span data-pagefind-filter={key}>{value}</span>) as ElementContent);
  for (const [key, value] of Object.entries(fields.sort))
    spans.push((<span data-pagefind-sort={key}>{value}</span>) as ElementContent);
  return (
    <div className="search-fields" hidden="">
      {spans}
    </div>
  ) as ElementContent;
}
