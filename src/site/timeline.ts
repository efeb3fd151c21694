// The layout of the home page's timeline picture, as plain data in SVG user units: lanes, marks (or, for very large
// editions, bins), the long silences, and time ticks in units that suit the span. Rendering is in
// pages/timeline.tsx; keeping the arithmetic here lets tests check it without parsing markup.
//
// Every step is one pass over the messages (plus work proportional to the number of senders, bins and ticks), so
// that the picture costs next to nothing at 100,000 messages, and nothing depends on the order of a Map's keys
// beyond insertion order, so that two builds write the same picture.
import type { Message } from "../load/model.ts";
import type { MessageKind } from "../load/schema.ts";
import type { ParsedTimestamp } from "../load/timestamp.ts";
import { formatClock, formatDate, PUBLIC_KINDS, silenceBetween } from "./format.ts";

export type TimelineMessage = Pick<Message, "id" | "from" | "kind" | "time" | "precision">;


export interface TimelineInput {
  /** In thread order. */
  messages: readonly TimelineMessage[];
  nameOf(personId: string): string;
  /** Past this many messages, marks are drawn per lane and period instead of per message (default 2,000). */
  binAbove?: number;
  /** Past this many senders, the least active share one lane (default 8). */
  maxSenderLanes?: number;
  /** "wide" (the default) or "narrow", for a phone. */
  shape?: TimelineShape;
}

export interface TimelineLane {
  kind: "sender" | "others" | "public";
  /** The sender, for a sender lane. */
  person?: string;
  /** The full name of the lane, for the table and the caption. */
  name: string;
  /** The name as drawn, shortened to fit the label column. */
  label: string;
  /** "8 sent", "3 published". */
  countLabel: string;
  count: number;
  /** The lane's centre line. */
  y: number;
  /** Where its name and its count are drawn, and how they are anchored there. */
  labelAt: TextPlace;
  countAt: TextPlace;
}

export interface TextPlace {
  x: number;
  y: number;
  anchor: "start" | "end";
}

export interface TimelineMark {
  /** Index into the input's messages. */
  message: number;
  lane: number;
  x: number;
  y: number;
  /** When the message is known only to the day or month and that period is wider than a mark: its extent. */
  range?: { x0: number; x1: number };
}

