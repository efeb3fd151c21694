/** @jsxRuntime automatic @jsxImportSource hastscript */
// The home page's timeline: a picture of who wrote when (lanes of senders, public posts apart, long silences
// labelled), a caption that says the same in words, and a table of the data behind it.
//
// Accessibility: the picture is aria-hidden and its links are out of the tab order (tabindex=-1), so that screen
// readers and keyboards meet each message once, in the table, which has the same links; pointer users can still
// click a mark, and each mark's <title> names it on hover. The picture is SVG built with hastscript's `s` (so that
// SVG attributes keep their case and every name from the edition is escaped), coloured by CSS classes only, as the
// Content-Security-Policy forbids inline style.
import type { Element, ElementContent, Root } from "hast";
import { s } from "hastscript";
import type { Message } from "../../load/model.ts";
import { clockIn, formatClock, formatDate, formatOffset, formatSent, KIND_LABELS, listNames, messageTitle, personName } from "../format.ts";
import type { EditionModel } from "../site-model.ts";
import { describeStep, layoutTimeline, MARK_RADIUS, TIMELINE_FONTS, type Timeline, type TimelineLane } from "../timeline/layout.ts";
import { pageIds } from "../page-ids.ts";

const LANE_CLASS: Record<TimelineLane["kind"], string> = {
  sender: "timeline-lane-sender",
  others: "timeline-lane-others",
  public: "timeline-lane-public",
};

/** The picture in both shapes: wide, and narrow for a phone. */
interface Timelines {
  wide: Timeline;
  narrow: Timeline;
}

/** Laid out once per site model, however often the first thread page is rendered. */
const layouts = new WeakMap<EditionModel, Timelines | undefined>();

function timelineOf(model: EditionModel, binAbove?: number): Timelines | undefined {
  if (binAbove !== undefined) return layout(model, binAbove);
  if (!layouts.has(model)) layouts.set(model, layout(model));
  return layouts.get(model);
}

function layout(model: EditionModel, binAbove?: number): Timelines | undefined {
  const { people } = model.edition;
  const input = {
    messages: model.messages.map(({ message }) => message),
    nameOf: (id: string) => personName(people, id),
    binAbove,
  };
  const wide = layoutTimeline(input);
  const narrow = layoutTimeline({ ...input, shape: "narrow" });
  return wide && narrow ? { wide, narrow } : undefined;
}

