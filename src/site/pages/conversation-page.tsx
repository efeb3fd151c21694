/** @jsxRuntime automatic @jsxImportSource hastscript */
// The conversation view: the whole correspondence on one page (or, for a large edition, on the same pages as the
// thread list), styled like a message thread. The opening writer's messages sit on one side and the replies on
// the other, public posts and statements across the page; days are separated, and a writer who wrote again
// without an answer is shown as such. Every transcript keeps its numbered, linkable lines, every note is linked,
// and every message links to its own page, which links back here.
import type { ElementContent } from "hast";
import type { RenderedMessage, RenderedNote } from "../../render/rendered.ts";
import { lineRangeLabel } from "../../anchor/line-labels.ts";
import { conversationEntries, type ConversationEntry } from "../conversation.ts";
import { formatSent, KIND_LABELS, messageTitle, personName } from "../format.ts";
import { renderPage } from "../layout.tsx";
import { scopeFragment } from "../scope-fragment.ts";
import { sanitised } from "../html.ts";
import { contentHash } from "../../render/render-cache.ts";
import { toHtml } from "hast-util-to-html";
import type { PartitionModel, SiteModel, ThreadPage } from "../site-model.ts";
import { noteKindLabel } from "./parts.tsx";
import { monthIndex, unitPager } from "./thread-page.tsx";

/** Where a message's lines live on a conversation page: `#<message id>-L3`. */
export const conversationLineId = (messageId: string, lineId: string) => `${messageId}-${lineId}`;

function noteLink(model: SiteModel, rendered: RenderedMessage, note: RenderedNote): ElementContent {
  const { annotation, anchored } = note;
  const label = annotation.title ?? `${noteKindLabel(annotation.kind)}, ${lineRangeLabel(anchored.firstLine, anchored.lastLine)}`;
  return (
    <li>
      <a href={model.urls.note(annotation.id, rendered.message.id)}>
        <span className="bubble-note-number">{String(anchored.number)}</span> {label}
      </a>
    </li>
  ) as ElementContent;
}

function bubble(model: PartitionModel, entry: ConversationEntry): ElementContent {
  const { rendered, side, noReply } = entry;
  const { message, notes, lines } = rendered;
  const { people } = model.edition;
  const ownPage = model.urls.message(message.id);
  const headingId = conversationLineId(message.id, "heading");
  const silence = noReply
    ? [<p className="no-reply">{`No reply ${noReply.approximate ? "in about" : "in"} ${noReply.after}: ${personName(people, message.from)} writes again`}</p>]
    : [];
  return (
    <li className={`bubble-row side-${side}`} id={message.id}>
      {silence}
      <article className={`bubble message-kind-${message.kind}`} aria-labelledby={headingId}>
        <header className="bubble-head">
          <h3 id={headingId}>
            <a href={ownPage}>{messageTitle(message, people)}</a>
          </h3>
          <p className="bubble-meta">
            {KIND_LABELS[message.kind]}
            {" · "}
            <time dateTime={message.sent}>{formatSent(message)}</time>
            {message.completeness === "excerpt" ? " · excerpt" : ""}
          </p>
        </header>
        <div className="transcript bubble-transcript" aria-label={`Transcript, ${lines.length} line${lines.length === 1 ? "" : "s"}`} role="group">
          {sanitised(scopedTranscript(model, rendered, ownPage))}
        </div>
        <footer className="bubble-foot">
          {notes.length ? (
            <details className="bubble-notes">
              <summary>{`${notes.length} note${notes.length === 1 ? "" : "s"}`}</summary>
              <ol>{notes.map((note) => noteLink(model, rendered, note))}</ol>
            </details>
          ) : (
            []
          )}
          <a className="bubble-open" href={ownPage}>
            Open the message, its notes and citations
          </a>
        </footer>
      </article>
    </li>
  ) as ElementContent;
}

/**
 * The transcript with its anchors under the message's own prefix. Parsing every transcript again was a tenth of a
 * rebuild at 10,000 messages, so the result is kept between builds with the partition's rendered text.
 */
function scopedTranscript(model: PartitionModel, rendered: RenderedMessage, ownPage: string): string {
  const idPrefix = conversationLineId(rendered.message.id, "");
  return model.memo(`conversation:${contentHash([rendered.html, idPrefix, ownPage])}`, () =>
    toHtml({ type: "root", children: scopeFragment(rendered.html, { idPrefix, ownPage }) }),
  );
}

/** What the conversation's pages say of themselves. */
const INTRO = (model: SiteModel, opener: string | undefined) => [
  `Every message in time order, as a thread. `,
  opener ? `${personName(model.edition.people, opener)}, who wrote first, is on the left; replies are on the right; ` : "",
  `public posts and statements run across the page. Line numbers link to each line here; a message's heading opens its own page, with its notes beside the text and its citations. `,
];

export function conversationPage(model: PartitionModel, page: ThreadPage<RenderedMessage>): string {
  const { opener } = model;
  const entries = conversationEntries(page.messages, opener, model.messageBefore(page.unit));
  const days: Array<{ label: string; date: string; entries: ConversationEntry[] }> = [];
  for (const entry of entries) {
    if (entry.newDay) days.push({ label: entry.newDay, date: entry.rendered.message.time.date, entries: [] });
    days.at(-1)!.entries.push(entry);
  }
  const pager = model.paged ? unitPager(model, page.unit, (unit) => model.conversationUrl(unit), model.urls.conversation(), "Conversation pages") : [];
  const title = model.paged ? `The conversation, ${model.unitLabel(page.unit)}` : "The conversation";
  const main = (
    <div className="conversation-page">
      <header className="edition-header">
        <h1>{title}</h1>
        <p className="conversation-intro">
          {INTRO(model, opener)}
          <a href={model.paged ? model.threadUrl(page.unit) : model.urls.home()}>The list of messages</a>
          {" gives the same thread at a glance."}
        </p>
      </header>
      {pager}
      {days.map((day) => (
        <section className="conversation-day" aria-labelledby={`on-${day.date}`}>
          <h2 className="conversation-date" id={`on-${day.date}`}>
            {day.label}
          </h2>
          <ol className="conversation">{day.entries.map((entry) => bubble(model, entry))}</ol>
        </section>
      ))}
      {pager}
    </div>
  ) as ElementContent;
  return renderPage(model, {
    title,
    description: `${model.edition.meta.title}: the correspondence as a thread, with every line and note.`,
    current: "conversation",
    path: model.conversationUrl(page.unit),
    main,
    bodyClass: "page-conversation",
  });
}

/** The conversation of a paged edition begins with the index of its months. */
export function conversationIndexPage(model: SiteModel, opener: string | undefined): string {
  const main = (
    <div className="conversation-page">
      <header className="edition-header">
        <h1>The conversation</h1>
        <p className="conversation-intro">
          {INTRO(model, opener)}
          {"Choose a month."}
        </p>
      </header>
      {monthIndex(model, (unit) => model.conversationUrl(unit), "months")}
    </div>
  ) as ElementContent;
  return renderPage(model, {
    title: "The conversation",
    description: `${model.edition.meta.title}: the correspondence as a thread, with every line and note.`,
    current: "conversation",
    path: model.urls.conversation(),
    main,
    bodyClass: "page-conversation",
  });
}
