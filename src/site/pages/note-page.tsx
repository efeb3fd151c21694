// A note's own page: its permanent URL, the passage it annotates in context, the note, its sources, and the way
// to the line in the message. This page, not the message page, is what search indexes for a note.
import type { ElementContent } from "hast";
import { formatSent, messageTitle } from "../format.ts";
import { sanitised } from "../html.ts";
import { renderPage } from "../layout.tsx";
import type { NoteEntry, SiteModel } from "../site-model.ts";
import { noteKindLabel, sourceList } from "./parts.tsx";

export function notePage(model: SiteModel, { note, message }: NoteEntry): string {
  const { annotation, anchored } = note;
  const target = messageTitle(message.message, model.edition.people);
  const fragment = anchored.firstLine === anchored.lastLine ? `L${anchored.firstLine}` : `L${anchored.firstLine}-L${anchored.lastLine}`;
  const lineLabel = anchored.firstLine === anchored.lastLine ? `line ${anchored.firstLine}` : `lines ${anchored.firstLine}–${anchored.lastLine}`;
  const heading = annotation.title ?? `${noteKindLabel(annotation.kind)}: note on ${target}, ${lineLabel}`;
  const main = (
    <article className={`note-page note-kind-${annotation.kind}`} data-pagefind-body="">
      <header>
        <p className="note-kind" data-pagefind-ignore="all">
          {noteKindLabel(annotation.kind)} · editorial note
        </p>
        <h1>{heading}</h1>
        <p className="note-target" data-pagefind-ignore="all">
          On <a href={`${model.urls.message(message.message.id)}#${fragment}`}>{`${target}, ${lineLabel}`}</a>
          {` (${formatSent(message.message)})`}
        </p>
      </header>
      <figure className="note-passage" data-pagefind-ignore="all">
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
      <div className="note-body">{sanitised(note.html)}</div>
      <p className="note-sources" data-pagefind-ignore="all">
        Sources: {sourceList(model, annotation.sources)}
      </p>
      <p className="note-author" data-pagefind-ignore="all">
        Note by {annotation.author ?? model.edition.meta.editors.map((e) => e.name).join(", ")}.
      </p>
    </article>
  ) as ElementContent;
  return renderPage(model, { title: heading, description: note.anchored.exact, main, bodyClass: "page-note" });
}
