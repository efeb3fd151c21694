/** @jsxRuntime automatic @jsxImportSource hastscript */
// Pieces that several pages share: source citations, note-kind labels, a message's entry in the thread.
import type { ElementContent } from "hast";
import type { SourceCitation } from "../../load/model.ts";
import type { AnnotationKind } from "../../load/schema.ts";
import type { MessageEntry } from "../../render/rendered.ts";
import { formatSent, KIND_LABELS, personName } from "../format.ts";
import type { SiteModel } from "../site-model.ts";

export const NOTE_KIND_LABELS: Record<AnnotationKind, string> = {
  context: "Context",
  aftermath: "What followed",
  variant: "Where the outlets differ",
  "fact-check": "Fact check",
  "cross-reference": "Cross-reference",
  silence: "Silence",
};

export function noteKindLabel(kind: AnnotationKind): string {
  return NOTE_KIND_LABELS[kind];
}

export function sourceList(model: SiteModel, sources: SourceCitation[]): ElementContent[] {
  return sources.flatMap((citation, i) => {
    const source = model.edition.sources.get(citation.id);
    const item: ElementContent[] = [
      <a href={model.urls.source(citation.id)}>{source?.short ?? citation.id}</a>,
    ] as ElementContent[];
    if (citation.locator) item.push({ type: "text", value: `, ${citation.locator}` });
    if (citation.quote) item.push({ type: "text", value: " (" }, <q>{citation.quote}</q> as ElementContent, { type: "text", value: ")" });
    return i ? [{ type: "text", value: "; " } as ElementContent, ...item] : item;
  });
}

export function threadEntry(model: SiteModel, rendered: MessageEntry): ElementContent {
  const { message, notes, lines } = rendered;
  const { people } = model.edition;
  return (
    <li className={`thread-entry message-kind-${message.kind}`} id={message.id}>
      <p className="thread-entry-head">
        <span className="thread-entry-kind">{KIND_LABELS[message.kind]}</span>
        <time dateTime={message.sent}>{formatSent(message)}</time>
      </p>
      <p className="thread-entry-who">
        <a href={model.urls.message(message.id)}>
          <strong>{personName(people, message.from)}</strong>
          {message.to.length ? [" to ", message.to.map((id) => personName(people, id)).join(", ")] : []}
        </a>
      </p>
      <p className="thread-entry-first-line">{lines[0]?.text ?? ""}</p>
      <p className="thread-entry-extra">
        {`${lines.length} line${lines.length === 1 ? "" : "s"}`}
        {notes.length ? ` · ${notes.length} note${notes.length === 1 ? "" : "s"}` : ""}
        {message.completeness === "excerpt" ? " · excerpt" : ""}
      </p>
    </li>
  ) as ElementContent;
}

/** Links to the numbered pages of a long listing, with the current one marked; nothing when there is one page. */
export function pageLinks(pages: Array<{ number: number; href: string }>, current: number, label: string): ElementContent[] {
  if (pages.length < 2) return [];
  return [
    <nav className="pager" aria-label={label}>
      <ul>
        {pages.map((page) => (
          <li>
            <a href={page.href} aria-current={page.number === current ? "page" : undefined}>
              {String(page.number)}
            </a>
          </li>
        ))}
      </ul>
    </nav>,
  ] as ElementContent[];
}
