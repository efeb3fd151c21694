/** @jsxRuntime automatic @jsxImportSource hastscript */
// The home page and the thread. An edition of one page's worth of messages has its whole thread on the home page;
// a longer one has a page per month (a long month has several), and its home page says what the edition holds,
// with the timeline and an index of the months. Each entry gives a message's sender, time and first line.
import type { ElementContent } from "hast";
import { formatDate, formatMonth } from "../format.ts";
import { renderPage } from "../layout.tsx";
import type { EditionModel, SiteModel, ThreadPage } from "../site-model.ts";
import type { ThreadUnit } from "../../pipeline/partitions.ts";
import { threadEntry } from "./parts.tsx";
import { editionHead } from "./reference-metadata.tsx";
import { timelineSection } from "./timeline.tsx";

const counted = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

function editionHeader(model: SiteModel): ElementContent {
  const { meta } = model.edition;
  const intro = model.edition.pages.find((p) => p.slug === "introduction");
  return (
    <header className="edition-header">
      <h1>{meta.title}</h1>
      {/* Beside the timeline on a wide screen, under the title. */}
      <div className="edition-intro">
        {meta.subtitle ? <p className="edition-subtitle">{meta.subtitle}</p> : []}
        <p className="edition-description">{meta.description}</p>
        <p className="edition-facts">
          {`${counted(model.totals.messages, "message or post", "messages and posts")} · ${counted(model.totals.notes, "editorial note", "editorial notes")} · version ${meta.version}`}
          {intro ? [" · ", <a href={model.urls.page(intro.slug)}>Read the introduction</a>] : []}
        </p>
      </div>
    </header>
  ) as ElementContent;
}

/**
 * The way from one page of a paged thread (or conversation) to the next: the months before and after, the other
 * pages of a long month, and the index of every month.
 */
export function unitPager(model: SiteModel, unit: ThreadUnit, urlOf: (unit: ThreadUnit) => string, index: string, label: string): ElementContent {
  const at = model.units.findIndex((other) => other.key === unit.key);
  const previous = model.units[at - 1];
  const next = model.units[at + 1];
  const sameMonth = model.units.filter((other) => other.month === unit.month);
  return (
    <nav className="pager unit-pager" aria-label={label}>
      <ul>
        <li className="pager-previous">{previous ? <a href={urlOf(previous)} rel="prev">{`← ${model.unitLabel(previous)}`}</a> : []}</li>
        {sameMonth.length > 1
          ? sameMonth.map((other) => (
              <li>
                <a href={urlOf(other)} aria-current={other.key === unit.key ? "page" : undefined}>
                  {String(other.page)}
                </a>
              </li>
            ))
          : []}
        <li className="pager-index">
          <a href={index}>All months</a>
        </li>
        <li className="pager-next">{next ? <a href={urlOf(next)} rel="next">{`${model.unitLabel(next)} →`}</a> : []}</li>
      </ul>
    </nav>
  ) as ElementContent;
}

/** Every month of a paged edition, by year, with its count: the way into the thread and the conversation. */
export function monthIndex(model: SiteModel, urlOf: (unit: ThreadUnit) => string, id: string): ElementContent {
  const years = new Map<string, ThreadUnit[]>();
  for (const unit of model.units) {
    if (unit.page !== 1) continue;
    const year = unit.month.slice(0, unit.month.lastIndexOf("-"));
    const list = years.get(year);
    if (list) list.push(unit);
    else years.set(year, [unit]);
  }
  const sizes = new Map<string, number>();
  for (const unit of model.units) sizes.set(unit.month, (sizes.get(unit.month) ?? 0) + unit.end - unit.start);
  const sizeOf = (unit: ThreadUnit) => sizes.get(unit.month) ?? 0;
  return (
    <div className="month-index" id={id}>
      {[...years].map(([year, units]) => (
        <section className="month-index-year" aria-labelledby={`${id}-${year}`}>
          <h3 id={`${id}-${year}`}>{year}</h3>
          <ul>
            {units.map((unit) => (
              <li>
                <a href={urlOf(unit)}>{formatMonth(unit.month).replace(/ \d+$/, "")}</a>
                <span className="month-index-count">{` ${counted(sizeOf(unit), "message", "messages")}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  ) as ElementContent;
}

function entries(model: EditionModel, page: ThreadPage, byDay: boolean): ElementContent[] {
  const groups: Array<{ label: string; entries: ElementContent[] }> = [];
  for (const entry of page.messages) {
    const { time } = entry.message;
    const label = formatDate(byDay ? time : { ...time, day: undefined });
    if (groups.at(-1)?.label !== label) groups.push({ label, entries: [] });
    groups.at(-1)!.entries.push(threadEntry(model, entry));
  }
  return groups.flatMap((group) => [<h3 className="thread-month">{group.label}</h3>, <ol className="thread">{group.entries}</ol>]) as ElementContent[];
}

/** The home page: the whole thread, or, for a paged edition, the timeline and the index of months. */
export function homePage(model: EditionModel): string {
  const { meta } = model.edition;
  const whole = model.paged ? undefined : model.threadPages[0];
  const main = (
    <div className="thread-page">
      {editionHeader(model)}
      {timelineSection(model)}
      <section className="thread-section" aria-labelledby="thread-heading">
        <h2 id="thread-heading">{whole ? "The correspondence" : "The correspondence by month"}</h2>
        {whole ? entries(model, whole, false) : monthIndex(model, (unit) => model.threadUrl(unit), "months")}
      </section>
    </div>
  ) as ElementContent;
  return renderPage(model, {
    title: meta.title,
    current: "thread",
    path: model.urls.home(),
    head: editionHead(model),
    main,
    bodyClass: "page-thread page-edition-home",
  });
}

/** A page of a paged thread: one month, or one page of a long month. */
export function threadPage(model: EditionModel, page: ThreadPage): string {
  const title = `The thread, ${model.unitLabel(page.unit)}`;
  const pager = unitPager(model, page.unit, (unit) => model.threadUrl(unit), `${model.urls.home()}#months`, "Thread pages");
  const main = (
    <div className="thread-page">
      <header className="edition-header">
        <h1>{title}</h1>
      </header>
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading" className="visually-hidden">
          The correspondence
        </h2>
        {pager}
        {entries(model, page, true)}
        {pager}
      </section>
    </div>
  ) as ElementContent;
  return renderPage(model, {
    title,
    current: "thread",
    path: model.threadUrl(page.unit),
    main,
    bodyClass: "page-thread",
  });
}
