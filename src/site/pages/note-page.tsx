// A note's own page: its permanent URL, the passage it annotates in context, the note, its sources, and the way
// to the line in the message. This page, not the message page, is what search indexes for a note.
import type { ElementContent } from "hast";
import { formatSent, messageTitle } from "../format.ts";
import { sanitised } from "../html.ts";
import { renderPage } from "../layout.tsx";
import type { NoteEntry, SiteModel } from "../site-model.ts";
import { noteKindLabel, sourceList } from "./parts.tsx";
import { FILTERS, messageSearchFields, NOTE_KIND_FILTER_VALUE, searchFieldsElement } from "./search-fields.tsx";
import { citePanel } from "./cite-panel.tsx";

export function notePage(model: SiteModel, { note, message }: NoteEntry): string {
  const { annotation, anchored } = note;
  const target = messageTitle(message.message, model.edition.people);
  const fragment = anchored.firstLine === anchored.lastLine ? `L${anchored.firstLine}` : `L${anchored.firstLine}-L${anchored.lastLine}`;
  const lineLabel = anchored.firstLine === anchored.lastLine ? `line ${anchored.firstLine}` : `lines ${anchored.firstLine}–${anchored.lastLine}`;
  const heading = annotation.title ?? `${noteKindLabel(annotation.kind)}: note on ${target}, ${lineLabel}`;
  const fields = messageSearchFields(model, message.message);
  // Not `title`: Pagefind indexes a page's title with a heavy weight, and a note's heading would then outrank the
  // transcript line it is about. The result template reads `heading` instead.
  fields.meta = {
    heading,
    type: "note",
    kind: NOTE_KIND_FILTER_VALUE,
    noteKind: noteKindLabel(annotation.kind),
    target: `${target}, ${lineLabel}`,
    targetUrl: `${model.urls.message(message.message.id)}#${fragment}`,
    date: fields.meta.date ?? "",
  };
  fields.filters[FILTERS.kind] = [NOTE_KIND_FILTER_VALUE];
  fields.filters[FILTERS.noteKind] = [noteKindLabel(annotation.kind)];
  fields.sort.date = String(Number(fields.sort.date) + anchored.number);

  const main = (
    <article className={`note-page note-kind-${annotation.kind}`}>
      <header>
        <p className="note-kind">
          {noteKindLabel(annotation.kind)} · editorial note
        </p>
        <h1>{heading}</h1>
        <p className="note-target">
          On <a href={`${model.urls.message(message.message.id)}#${fragment}`}>{`${target}, ${lineLabel}`}</a>
          {` (${formatSent(message.message)})`}
        </p>
      </header>
      <figure className="note-passage">
        <blockquote>
          <p>
            <span className="context">{anchored.prefix ? `…${anchored.prefix}` : ""}</span>
            <mark>{anchored.exact}</mark>
            <span className="context">{anchored.suffix ? `${anchored.suffix}…` : ""}</span>
          </p>
        </blockquote>
        <figcaption>
          The annotated passage, {lineLabel} of the transcript.
        </figcaption>
      </figure>
      {searchFieldsElement(fields)}
      {/* Notes rank below transcript lines that use the same words: the record comes first. */}
      <div className="note-body" data-pagefind-body="">
        <div data-pagefind-weight="0.5">{sanitised(note.html)}</div>
      </div>
      <p className="note-sources">
        Sources: {sourceList(model, annotation.sources)}
      </p>
      <p className="note-author">
        Note by {annotation.author ?? model.edition.meta.editors.map((e) => e.name).join(", ")}.
      </p>
      {citePanel(model, { heading: "Cite this note", whole: model.citations.noteItem(note, message.message) })}
    </article>
  ) as ElementContent;
  return renderPage(model, { title: heading, description: note.anchored.exact, main, bodyClass: "page-note", scripts: ["cite.js"] });
}
