// How the site words things: dates at the precision the sources support, people's names, kinds of messages.
import type { Message } from "../load/model.ts";
import type { MessageKind } from "../load/schema.ts";
import type { ParsedTimestamp } from "../load/timestamp.ts";

const monthNames = (language: string) =>
  Array.from({ length: 12 }, (_, month) =>
    new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month, 1))),
  );
const MONTHS = monthNames("en");

/** "September 20, 2016", "March 2017": only as much of the date as is known. */
export function formatDate(time: ParsedTimestamp): string {
  const month = MONTHS[time.month - 1]!;
  return time.day === undefined ? `${month} ${time.year}` : `${month} ${time.day}, ${time.year}`;
}

/** "October 2016" from "2016-10". */
export function formatMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return `${MONTHS[number - 1] ?? ""} ${year}`;
}

/** "6:35 p.m." from "18:35", "6:35:12 p.m." with seconds. */
export function formatClock(time: string, seconds?: string): string {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const suffix = hours < 12 ? "a.m." : "p.m.";
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${String(minutes).padStart(2, "0")}${seconds !== undefined ? `:${seconds}` : ""} ${suffix}`;
}

/**
 * The calendar date and clock time of an instant in a UTC offset ("-04:00"), for showing several messages' times
 * in one zone: each message's own clock reads in its own zone, and two of them side by side would mislead.
 */
export function clockIn(instant: number, offset: string | undefined): { date: ParsedTimestamp; time: string } {
  const sign = offset?.startsWith("-") ? -1 : 1;
  const shift = !offset || offset === "Z" ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  const at = new Date(instant + shift);
  const two = (n: number) => String(n).padStart(2, "0");
  const [year, month, day] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
  return { date: { date: `${year}-${two(month)}-${two(day)}`, year, month, day }, time: `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}` };
}

/** "UTC−05:00" for "-05:00", with a true minus sign. */
export function formatOffset(offset: string | undefined): string {
  if (!offset) return "";
  if (offset === "Z") return "UTC";
  return `UTC${offset.replace("-", "\u2212")}`;
}

/** The time a message was sent, worded at the precision the sources support. */
export function formatSent(message: Pick<Message, "time" | "precision" | "time_note">): string {
  const { time, precision } = message;
  const date = formatDate(time);
  switch (precision) {
    case "second":
      return `${date}, ${formatClock(time.time!, time.seconds)} (${formatOffset(time.offset)})`;
    case "minute":
      return `${date}, ${formatClock(time.time!)} (${formatOffset(time.offset)})`;
    case "hour":
      return `${date}, ${formatClock(time.time!).replace(":00", "")} hour (${formatOffset(time.offset)})`;
    case "approximate":
      return `${date}, ${message.time_note}`;
    case "day":
    case "month":
      return message.time_note ? `${date}, ${message.time_note}` : date;
  }
}

export const PRECISION_LABELS: Record<Message["precision"], string> = {
  second: "exact to the second",
  minute: "exact to the minute",
  hour: "to the hour",
  day: "date only",
  month: "month only",
  approximate: "approximate time",
};

/** Posts and statements were made in public: context for the correspondence, not turns in it. */
export const PUBLIC_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(["public-post", "statement"]);

export { KIND_LABELS, listNames, messageTitle, personName } from "../load/wording.ts";

/**
 * The `lang` a message's words carry on a page, when the message declares a language other than the edition's
 * (the page itself is in the edition's language).
 */
export function messageLang(message: Pick<Message, "language">, editionLanguage: string): string | undefined {
  return message.language && message.language.toLowerCase() !== editionLanguage.toLowerCase() ? message.language : undefined;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

/**
 * "45 minutes", "3 hours", "13 days", "7 months", "2 years": a length of time in the unit a reader would use for
 * it, rounded to the nearest. The site's one wording of a duration: the timeline's silences and the conversation's
 * "No reply in …" say the same of the same gap.
 */
export function formatDuration(milliseconds: number): string {
  const count = (value: number, unit: string) => `${value} ${unit}${value === 1 ? "" : "s"}`;
  if (milliseconds < 90 * MINUTE) return count(Math.max(1, Math.round(milliseconds / MINUTE)), "minute");
  if (milliseconds < 36 * HOUR) return count(Math.round(milliseconds / HOUR), "hour");
  if (milliseconds < 59.5 * DAY) return count(Math.round(milliseconds / DAY), "day");
  if (milliseconds < 23.5 * MONTH) return count(Math.round(milliseconds / MONTH), "month");
  return count(Math.round(milliseconds / YEAR), "year");
}

/**
 * How long passed between two messages: "7 months", or "about 7 months" when either is dated only to the month.
 * Measured from when each was sent (the start of its day or month when no time is known).
 */
export function silenceBetween(earlier: Pick<Message, "time" | "precision">, later: Pick<Message, "time" | "precision">): string {
  const length = formatDuration(sentInstant(later.time) - sentInstant(earlier.time));
  return earlier.precision === "month" || later.precision === "month" ? `about ${length}` : length;
}

/**
 * When a message was sent, as milliseconds since the epoch, for measuring the time between messages: the exact
 * instant when the time of day is known, otherwise the start of the day (or month) in UTC.
 */
export function sentInstant(time: ParsedTimestamp): number {
  return time.instant ?? Date.UTC(time.year, time.month - 1, time.day ?? 1);
}