function picture(model: EditionModel, timeline: Timeline): Element {
  const { people } = model.edition;
  const messages = model.messages;
  const { plot, lanes, axisY } = timeline;
  const laneRows = lanes.map((lane) =>
    s("g", { className: ["timeline-lane", LANE_CLASS[lane.kind]] }, [
      s("line", { className: "timeline-lane-rule", x1: plot.left, x2: plot.right, y1: lane.y, y2: lane.y }),
      s("text", { className: "timeline-lane-label", x: lane.labelAt.x, y: lane.labelAt.y, textAnchor: lane.labelAt.anchor, fontSize: TIMELINE_FONTS.lane, fontWeight: 600 }, lane.label),
      s("text", { className: "timeline-lane-count", x: lane.countAt.x, y: lane.countAt.y, textAnchor: lane.countAt.anchor, fontSize: TIMELINE_FONTS.small }, lane.countLabel),
    ]),
  );
  const band = (gap: Timeline["gaps"][number]) =>
    s("rect", { className: "timeline-gap-band", x: gap.x0, y: plot.top, width: Math.max(0, gap.x1 - gap.x0), height: plot.bottom - plot.top });
  const label = (gap: Timeline["gaps"][number]) =>
    gap.lines.map((line) => s("text", { className: "timeline-gap-label", x: line.x, y: line.y, textAnchor: "middle", fontSize: timeline.gapFont }, line.text));
  const gaps = timeline.gaps.map((gap) => s("g", { className: "timeline-gap" }, [band(gap), ...label(gap)]));
  const axis = s("g", { className: "timeline-axis" }, [
    s("line", { className: "timeline-axis-rule", x1: plot.left, x2: plot.right, y1: axisY, y2: axisY }),
    ...timeline.ticks.flatMap((tick) => [
      s("line", { className: "timeline-tick", x1: tick.x, x2: tick.x, y1: axisY, y2: axisY + 5 }),
      ...(tick.label ? [s("text", { className: "timeline-tick-label", x: tick.x, y: axisY + 19, textAnchor: "middle", fontSize: TIMELINE_FONTS.tick }, tick.label)] : []),
      ...(tick.context ? [s("text", { className: "timeline-tick-context", x: tick.x, y: axisY + 35, textAnchor: "middle", fontSize: TIMELINE_FONTS.small, fontWeight: 600 }, tick.context)] : []),
    ]),
  ]);
  // Marks are grouped by lane, each group drawn after the gaps so that no band covers the edge of a mark.
  const marksByLane: Element[][] = lanes.map(() => []);
  if (timeline.marks)
    for (const mark of timeline.marks) {
      const { message } = messages[mark.message]!;
      marksByLane[mark.lane]!.push(
        s("a", { className: "timeline-mark", href: model.urls.message(message.id), tabIndex: -1 }, [
          s("title", `${messageTitle(message, people)}, ${formatDate(message.time)}`),
          ...(mark.range ? [s("line", { className: "timeline-mark-range", x1: mark.range.x0, x2: mark.range.x1, y1: mark.y, y2: mark.y })] : []),
          s("circle", { className: "timeline-mark-dot", cx: mark.x, cy: mark.y, r: MARK_RADIUS }),
        ]),
      );
    }
  else
    for (const bar of timeline.bins!.bars) {
      const lane = lanes[bar.lane]!;
      const { message } = messages[bar.firstMessage]!;
      marksByLane[bar.lane]!.push(
        s("a", { className: "timeline-mark", href: `${model.threadUrl(model.unitOf(message.id))}#${pageIds.message(message.id)}`, tabIndex: -1 }, [
          s("title", `${lane.name}: ${messageCount(bar.count)}, ${timeline.bins!.periods[bar.period]!.label}`),
          s("rect", { className: "timeline-mark-bar", x: bar.x, y: bar.y, width: bar.width, height: bar.height }),
        ]),
      );
    }
  const marks = lanes.map((lane, index) => s("g", { className: ["timeline-lane-marks", LANE_CLASS[lane.kind]] }, marksByLane[index]!));
  return s(
    "svg",
    {
      className: ["timeline-picture", `timeline-${timeline.shape}`],
      viewBox: `0 0 ${timeline.width} ${timeline.height}`,
      width: "100%",
      preserveAspectRatio: "xMinYMin meet",
      ariaHidden: "true",
      focusable: "false",
    },
    // Names written above the lanes cross the silences' bands: they are drawn over the bands, and the silences'
    // labels over them in turn (a label's halo hides the lane's rule behind it).
    timeline.shape === "wide"
      ? [s("g", { className: "timeline-lanes" }, laneRows), s("g", { className: "timeline-gaps" }, gaps), axis, ...marks]
      : [
          s("g", { className: "timeline-gap-bands" }, timeline.gaps.map(band)),
          s("g", { className: "timeline-lanes" }, laneRows),
          s("g", { className: "timeline-gaps" }, timeline.gaps.map((gap) => s("g", { className: "timeline-gap" }, label(gap)))),
          axis,
          ...marks,
        ],
  );
}

const messageCount = (n: number) => `${n.toLocaleString("en")} message${n === 1 ? "" : "s"}`;

/** The picture in words, for everyone: the span, who sent how much, and the long silences. */
function caption(model: EditionModel, timeline: Timeline): string {
  const messages = model.messages;
  const dated = (index: number) => formatDate(messages[index]!.message.time);
  const firstDate = dated(timeline.first);
  const lastDate = dated(timeline.last);
  const span = firstDate === lastDate ? `on ${firstDate}` : `from ${firstDate} to ${lastDate}`;
  const senders = timeline.lanes.filter((lane) => lane.kind !== "public");
  const posts = timeline.lanes.find((lane) => lane.kind === "public");
  const total = messages.length;
  const noun = posts ? (total === 1 ? "message or post" : "messages and posts") : total === 1 ? "message" : "messages";
  const parts = [`${total.toLocaleString("en")} ${noun} ${span}.`];
  if (senders.length) parts.push(`${listNames(senders.map((lane) => `${lane.name} sent ${lane.count.toLocaleString("en")}`))}.`);
  if (posts) parts.push(`${posts.count.toLocaleString("en")} ${posts.count === 1 ? "was a public post or statement" : "were public posts or statements"}, drawn on a lane of their own.`);
  if (timeline.gaps.length) parts.push(`Long silences: ${listNames(timeline.gaps.map((gap) => `${gap.length} ${between(messages[gap.before]!.message, messages[gap.after]!.message, timeline.zone)}`))}.`);
  if (timeline.bins)
    parts.push(`Each bar counts a lane’s messages over ${describeStep(timeline.bins.step)} and links to the thread page that holds them.`);
  else parts.push("Each mark links to its message; so does the table below.");
  if (timeline.tickStep.base === "hour" && timeline.zone) parts.push(`Times of day are shown in ${formatOffset(timeline.zone)}.`);
  return parts.join(" ");
}

