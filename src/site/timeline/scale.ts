// The timeline's time scale: where a message sits on the axis, the calendar steps of ticks and bins (d3-time's
// intervals, aligned to the calendar: hours to midnight, months to January, years to multiples of the step, weeks
// to Mondays), the step that suits a span, the ticks with their labels, and how a period is named. The axis maps
// time to x with d3-scale's UTC scale; every time is first moved into one zone's wall clock, so that UTC intervals
// count that zone's hours and days.
import { bisector } from "d3-array";
import { scaleUtc } from "d3-scale";
import { utcDay, utcHour, utcMonday, utcMonth, utcYear, type TimeInterval } from "d3-time";
import type { ParsedTimestamp } from "../../load/timestamp.ts";
import { formatClock, formatDate } from "../format.ts";
import { estimateTextWidth, round, TIMELINE_FONTS } from "./geometry.ts";

export type TickUnit = "hour" | "day" | "week" | "month" | "year" | "decade" | "century";

export interface CalendarStep {
  unit: TickUnit;
  /** The calendar unit counted and how many of it make a step. */
  base: "hour" | "day" | "month" | "year";
  count: number;
}

export interface TimelineTick {
  x: number;
  /** Empty when the label would collide with its neighbour; the tick is still drawn. */
  label: string;
  /** The year, or the date for hour ticks, where it changes: "2016", "Apr 1, 1901". */
  context?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The steps, finest first. */
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
const stepMs = (step: CalendarStep) => APPROXIMATE_MS[step.base] * step.count;
/** The room a tick label needs, by what it shows: "10 a.m.", "Sep 20", "Sep", "2016". */
const TICK_SPACING = { hour: 60, day: 56, month: 40, year: 44 };

/**
 * Every n-th day counted from `origin` days after 1970-01-01, evenly, across month ends (d3-time's own
 * `utcDay.every(2)` restarts on each month's first day, which would put Jan 31 and Feb 1 one step apart).
 */
const everyDays = (n: number, origin: number): TimeInterval => utcDay.filter((date) => (((utcDay.count(new Date(0), date) - origin) % n) + n) % n === 0);

/** The d3-time interval of a step. */
export function intervalOf(step: CalendarStep): TimeInterval {
  switch (step.unit) {
    case "week":
      // 1970-01-05, day 4, was a Monday.
      return step.count === 7 ? utcMonday : everyDays(step.count, 4);
    case "day":
      return step.count === 1 ? utcDay : everyDays(step.count, 0);
    default:
      return { hour: utcHour, month: utcMonth, year: utcYear }[step.base as "hour" | "month" | "year"].every(step.count)!;
  }
}

/** The coarsest calendar step that still gives at most `limit` periods over the span, or the finest there is. */
export function stepFor(span: number, limit: number): CalendarStep {
  return STEPS[bisector(stepMs).left(STEPS, span / limit)] ?? STEPS.at(-1)!;
}

/** The finest step whose ticks leave room for their labels: hours for an afternoon, decades for a century. */
export function tickStepFor(span: number, plotWidth: number): CalendarStep {
  return STEPS.find((step) => span / stepMs(step) <= Math.floor(plotWidth / TICK_SPACING[step.base])) ?? STEPS.at(-1)!;
}

/** "a month", "2 weeks", "10 years": how long a step is. */
export function describeStep(step: CalendarStep): string {
  const [count, unit] = step.unit === "week" ? [step.count / 7, "week"] : [step.count, step.base];
  return count === 1 ? `${unit === "hour" ? "an" : "a"} ${unit}` : `${count} ${unit}s`;
}

/** A UTC offset ("-04:00", "Z") in milliseconds. */
export function offsetMs(offset: string | undefined): number {
  if (!offset || offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

/** A calendar date and hour as milliseconds of UTC's wall clock, for any year (Date.UTC would read 0–99 as 1900–1999). */
function calendarMs(year: number, monthIndex: number, day = 1, hour = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, 0, 0, 0);
  return date.getTime();
}

export interface Extent {
  /** Where the mark goes. */
  at: number;
  from: number;
  to: number;
}

/**
 * Where a message sits on the axis, in the axis zone's wall-clock time: an exact instant, or the whole day or month
 * it is dated to (drawn at its middle), so that a date-only message never pretends to a time of day.
 */
export function extentOf(time: ParsedTimestamp, zone: number): Extent {
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
  const to = time.day === undefined ? utcMonth.offset(new Date(from), 1).getTime() : from + DAY;
  return { at: (from + to) / 2, from, to };
}

/** The axis: time to x, at a tenth of a unit. */
export function timeAxis(from: number, to: number, left: number, right: number): (ms: number) => number {
  const scale = scaleUtc().domain([from, to]).range([left, right]);
  return (ms) => round(scale(ms));
}

/** The starts of the step's periods that hold `from` to `to`, the first at or before `from`. */
export function periodStarts(step: CalendarStep, from: number, to: number): number[] {
  const interval = intervalOf(step);
  return interval.range(interval.floor(new Date(from)), new Date(Math.floor(to) + 1)).map(Number);
}

/** The start of the period after the one that starts at `start`. */
export function nextPeriod(step: CalendarStep, start: number): number {
  return intervalOf(step).offset(new Date(start), 1).getTime();
}

const SHORT_MONTHS = Array.from({ length: 12 }, (_, month) => formatDate({ date: "", year: 2000, month: month + 1 }).slice(0, 3));
const clock = (date: Date) => formatClock(`${String(date.getUTCHours()).padStart(2, "0")}:00`).replace(":00", "");

function tickLabel(step: CalendarStep, date: Date): string {
  switch (step.base) {
    case "hour":
      return clock(date);
    case "day":
      return `${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
    case "month":
      return SHORT_MONTHS[date.getUTCMonth()]!;
    case "year":
      return String(date.getUTCFullYear());
  }
}

/** What a tick label leaves out: the date under hour ticks, the year under day and month ticks. */
function tickContext(step: CalendarStep, date: Date): string | undefined {
  if (step.base === "hour") return `${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  if (step.base === "day" || step.base === "month") return String(date.getUTCFullYear());
  return undefined;
}

/** A tick at every step from `from` to `to`, labelled where the label does not run into the previous one. */
export function layoutTicks(step: CalendarStep, from: number, to: number, xOf: (ms: number) => number): TimelineTick[] {
  const ticks: TimelineTick[] = [];
  let previousContext: string | undefined;
  let labelEnd = -Infinity;
  let contextEnd = -Infinity;
  for (const date of intervalOf(step).range(new Date(Math.ceil(from)), new Date(Math.floor(to) + 1))) {
    const x = xOf(date.getTime());
    const text = tickLabel(step, date);
    const half = estimateTextWidth(text, TIMELINE_FONTS.tick) / 2;
    const tick: TimelineTick = { x, label: x - half >= labelEnd + 6 ? text : "" };
    if (tick.label) labelEnd = x + half;
    const context = tickContext(step, date);
    // The context is written where it changes, left-aligned at its tick, unless the previous one is in the way.
    if (context !== undefined && context !== previousContext && x >= contextEnd + 8) {
      tick.context = context;
      contextEnd = x + estimateTextWidth(context, TIMELINE_FONTS.small);
      previousContext = context;
    }
    ticks.push(tick);
  }
  return ticks;
}

/** "March 2011", "April 1, 1901, 9 a.m. to 12 p.m.", "2010 to 2019": a period as the table names it. */
export function describePeriod(step: CalendarStep, startMs: number): string {
  const start = new Date(startMs);
  const next = new Date(nextPeriod(step, startMs));
  const end = new Date(next.getTime() - 1);
  const day = (date: Date) => formatDate({ date: "", year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
  const month = (date: Date) => formatDate({ date: "", year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 });
  switch (step.base) {
    case "hour":
      return `${day(start)}, ${clock(start)} to ${clock(next)}`;
    case "day":
      return step.count === 1 ? day(start) : `${day(start)} to ${day(end)}`;
    case "month":
      return step.count === 1 ? month(start) : `${month(start)} to ${month(end)}`;
    case "year":
      return step.count === 1 ? String(start.getUTCFullYear()) : `${start.getUTCFullYear()} to ${end.getUTCFullYear()}`;
  }
}
