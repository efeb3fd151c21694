// How the site words things: dates at the precision the sources support, people's names, kinds of messages.
import type { Message } from "../load/model.ts";
import type { MessageKind, Person } from "../load/schema.ts";
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

/** "6:35 p.m." from "18:35". */
export function formatClock(time: string): string {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const suffix = hours < 12 ? "a.m." : "p.m.";
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${String(minutes).padStart(2, "0")} ${suffix}`;
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
  minute: "exact to the minute",
  hour: "to the hour",
  day: "date only",
  month: "month only",
  approximate: "approximate time",
};

/** Posts and statements were made in public: context for the correspondence, not turns in it. */
export const PUBLIC_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(["public-post", "statement"]);

export const KIND_LABELS: Record<MessageKind, string> = {
  "direct-message": "Direct message",
  email: "Email",
  letter: "Letter",
  "public-post": "Public post",
  statement: "Statement",
};

export function personName(people: Map<string, Person>, id: string): string {
  return people.get(id)?.name ?? id;
}

export function listNames(names: string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** "WikiLeaks to Donald Trump Jr.", or the message's own title. */
export function messageTitle(message: Message, people: Map<string, Person>): string {
  if (message.title) return message.title;
  const from = personName(people, message.from);
  const to = message.to.map((id) => personName(people, id));
  return to.length ? `${from} to ${listNames(to)}` : `${from}, ${KIND_LABELS[message.kind].toLowerCase()}`;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * "3 hours", "13 days", "7 months", "2 years": a silence in the unit a reader would use, rounded down, so that a
 * gap is never said to be longer than it was.
 */
export function formatDuration(milliseconds: number): string {
  const count = (value: number, unit: string) => `${value} ${unit}${value === 1 ? "" : "s"}`;
  if (milliseconds < DAY) return count(Math.max(1, Math.floor(milliseconds / HOUR)), "hour");
  const days = Math.floor(milliseconds / DAY);
  if (days < 60) return count(days, "day");
  const months = Math.floor(days / 30.44);
  if (months < 24) return count(months, "month");
  return count(Math.floor(days / 365.25), "year");
}

/**
 * When a message was sent, as milliseconds since the epoch, for measuring the time between messages: the exact
 * instant when the time of day is known, otherwise the start of the day (or month) in UTC.
 */
export function sentInstant(time: ParsedTimestamp): number {
  return time.instant ?? Date.UTC(time.year, time.month - 1, time.day ?? 1);
}