/**
 * "between December 16, 2016 and July 11, 2017", or the times of day when both fall on one day, both told in the
 * timeline's zone and naming it: messages written in different zones would otherwise read "3:09 a.m. and 3:08 a.m."
 * for two hours apart.
 */
function between(before: Message, after: Message, zone: string | undefined): string {
  const timed = (message: Message) => message.time.instant !== undefined && message.precision !== "approximate";
  if (timed(before) && timed(after)) {
    const start = clockIn(before.time.instant!, zone);
    const end = clockIn(after.time.instant!, zone);
    if (start.date.date === end.date.date)
      return `between ${formatClock(start.time)} and ${formatClock(end.time)} on ${formatDate(start.date)} (${formatOffset(zone ?? "Z")})`;
  }
  return `between ${formatDate(before.time)} and ${formatDate(after.time)}`;
}

/** The text alternative's table: a hidden caption, a row of column headings, then the rows. */
function timelineTable(caption: string, headings: readonly string[], rows: Array<Element | Root>): Element {
  return (
    <table className="timeline-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {headings.map((heading) => (
            <th scope="col">{heading}</th>
          ))}
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  ) as Element;
}

function messageTable(model: EditionModel): Element {
  const { people } = model.edition;
  return timelineTable(
    "Every message in the timeline, in thread order",
    ["Date", "From", "To", "Kind", "Message"],
    model.messages.map(({ message }) => (
      <tr>
        <td>
          <time dateTime={message.sent}>{formatSent(message)}</time>
        </td>
        <td>{personName(people, message.from)}</td>
        <td>{message.to.length ? listNames(message.to.map((id) => personName(people, id))) : "(public)"}</td>
        <td>{KIND_LABELS[message.kind]}</td>
        <td>
          <a href={model.urls.message(message.id)}>{messageTitle(message, people)}</a>
        </td>
      </tr>
    )),
  );
}

function binnedTable(model: EditionModel, timeline: Timeline): Element {
  const messages = model.messages;
  return timelineTable(
    "Messages per lane and period, in time order",
    ["Period", ...timeline.lanes.map((lane) => lane.name), "Thread page"],
    timeline.bins!.periods.map((period) => {
      const { id } = messages[period.firstMessage]!.message;
      const unit = model.unitOf(id);
      return (
        <tr>
          <th scope="row">{period.label}</th>
          {period.counts.map((n) => (
            <td className="timeline-count">{n.toLocaleString("en")}</td>
          ))}
          <td>
            <a href={`${model.threadUrl(unit)}#${pageIds.message(id)}`}>{model.paged ? model.unitLabel(unit) : "The thread"}</a>
          </td>
        </tr>
      );
    }),
  );
}

export interface TimelineOptions {
  /** Bin marks past this many messages instead of the default threshold (for tests). */
  binAbove?: number;
}

/** The timeline section of the home page, or nothing for an edition without messages. */
export function timelineSection(model: EditionModel, options: TimelineOptions = {}): ElementContent[] {
  const timelines = timelineOf(model, options.binAbove);
  if (!timelines) return [];
  const timeline = timelines.wide;
  return [
    <section className="timeline" aria-labelledby="timeline-heading" data-pagefind-ignore="all">
      <h2 id="timeline-heading">Timeline</h2>
      <figure className="timeline-figure">
        {/* Focusable so that keyboards can scroll the picture where it is wider than the screen. */}
        {/* The stylesheet shows one of the two: the narrow one on a phone, where the wide one would have to scroll. */}
        <div className="timeline-scroll" tabIndex={0} role="group" aria-label="Timeline picture">
          {picture(model, timelines.wide)}
          {picture(model, timelines.narrow)}
        </div>
        <figcaption className="timeline-caption">{caption(model, timeline)}</figcaption>
      </figure>
      <details className="timeline-data">
        <summary>{timeline.bins ? "The timeline as a table of periods" : "The timeline as a table"}</summary>
        <div className="timeline-table-scroll">
          {timeline.bins ? binnedTable(model, timeline) : messageTable(model)}
        </div>
      </details>
    </section>,
  ] as ElementContent[];
}
