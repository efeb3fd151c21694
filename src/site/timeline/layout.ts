// The layout of the home page's timeline picture, as plain data in SVG user units: lanes, marks (or, for very large
// editions, bins), the long silences, and time ticks in units that suit the span. Rendering is in
// pages/timeline.tsx; keeping the arithmetic here lets tests check it without parsing markup. The time scale is
// scale.ts (d3-time, d3-scale), the lanes lanes.ts, the silences silences.ts.
//
// Every step is one pass over the messages (plus work proportional to the number of senders, bins and ticks), so
// that the picture costs next to nothing at 100,000 messages, and nothing depends on the order of a Map's keys
// beyond insertion order, so that two builds write the same picture.
import { bisectRight, max } from "d3-array";
import type { Message } from "../../load/model.ts";
import { GEOMETRY, MARK_RADIUS, round, type Geometry, type TimelineShape } from "./geometry.ts";
import { assignLanes, placeLanes, type TimelineLane } from "./lanes.ts";
import { describePeriod, extentOf, layoutTicks, nextPeriod, offsetMs, periodStarts, stepFor, tickStepFor, timeAxis, type CalendarStep, type Extent, type TimelineTick } from "./scale.ts";
import { layoutSilences, type TimelineGap } from "./silences.ts";

export { describeStep, type CalendarStep, type TickUnit, type TimelineTick } from "./scale.ts";
export { MARK_RADIUS, TIMELINE_FONTS, type TimelineShape } from "./geometry.ts";
export type { TimelineLane, TextPlace } from "./lanes.ts";
export type { TimelineGap } from "./silences.ts";

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

const HOUR = 3_600_000;

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
  const xOf = timeAxis(domainFrom, domainTo, geometry.plotLeft, geometry.plotRight);

  const { lanes: laneList, laneOf } = assignLanes(input, geometry);
  const plotTop = geometry.top;
  const lanes = placeLanes(laneList, geometry);
  const plotBottom = plotTop + lanes.length * geometry.laneHeight;

  const binned = messages.length > (input.binAbove ?? 2000);
  const marks = binned ? undefined : placeMarks(extents, laneOf, lanes, xOf);
  const bins = binned ? binMarks(extents, laneOf, lanes, dataFrom, dataTo, xOf, plotTop, geometry) : undefined;

  const gaps = layoutSilences(extents, messages, { from: dataFrom, to: dataTo }, lanes, { top: plotTop, bottom: plotBottom }, geometry, xOf);

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

/**
 * One mark per message at its time. Marks that would overlap in a lane are stacked up to three high: the lane
 * remembers where it last put a mark on each level, which is enough because the thread is (nearly) in time order.
 * A fourth mark at the same moment (four statements dated only to one month, say) goes beside the nearest of them,
 * rather than on top of one, where it would hide it.
 */
function placeMarks(
  extents: readonly Extent[],
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
  extents: readonly Extent[],
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
  const starts = periodStarts(step, dataFrom, dataTo);
  const periodCount = starts.length;
  const counts = new Int32Array(periodCount * lanes.length);
  const firstMessage = new Int32Array(periodCount * lanes.length).fill(-1);
  const periodFirst = new Int32Array(periodCount).fill(-1);
  extents.forEach((extent, index) => {
    const period = Math.min(periodCount - 1, Math.max(0, bisectRight(starts, extent.at) - 1));
    const cell = period * lanes.length + laneOf[index]!;
    counts[cell]!++;
    if (firstMessage[cell] === -1) firstMessage[cell] = index;
    if (periodFirst[period] === -1) periodFirst[period] = index;
  });
  const most = Math.max(1, max(counts) ?? 0);
  const periods: TimelinePeriod[] = [];
  const bars: TimelineBar[] = [];
  // Bars stand on a baseline near the lane's foot, below its name when the name is written above.
  const barTop = geometry.labels === "beside" ? 6 : 22;
  const tallest = laneHeight - 6 - barTop;
  for (let period = 0; period < periodCount; period++) {
    if (periodFirst[period] === -1) continue;
    const start = starts[period]!;
    const x0 = Math.max(plotLeft, xOf(start));
    const x1 = Math.min(plotRight, xOf(starts[period + 1] ?? nextPeriod(step, start)));
    const row = Array.from(counts.subarray(period * lanes.length, (period + 1) * lanes.length));
    const index = periods.push({ label: describePeriod(step, start), counts: row, firstMessage: periodFirst[period]! }) - 1;
    row.forEach((n, lane) => {
      if (!n) return;
      const height = round(Math.max(2, Math.sqrt(n / most) * tallest));
      const baseline = plotTop + lane * laneHeight + laneHeight - 6;
      bars.push({ lane, period: index, count: n, firstMessage: firstMessage[period * lanes.length + lane]!, x: round(x0 + 0.5), y: round(baseline - height), width: round(Math.max(1, x1 - x0 - 1)), height });
    });
  }
  return { step, periods, bars };
}