export interface TimelineBar {
  lane: number;
  /** Index into `bins.periods`. */
  period: number;
  count: number;
  /** The first message of the lane in the period, in thread order: what the bar links to. */
  firstMessage: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelinePeriod {
  /** "March 2011", "2010 to 2011". */
  label: string;
  /** Messages per lane, in lane order. */
  counts: number[];
  /** The period's first message in thread order. */
  firstMessage: number;
}

export interface TimelineBins {
  step: CalendarStep;
  /** Only the periods that hold messages, in time order. */
  periods: TimelinePeriod[];
  bars: TimelineBar[];
}

export interface TimelineGap {
  /** The message after which the silence starts and the one that ends it. */
  before: number;
  after: number;
  /** "7 months", as silenceBetween words it. */
  length: string;
  x0: number;
  x1: number;
  /** The label as drawn, one entry per line; empty when no wording fits the gap. */
  lines: Array<{ text: string; x: number; y: number }>;
}

export interface TimelineTick {
  x: number;
  /** Empty when the label would collide with its neighbour; the tick is still drawn. */
  label: string;
  /** The year, or the date for hour ticks, where it changes: "2016", "Apr 1, 1901". */
  context?: string;
}

export type TickUnit = "hour" | "day" | "week" | "month" | "year" | "decade" | "century";

export interface CalendarStep {
  unit: TickUnit;
  /** The calendar unit counted and how many of it make a step. */
  base: "hour" | "day" | "month" | "year";
  count: number;
}

export interface Timeline {
  shape: TimelineShape;
  /** The font size of the silences' labels. */
  gapFont: number;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  lanes: TimelineLane[];
  /** One per message, in thread order; undefined when the edition is large enough to be binned. */
  marks?: TimelineMark[];
  bins?: TimelineBins;
  gaps: TimelineGap[];
  tickStep: CalendarStep;
  ticks: TimelineTick[];
  axisY: number;
  /** The earliest and latest messages. */
  first: number;
  last: number;
  /** The UTC offset in which times of day are placed ("-04:00"): the first timed message's, so that hour ticks read as its writers' clocks did. */
  zone?: string;
}

// Geometry, in SVG user units; at the widest layout a unit is a CSS pixel.
/** How the picture is laid out: lanes named in a column beside the marks, or (on a phone) above them. */
export type TimelineShape = "wide" | "narrow";

interface Geometry {
  width: number;
  plotLeft: number;
  plotRight: number;
  top: number;
  laneHeight: number;
  /** From a lane's top to the centre line of its marks. */
  laneCentre: number;
  /** The room for a lane's name and count. */
  labelRoom: number;
  labels: "beside" | "above";
  /** The silences' labels: a little smaller at a phone's width, so that a short silence still gets its words. */
  gapFont: number;
}

/** Lane labels end this far left of the plot. */
export const LABEL_GAP = 12;
const GEOMETRY: Record<TimelineShape, Geometry> = {
  wide: { width: 704, plotLeft: 184, plotRight: 704 - 28, top: 10, laneHeight: 40, laneCentre: 20, labelRoom: 184 - LABEL_GAP - 4, labels: "beside", gapFont: 12 },
  // About a phone's width, where the wide picture would have to scroll: every lane's name sits above its marks,
  // so that the marks have the whole width and the names never scroll out of sight.
  narrow: { width: 320, plotLeft: 10, plotRight: 320 - 12, top: 4, laneHeight: 58, laneCentre: 36, labelRoom: 320 - 22, labels: "above", gapFont: 11 },
};
export const MARK_RADIUS = 5;
/** Font sizes, set on the SVG's text as attributes, because the layout measures its labels by them. */
export const TIMELINE_FONTS = { lane: 14, small: 12, tick: 12 };
const { lane: LANE_FONT, small: SMALL_FONT, tick: TICK_FONT } = TIMELINE_FONTS;
const GAP_LINE = 15;
/** Generous average glyph widths for the sans-serif the site uses, so that estimated labels never overlap. */
const EM_PER_CHAR = 0.56;
const EM_PER_BOLD_CHAR = 0.64;
/** A silence is labelled when it is at least this share of the span; the longest few only. */
const GAP_SHARE = 0.15;
const MAX_GAPS = 3;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 1970-01-05, a Monday: weeks start on Mondays. */
const MONDAY = 4 * DAY;

const STEPS: CalendarStep[] = [
  ...[1, 2, 3, 6, 12].map((count) => ({ unit: "hour", base: "hour", count }) as const),
  ...[1, 2].map((count) => ({ unit: "day", base: "day", count }) as const),
  ...[7, 14].map((count) => ({ unit: "week", base: "day", count }) as const),
  ...[1, 2, 3, 6].map((count) => ({ unit: "month", base: "month", count }) as const),
  ...[1, 2, 5].map((count) => ({ unit: "year", base: "year", count }) as const),
  ...[10, 20, 50].map((count) => ({ unit: "decade", base: "year", count }) as const),
  ...[100, 200, 500, 1000].map((count) => ({ unit: "century", base: "year", count }) as const),
];
const APPROXIMATE_MS = { hour: HOUR, day: DAY, month: 30.44 * DAY, year: 365.25 * DAY };
/** The room a tick label needs, by what it shows: "10 a.m.", "Sep 20", "Sep", "2016". */
const TICK_SPACING = { hour: 60, day: 56, month: 40, year: 44 };

const SHORT_MONTHS = Array.from({ length: 12 }, (_, month) => formatDate({ date: "", year: 2000, month: month + 1 }).slice(0, 3));

function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? EM_PER_BOLD_CHAR : EM_PER_CHAR);
}

const round = (value: number) => Math.round(value * 10) / 10;

/** A local calendar time as milliseconds, for any year (Date.UTC would read 0–99 as 1900–1999). */
function calendarMs(year: number, monthIndex: number, day = 1, hour = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, 0, 0, 0);
  return date.getTime();
}

