/** @jsxRuntime automatic @jsxImportSource hastscript */
// A message's page: who wrote to whom and when (at the precision the sources allow), which sources attest it,
// the line-numbered transcript with its marked passages, the notes beside it, and the way back and forth in the
// thread. Only the transcript is indexed from this page; search indexes notes as documents of their own
// (site/search-documents.ts), which land on their anchors here.
import type { ElementContent } from "hast";
import type { RenderedMessage, RenderedNote } from "../../render/rendered.ts";
import { formatSent, KIND_LABELS, messageLang, messageTitle, personName, PRECISION_LABELS } from "../format.ts";
import { sanitised } from "../html.ts";
import { renderPage } from "../layout.tsx";
import { lineRangeFragment, lineRangeLabel } from "../../anchor/line-labels.ts";
import type { PartitionModel, SiteModel } from "../site-model.ts";
import { noteKindLabel, sourceList } from "./parts.tsx";
import { citePanel } from "./cite-panel.tsx";
import { messageHead } from "./reference-metadata.tsx";
import { pageIds } from "../page-ids.ts";

const noteLines = ({ anchored }: RenderedNote) => lineRangeLabel(anchored.firstLine, anchored.lastLine);

function noteItem(model: SiteModel, message: RenderedMessage["message"], note: RenderedNote): ElementContent {
  const { annotation, anchored } = note;
  return (
    <li className={`note note-kind-${annotation.kind}`} id={`note-${annotation.id}`} value={anchored.number}>
      <p className="note-head">
        <span className="note-number" aria-hidden="true">
          {String(anchored.number)}
        </span>
        {/* An untitled note is headed by its kind, so that its number never stands alone on a line. */}
        <strong className="note-title">{annotation.title ?? noteKindLabel(annotation.kind)}</strong>
        <span className="note-where">
          {annotation.title ? [<span className="note-kind">{noteKindLabel(annotation.kind)}</span>, " on "] : "On "}
          <a href={`#${lineRangeFragment(note.anchored.firstLine, note.anchored.lastLine)}`}>{noteLines(note)}</a>
        </span>
      </p>
      <blockquote className="note-quote">
        <p dir="auto" lang={messageLang(message, model.edition.meta.language)}>
          {anchored.exact}
        </p>
      </blockquote>
      <div className="note-body">{sanitised(note.html)}</div>
      <p className="note-sources">Sources: {sourceList(model, annotation.sources)}</p>
      <p className="note-links">
        <a href={`#ref-${annotation.id}`} aria-label={`Back to the passage of note ${anchored.number}`}>
          ↑ Back to the passage
        </a>
        {" · "}
        <a href={model.urls.note(annotation.id, annotation.target)}>Permalink</a>
      </p>
    </li>
  ) as ElementContent;
}

export function messagePage(model: PartitionModel, rendered: RenderedMessage): string {
  const { message, notes } = rendered;
  const { people } = model.edition;
  const title = messageTitle(message, people);
  const sent = formatSent(message);
  const { previous, next } = model.neighbours(message.id);
  const unit = model.unitOf(message.id);
  const person = (id: string) => <a href={model.urls.person(id)}>{personName(people, id)}</a>;
  const citeItem = model.citations.messageItem(message, rendered.lines);

  const main = (
    <article className={`message message-kind-${message.kind}`}>
      <header className="message-header">
        <p className="message-kind">
          {/* "Email · Email" says nothing twice: the platform is named only when it adds to the kind. */}
          {message.platform.toLowerCase() === KIND_LABELS[message.kind].toLowerCase()
            ? KIND_LABELS[message.kind]
            : `${KIND_LABELS[message.kind]} · ${message.platform}`}
        </p>
        <h1>{title}</h1>
        <dl className="message-meta">
          <div>
            <dt>From</dt>
            <dd>{person(message.from)}</dd>
          </div>
          {message.to.length ? (
            <div>
              <dt>To</dt>
              <dd>{message.to.flatMap((id, i) => (i ? [", ", person(id)] : [person(id)]))}</dd>
            </div>
          ) : (
            []
          )}
          <div>
            <dt>Sent</dt>
            <dd>
              <time dateTime={message.sent}>{sent}</time>{" "}
              <span className="precision">({PRECISION_LABELS[message.precision]})</span>
            </dd>
          </div>
          <div>
            <dt>Text</dt>
            <dd>
              {message.completeness === "complete"
                ? "Complete, as printed by the sources"
                : "Excerpt: the sources quote only part of this message; omissions are marked […]"}
            </dd>
          </div>
          <div>
            <dt>Attested by</dt>
            <dd>{sourceList(model, message.sources)}</dd>
          </div>
        </dl>
      </header>
      <div className={notes.length ? "reading has-notes" : "reading"}>
        <section className="transcript" aria-label="Transcript" lang={messageLang(message, model.edition.meta.language)} data-pagefind-body="">
          <div data-pagefind-weight="3">{sanitised(rendered.html)}</div>
        </section>
        {notes.length ? (
          <aside className="notes" aria-labelledby="notes-heading" data-pagefind-ignore="all">
            <h2 id="notes-heading">Notes</h2>
            <ol>{notes.map((note) => noteItem(model, message, note))}</ol>
          </aside>
        ) : (
          []
        )}
      </div>
      {citePanel(model, {
        heading: "Cite this message",
        whole: citeItem,
        lines: true,
        notes: notes.map((note) => ({
          label: `Note ${note.anchored.number}: ${noteKindLabel(note.annotation.kind)}, ${noteLines(note)}`,
          item: model.citations.noteItem(note, message),
        })),
      })}
      <nav className="thread-nav" aria-label="Thread" data-pagefind-ignore="all">
        {previous ? (
          <a rel="prev" href={model.urls.message(previous.id)}>
            <span className="thread-nav-label">← Previous</span>
            <span>{messageTitle(previous, people)}</span>
            <span className="thread-nav-date">{formatSent(previous)}</span>
          </a>
        ) : (
          <span />
        )}
        <span className="thread-nav-up">
          <a href={`${model.threadUrl(unit)}#${pageIds.message(message.id)}`}>The whole thread</a>
          <a href={`${model.conversationUrl(unit)}#${pageIds.message(message.id)}`}>In the conversation</a>
        </span>
        {next ? (
          <a rel="next" href={model.urls.message(next.id)}>
            <span className="thread-nav-label">Next →</span>
            <span>{messageTitle(next, people)}</span>
            <span className="thread-nav-date">{formatSent(next)}</span>
          </a>
        ) : (
          <span />
        )}
      </nav>
    </article>
  ) as ElementContent;

  return renderPage(model, {
    title: `${title}, ${sent}`,
    path: model.urls.message(message.id),
    shareType: "article",
    description: rendered.lines[0]?.text,
    main,
    // message.js places the sidenotes: it runs before the first paint, so that they do not move into place.
    scripts: [{ name: "message.js", blocking: "render" }, "cite.js"],
    head: messageHead(model, message, citeItem),
    bodyClass: "page-message",
  });
}
