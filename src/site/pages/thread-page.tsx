/** @jsxRuntime automatic @jsxImportSource hastscript */
// The home page and its continuation pages: the edition's title and description, then the correspondence as a
// thread in time order, grouped by month, with each message's sender, time and first line.
import type { ElementContent } from "hast";
import { formatDate } from "../format.ts";
import { renderPage } from "../layout.tsx";
import type { SiteModel, ThreadPage } from "../site-model.ts";
import { pageLinks, threadEntry } from "./parts.tsx";
import { editionHead } from "./reference-metadata.tsx";
import { timelineSection } from "./timeline.tsx";

const counted = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

function pager(model: SiteModel, page: ThreadPage): ElementContent[] {
  return pageLinks(
    model.threadPages.map((other) => ({ number: other.number, href: model.urls.thread(other.number) })),
    page.number,
    "Thread pages",
  );
}

export function threadPage(model: SiteModel, page: ThreadPage): string {
  const { meta } = model.edition;
  const groups: Array<{ label: string; entries: ElementContent[] }> = [];
  for (const rendered of page.messages) {
    const { time } = rendered.message;
    const label = formatDate({ ...time, day: undefined });
    if (groups.at(-1)?.label !== label) groups.push({ label, entries: [] });
    groups.at(-1)!.entries.push(threadEntry(model, rendered));
  }
  const intro = model.edition.pages.find((p) => p.slug === "introduction");
  const main = (
    <div className="thread-page">
      {page.number === 1 ? (
        <header className="edition-header">
          <h1>{meta.title}</h1>
          {meta.subtitle ? <p className="edition-subtitle">{meta.subtitle}</p> : []}
          <p className="edition-description">{meta.description}</p>
          <p className="edition-facts">
            {`${counted(model.rendered.messages.length, "message or post", "messages and posts")} · ${counted(model.notes.length, "editorial note", "editorial notes")} · version ${meta.version}`}
            {intro ? [" · ", <a href={model.urls.page(intro.slug)}>Read the introduction</a>] : []}
          </p>
        </header>
      ) : (
        <header className="edition-header">
          <h1>{`The thread, page ${page.number}`}</h1>
        </header>
      )}
      {page.number === 1 ? timelineSection(model) : []}
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading" className={page.number === 1 ? "" : "visually-hidden"}>
          The correspondence
        </h2>
        {pager(model, page)}
        {groups.flatMap((group) => [
          <h3 className="thread-month">{group.label}</h3>,
          <ol className="thread">{group.entries}</ol>,
        ])}
        {pager(model, page)}
      </section>
    </div>
  ) as ElementContent;
  return renderPage(model, {
    title: page.number === 1 ? meta.title : `The thread, page ${page.number}`,
    current: "thread",
    path: model.urls.thread(page.number),
    head: page.number === 1 ? editionHead(model) : [],
    main,
    bodyClass: "page-thread",
  });
}