function offsetMs(offset: string | undefined): number {
  if (!offset || offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

/**
 * Where a message sits on the axis, in the axis zone's wall-clock time: an exact instant, or the whole day or month
 * it is dated to (drawn at its middle), so that a date-only message never pretends to a time of day.
 */
function extentOf(time: ParsedTimestamp, zone: number): { at: number; from: number; to: number } {
  if (time.instant !== undefined) {
    const at = time.instant + zone;
    return { at, from: at, to: at };
  }
  if (time.time && time.day !== undefined) {
    const [hours, minutes] = time.time.split(":").map(Number) as [number, number];
    const at = calendarMs(time.year, time.month - 1, time.day, hours) + minutes * 60_000;
    return { at, from: at, to: at };
  }
  const from = time.day === undefined ? calendarMs(time.year, time.month - 1) : calendarMs(time.year, time.month - 1, time.day);
  const to = time.day === undefined ? calendarMs(time.year, time.month) : from + DAY;
  return { at: (from + to) / 2, from, to };
}

/** The index of the step-long period that holds `ms`; periods are aligned to the calendar (months to January…). */
function periodKey(step: CalendarStep, ms: number): number {
  const date = new Date(ms);
  switch (step.base) {
    case "hour":
      return Math.floor(ms / (step.count * HOUR));
    case "day": {
      const origin = step.count % 7 === 0 ? MONDAY : 0;
      return Math.floor((ms - origin) / (step.count * DAY));
    }
    case "month":
      return Math.floor((date.getUTCFullYear() * 12 + date.getUTCMonth()) / step.count);
    case "year":
      return Math.floor(date.getUTCFullYear() / step.count);
  }
}

function periodStart(step: CalendarStep, key: number): number {
  switch (step.base) {
    case "hour":
      return key * step.count * HOUR;
    case "day":
      return (step.count % 7 === 0 ? MONDAY : 0) + key * step.count * DAY;
    case "month": {
      const months = key * step.count;
      return calendarMs(Math.floor(months / 12), ((months % 12) + 12) % 12);
    }
    case "year":
      return calendarMs(key * step.count, 0);
  }
}

/** The coarsest calendar step that still gives at most `limit` periods over the span, or the finest there is. */
function stepFor(span: number, limit: number): CalendarStep {
  return STEPS.find((step) => span / (APPROXIMATE_MS[step.base] * step.count) <= limit) ?? STEPS.at(-1)!;
}

/** The finest step whose ticks leave room for their labels: hours for an afternoon, decades for a century. */
function tickStepFor(span: number, plotWidth: number): CalendarStep {
  return STEPS.find((step) => span / (APPROXIMATE_MS[step.base] * step.count) <= Math.floor(plotWidth / TICK_SPACING[step.base])) ?? STEPS.at(-1)!;
}

function tickLabel(step: CalendarStep, ms: number): string {
  const date = new Date(ms);
  switch (step.base) {
    case "hour":
      return formatClock(`${String(date.getUTCHours()).padStart(2, "0")}:00`).replace(":00", "");
    case "day":
      return `${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
    case "month":
      return SHORT_MONTHS[date.getUTCMonth()]!;
    case "year":
      return String(date.getUTCFullYear());
  }
}

/** What a tick label leaves out: the date under hour ticks, the year under day and month ticks. */
function tickContext(step: CalendarStep, ms: number): string | undefined {
  const date = new Date(ms);
  if (step.base === "hour") return `${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  if (step.base === "day" || step.base === "month") return String(date.getUTCFullYear());
  return undefined;
}

/** "March 2011", "April 1, 1901, 9 a.m. to 12 p.m.", "2010 to 2019": a bin's period as the table names it. */
function describePeriod(step: CalendarStep, key: number): string {
  const start = new Date(periodStart(step, key));
  const end = new Date(periodStart(step, key + 1) - 1);
  const day = (date: Date) => formatDate({ date: "", year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
  const month = (date: Date) => formatDate({ date: "", year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 });
  switch (step.base) {
    case "hour": {
      const clock = (date: Date) => formatClock(`${String(date.getUTCHours()).padStart(2, "0")}:00`).replace(":00", "");
      return `${day(start)}, ${clock(start)} to ${clock(new Date(periodStart(step, key + 1)))}`;
    }
    case "day":
      return step.count === 1 ? day(start) : `${day(start)} to ${day(end)}`;
    case "month":
      return step.count === 1 ? month(start) : `${month(start)} to ${month(end)}`;
    case "year":
      return step.count === 1 ? String(start.getUTCFullYear()) : `${start.getUTCFullYear()} to ${end.getUTCFullYear()}`;
  }
}

/** "a month", "2 weeks", "10 years": how long a step is. */
export function describeStep(step: CalendarStep): string {
  const [count, unit] = step.unit === "week" ? [step.count / 7, "week"] : [step.count, step.base];
  return count === 1 ? `${unit === "hour" ? "an" : "a"} ${unit}` : `${count} ${unit}s`;
}

function fitLabel(text: string, width: number, fontSize: number, bold: boolean): string {
  if (estimateTextWidth(text, fontSize, bold) <= width) return text;
  const chars = Math.max(1, Math.floor(width / estimateTextWidth("x", fontSize, bold)) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

const count = (n: number) => n.toLocaleString("en");

/** Lanes in order: senders by activity (ties by first appearance), then the others, then public posts. */
type LaneName = Omit<TimelineLane, "y" | "labelAt" | "countAt">;

function assignLanes(input: TimelineInput, geometry: Geometry): { lanes: LaneName[]; laneOf: Int32Array } {
  const { messages } = input;
  const maxSenders = input.maxSenderLanes ?? 8;
  const sent = new Map<string, number>();
  const published = new Map<MessageKind, number>();
  for (const message of messages) {
    if (PUBLIC_KINDS.has(message.kind)) published.set(message.kind, (published.get(message.kind) ?? 0) + 1);
    else sent.set(message.from, (sent.get(message.from) ?? 0) + 1);
  }
  // Map iteration is insertion order, i.e. first appearance in the thread: a stable tie-break.
  const senders = [...sent].map(([person, n], order) => ({ person, n, order })).sort((a, b) => b.n - a.n || a.order - b.order);
  // One more sender than the cap would make an "others" lane of one: show them instead.
  const shown = senders.length <= maxSenders + 1 ? senders : senders.slice(0, maxSenders);
  const hidden = senders.slice(shown.length);
  const lanes: LaneName[] = shown.map(({ person, n }) => {
    const name = input.nameOf(person);
    return { kind: "sender", person, name, label: name, countLabel: `${count(n)} sent`, count: n };
  });
  const laneByPerson = new Map(shown.map(({ person }, index) => [person, index]));
  let othersLane = -1;
  if (hidden.length) {
    othersLane = lanes.length;
    const n = hidden.reduce((sum, sender) => sum + sender.n, 0);
    const people = `${count(hidden.length)} ${hidden.length === 1 ? "person" : "people"}`;
    lanes.push({ kind: "others", name: `Others (${people})`, label: "Others", countLabel: `${people}, ${count(n)} sent`, count: n });
  }
  let publicLane = -1;
  if (published.size) {
    publicLane = lanes.length;
    const posts = published.get("public-post") ?? 0;
    const statements = published.get("statement") ?? 0;
    const byKind = [posts ? `${count(posts)} post${posts === 1 ? "" : "s"}` : "", statements ? `${count(statements)} statement${statements === 1 ? "" : "s"}` : ""];
    const countLabel = byKind.filter(Boolean).join(", ");
    const fits = estimateTextWidth(countLabel, SMALL_FONT) <= geometry.labelRoom / (geometry.labels === "above" ? 2 : 1);
    lanes.push({ kind: "public", name: "Public posts and statements", label: "Public", countLabel: fits ? countLabel : `${count(posts + statements)} published`, count: posts + statements });
  }
  const laneOf = new Int32Array(messages.length);
  messages.forEach((message, index) => {
    laneOf[index] = PUBLIC_KINDS.has(message.kind) ? publicLane : (laneByPerson.get(message.from) ?? othersLane);
  });
  for (const lane of lanes) {
    if (geometry.labels === "beside") {
      lane.label = fitLabel(lane.label, geometry.labelRoom, LANE_FONT, true);
      lane.countLabel = fitLabel(lane.countLabel, geometry.labelRoom, SMALL_FONT, false);
    } else {
      // Name and count share one row above the marks: the count keeps its room, the name has the rest.
      lane.countLabel = fitLabel(lane.countLabel, geometry.labelRoom / 2, SMALL_FONT, false);
      lane.label = fitLabel(lane.label, geometry.labelRoom - estimateTextWidth(lane.countLabel, SMALL_FONT) - 12, LANE_FONT, true);
    }
  }
  return { lanes, laneOf };
}

/**
 * The silences, found without sorting: extents are dropped into fine buckets by start, and a sweep in bucket order
 * keeps the latest end seen so far; a bucket that starts after it ends a silence. Silences inside one bucket
 * (under 1/1024 of the span) are missed, which is far below any length worth labelling.
 */
function findSilences(extents: Array<{ from: number; to: number }>, from: number, to: number): Array<{ from: number; to: number; before: number; after: number }> {
  const buckets = 1024;
  const span = to - from || 1;
  const firstStart = new Float64Array(buckets).fill(Infinity);
  const firstStartMessage = new Int32Array(buckets);
  const lastEnd = new Float64Array(buckets).fill(-Infinity);
  const lastEndMessage = new Int32Array(buckets);
  extents.forEach((extent, index) => {
    const bucket = Math.min(buckets - 1, Math.floor(((extent.from - from) / span) * buckets));
    if (extent.from < firstStart[bucket]!) {
      firstStart[bucket] = extent.from;
      firstStartMessage[bucket] = index;
    }
    if (extent.to > lastEnd[bucket]!) {
      lastEnd[bucket] = extent.to;
      lastEndMessage[bucket] = index;
    }
  });
  const silences: Array<{ from: number; to: number; before: number; after: number }> = [];
  let reach = -Infinity;
  let reachMessage = -1;
  for (let bucket = 0; bucket < buckets; bucket++) {
    if (firstStart[bucket] === Infinity) continue;
    if (reachMessage >= 0 && firstStart[bucket]! > reach)
      silences.push({ from: reach, to: firstStart[bucket]!, before: reachMessage, after: firstStartMessage[bucket]! });
    if (lastEnd[bucket]! > reach) {
      reach = lastEnd[bucket]!;
      reachMessage = lastEndMessage[bucket]!;
    }
  }
  return silences;
}

/** The wordings of a silence's label, longest first; the first that fits its gap is drawn. */
function gapWordings(length: string): string[][] {
  // "about 4 months" may take two lines of its own where one is too narrow for it.
  const qualified = /^(\S+) (\d.*)$/.exec(length);
  return [[`no messages for ${length}`], ["no messages", `for ${length}`], [length], ...(qualified ? [[qualified[1]!, qualified[2]!]] : [])];
}

export function layoutTimeline(input: TimelineInput): Timeline | undefined {
  const { messages } = input;
  if (!messages.length) return undefined;
  const zoneText = messages.find((message) => message.time.offset)?.time.offset;
  const zone = offsetMs(zoneText);
  const extents = messages.map((message) => extentOf(message.time, zone));
  let first = 0;
  let last = 0;
  extents.forEach((extent, index) => {
    if (extent.from < extents[first]!.from) first = index;
    if (extent.to > extents[last]!.to) last = index;
  });
  const dataFrom = extents[first]!.from;
  const dataTo = extents[last]!.to;
  const dataSpan = dataTo - dataFrom;
  // A little room at both ends so that the first and last marks are not cut in half; at least two hours in all.
  const padding = Math.max(dataSpan * 0.03, (2 * HOUR - dataSpan) / 2, 0);
  const domainFrom = dataFrom - padding;
  const domainTo = dataTo + padding;
  const shape = input.shape ?? "wide";
  const geometry = GEOMETRY[shape];
  const plotWidth = geometry.plotRight - geometry.plotLeft;
  const xOf = (ms: number) => round(geometry.plotLeft + ((ms - domainFrom) / (domainTo - domainFrom)) * plotWidth);

  const { lanes: laneList, laneOf } = assignLanes(input, geometry);
  const plotTop = geometry.top;
  const lanes: TimelineLane[] = laneList.map((lane, index) => {
    const laneTop = plotTop + index * geometry.laneHeight;
    const y = laneTop + geometry.laneCentre;
    return geometry.labels === "beside"
      ? {
          ...lane,
          y,
          labelAt: { x: geometry.plotLeft - LABEL_GAP, y: y - 3, anchor: "end" },
          countAt: { x: geometry.plotLeft - LABEL_GAP, y: y + 13, anchor: "end" },
        }
      : {
          ...lane,
          y,
          labelAt: { x: geometry.plotLeft, y: laneTop + 14, anchor: "start" },
          countAt: { x: geometry.plotRight, y: laneTop + 14, anchor: "end" },
        };
  });
  const plotBottom = plotTop + lanes.length * geometry.laneHeight;

  const binned = messages.length > (input.binAbove ?? 2000);
  const marks = binned ? undefined : placeMarks(extents, laneOf, lanes, xOf);
  const bins = binned ? binMarks(extents, laneOf, lanes, dataFrom, dataTo, xOf, plotTop, geometry) : undefined;

  const gaps = findSilences(extents, dataFrom, dataTo)
    .filter((silence) => silence.to - silence.from >= GAP_SHARE * dataSpan)
    .sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from)
    .slice(0, MAX_GAPS)
    .sort((a, b) => a.from - b.from)
    .map((silence): TimelineGap => {
      // Worded from the two messages, as the conversation words the same silence.
      const length = silenceBetween(messages[silence.before]!, messages[silence.after]!);
      const x0 = xOf(silence.from);
      const x1 = xOf(silence.to);
      // Marks reach a radius into the gap; the label keeps clear of them.
      const room = x1 - x0 - 2 * (MARK_RADIUS + 6);
      // Beside the names, the label is centred on the lanes; under names written above the lanes, it goes where
      // no name is: in the marks of the middle lane, which the silence leaves empty.
      const maxLines = geometry.labels === "beside" ? Math.floor((plotBottom - plotTop - 8) / GAP_LINE) : 2;
      const wording = gapWordings(length).find(
        (lines) => lines.length <= maxLines && lines.every((line) => estimateTextWidth(line, geometry.gapFont) <= room),
      );
      const centre = geometry.labels === "beside" ? (plotTop + plotBottom) / 2 : lanes[Math.floor((lanes.length - 1) / 2)]!.y;
      const lines = (wording ?? []).map((text, index, all) => ({
        text,
        x: round((x0 + x1) / 2),
        // Baselines of the lines, centred on the lanes (a baseline sits about a third of the font below the middle).
        y: round(centre + (index - (all.length - 1) / 2) * GAP_LINE + geometry.gapFont / 3),
      }));
      return { before: silence.before, after: silence.after, length, x0, x1, lines };
    });

  const tickStep = tickStepFor(domainTo - domainFrom, plotWidth);
  const ticks = layoutTicks(tickStep, domainFrom, domainTo, xOf);
  const axisY = plotBottom + 4;
  const hasContext = ticks.some((tick) => tick.context);
  return {
    shape,
    gapFont: geometry.gapFont,
    width: geometry.width,
    height: axisY + (hasContext ? 44 : 28),
    plot: { left: geometry.plotLeft, right: geometry.plotRight, top: plotTop, bottom: plotBottom },
    lanes,
    marks,
    bins,
    gaps,
    tickStep,
    ticks,
    axisY,
    first,
    last,
    zone: zoneText,
  };
}

function layoutTicks(step: CalendarStep, from: number, to: number, xOf: (ms: number) => number): TimelineTick[] {
  const ticks: TimelineTick[] = [];
  let key = periodKey(step, from);
  if (periodStart(step, key) < from) key++;
  let previousContext: string | undefined;
  let labelEnd = -Infinity;
  let contextEnd = -Infinity;
  for (let at = periodStart(step, key); at <= to; at = periodStart(step, ++key)) {
    const x = xOf(at);
    const text = tickLabel(step, at);
    const half = estimateTextWidth(text, TICK_FONT) / 2;
    const tick: TimelineTick = { x, label: x - half >= labelEnd + 6 ? text : "" };
    if (tick.label) labelEnd = x + half;
    const context = tickContext(step, at);
    // The context is written where it changes, left-aligned at its tick, unless the previous one is in the way.
    if (context !== undefined && context !== previousContext && x >= contextEnd + 8) {
      tick.context = context;
      contextEnd = x + estimateTextWidth(context, SMALL_FONT);
      previousContext = context;
    }
    ticks.push(tick);
  }
  return ticks;
}

/**
 * One mark per message at its time. Marks that would overlap in a lane are stacked up to three high: the lane
 * remembers where it last put a mark on each level, which is enough because the thread is (nearly) in time order.
 * A fourth mark at the same moment (four statements dated only to one month, say) goes beside the nearest of them,
 * rather than on top of one, where it would hide it.
 */
function placeMarks(
  extents: Array<{ at: number; from: number; to: number }>,
  laneOf: Int32Array,
  lanes: TimelineLane[],
  xOf: (ms: number) => number,
): TimelineMark[] {
  const levels = [0, -11, 11];
  const lastX = lanes.map(() => levels.map(() => -Infinity));
  return extents.map((extent, index) => {
    const lane = laneOf[index]!;
    const x = xOf(extent.at);
    const placed = lastX[lane]!;
    const apart = 2 * MARK_RADIUS + 1;
    let level = placed.findIndex((previous) => Math.abs(x - previous) >= apart);
    let at = x;
    if (level < 0) {
      level = placed.reduce((best, previous, i) => (previous < placed[best]! ? i : best), 0);
      at = round(placed[level]! + apart);
    }
    placed[level] = at;
    const mark: TimelineMark = { message: index, lane, x: at, y: lanes[lane]!.y + levels[level]! };
    const x0 = xOf(extent.from);
    const x1 = xOf(extent.to);
    if (x1 - x0 >= 2 * MARK_RADIUS + 2) mark.range = { x0, x1 };
    return mark;
  });
}

/**
 * For very large editions a mark per message would make the home page huge and the picture a smear: messages are
 * counted per lane per calendar period (at most about 80 periods), and each bar links to the thread page holding
 * the lane's first message of the period. Bar heights grow with the square root of the count, so that a lane of
 * few messages stays visible beside a busy one. A message dated more coarsely than the periods (to the month, in
 * daily periods) counts in the period of its middle.
 */
function binMarks(
  extents: Array<{ at: number }>,
  laneOf: Int32Array,
  lanes: TimelineLane[],
  dataFrom: number,
  dataTo: number,
  xOf: (ms: number) => number,
  plotTop: number,
  geometry: Geometry,
): TimelineBins {
  const { plotLeft, plotRight, laneHeight } = geometry;
  const step = stepFor(dataTo - dataFrom, Math.floor((plotRight - plotLeft) / 6));
  const firstKey = periodKey(step, dataFrom);
  const periodCount = periodKey(step, dataTo) - firstKey + 1;
  const counts = new Int32Array(periodCount * lanes.length);
  const firstMessage = new Int32Array(periodCount * lanes.length).fill(-1);
  const periodFirst = new Int32Array(periodCount).fill(-1);
  extents.forEach((extent, index) => {
    const period = Math.min(periodCount - 1, Math.max(0, periodKey(step, extent.at) - firstKey));
    const cell = period * lanes.length + laneOf[index]!;
    counts[cell]!++;
    if (firstMessage[cell] === -1) firstMessage[cell] = index;
    if (periodFirst[period] === -1) periodFirst[period] = index;
  });
  const max = counts.reduce((a, b) => Math.max(a, b), 1);
  const periods: TimelinePeriod[] = [];
  const bars: TimelineBar[] = [];
  // Bars stand on a baseline near the lane's foot, below its name when the name is written above.
  const barTop = geometry.labels === "beside" ? 6 : 22;
  const tallest = laneHeight - 6 - barTop;
  for (let period = 0; period < periodCount; period++) {
    if (periodFirst[period] === -1) continue;
    const key = firstKey + period;
    const x0 = Math.max(plotLeft, xOf(periodStart(step, key)));
    const x1 = Math.min(plotRight, xOf(periodStart(step, key + 1)));
    const row = Array.from(counts.subarray(period * lanes.length, (period + 1) * lanes.length));
    const index = periods.push({ label: describePeriod(step, key), counts: row, firstMessage: periodFirst[period]! }) - 1;
    row.forEach((n, lane) => {
      if (!n) return;
      const height = round(Math.max(2, Math.sqrt(n / max) * tallest));
      const baseline = plotTop + lane * laneHeight + laneHeight - 6;
      bars.push({ lane, period: index, count: n, firstMessage: firstMessage[period * lanes.length + lane]!, x: round(x0 + 0.5), y: round(baseline - height), width: round(Math.max(1, x1 - x0 - 1)), height });
    });
  }
  return { step, periods, bars };
}
