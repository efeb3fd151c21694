// Timestamps as the sources support them: an exact second or minute, an hour, a day, a month, or an approximate time with
// the sources' wording. Parsing is strict so that a vague source never turns into a fake exact minute.

export const PRECISIONS = ["second", "minute", "hour", "day", "month", "approximate"] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface TimestampProblem {
  field: "sent" | "precision";
  message: string;
  hint: string;
}

/** A parsed `sent` value: the calendar date as written, and the instant when the time of day is known. */
export interface ParsedTimestamp {
  /** `YYYY-MM-DD`, `YYYY-MM`: the date as written, in the zone it was written in. */
  date: string;
  year: number;
  month: number;
  day?: number;
  /** `HH:MM` local time, when known. */
  time?: string;
  /** `SS`, when the timestamp gives the seconds. */
  seconds?: string;
  /** `+HH:MM`, `-HH:MM` or `Z`. */
  offset?: string;
  /** Milliseconds since the epoch, when the time of day is known. */
  instant?: number;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const EXAMPLES: Record<Precision, string> = {
  second: "2016-11-08T18:35:12-05:00",
  minute: "2016-11-08T18:35-05:00",
  hour: "2016-11-08T18:00-05:00",
  approximate: "2016-09-20T23:59-04:00",
  day: "2016-10-03",
  month: "2017-03",
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseTimestamp(value: string): ParsedTimestamp | undefined {
  const timed = TIMESTAMP.exec(value);
  if (timed) {
    const [, y, mo, d, h, mi, s, offset] = timed as unknown as [string, string, string, string, string, string, string?, string?];
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return undefined;
    if (offset && offset !== "Z" && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4, 6)) > 59)) return undefined;
    return {
      date: `${y}-${mo}-${d}`,
      year,
      month,
      day,
      time: `${h}:${mi}`,
      ...(s !== undefined ? { seconds: s } : {}),
      offset,
      instant: offset ? Date.parse(value) : undefined,
    };
  }
  const dated = DATE.exec(value);
  if (dated) {
    const [, y, mo, d] = dated as unknown as [string, string, string, string];
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return { date: value, year, month, day };
  }
  const monthOnly = MONTH.exec(value);
  if (monthOnly) {
    const month = Number(monthOnly[2]);
    if (month < 1 || month > 12) return undefined;
    return { date: value, year: Number(monthOnly[1]), month };
  }
  return undefined;
}

/** Checks that `sent` is a real date in ISO 8601 and that its form agrees with the stated precision. */
export function checkTimestamp(sent: string, precision: Precision): TimestampProblem[] {
  const parsed = parseTimestamp(sent);
  const example = EXAMPLES[precision];
  if (!parsed) {
    const shaped = TIMESTAMP.test(sent) || DATE.test(sent) || MONTH.test(sent);
    return [
      {
        field: "sent",
        message: shaped
          ? `"${sent}" is not a real date or time (check the month, day, hour and offset)`
          : `"${sent}" is not an ISO 8601 date or timestamp`,
        hint: `Write it like ${example} for precision: ${precision}.`,
      },
    ];
  }
  const needsTime = precision === "second" || precision === "minute" || precision === "hour" || precision === "approximate";
  if (needsTime && !parsed.time) {
    return [
      {
        field: "precision",
        message: `precision "${precision}" needs a time of day, but sent is only "${sent}"`,
        hint: `Add the time and offset (e.g. ${example}), or set precision: ${parsed.day ? "day" : "month"}.`,
      },
    ];
  }
  if (needsTime && !parsed.offset) {
    return [
      {
        field: "sent",
        message: `"${sent}" has no time zone`,
        hint: `Add the UTC offset the time was recorded in, e.g. ${sent}-04:00 for US Eastern daylight time, or Z for UTC.`,
      },
    ];
  }
  if (precision === "second" && parsed.seconds === undefined) {
    return [
      {
        field: "precision",
        message: `precision "second" needs the seconds, but sent is "${sent}"`,
        hint: `Write the seconds (e.g. ${parsed.date}T${parsed.time}:00${parsed.offset ?? ""}), or set precision: minute.`,
      },
    ];
  }
  if (precision !== "second" && parsed.seconds !== undefined && parsed.seconds !== "00") {
    return [
      {
        field: "precision",
        message: `precision "${precision}" would hide the seconds in "${sent}"`,
        hint: "Set precision: second if the sources give the second; otherwise leave the seconds out.",
      },
    ];
  }
  if (precision === "hour" && parsed.time && !parsed.time.endsWith(":00")) {
    return [
      {
        field: "precision",
        message: `precision "hour" contradicts the minutes in "${sent}"`,
        hint: `Set precision: minute if the sources give the minute, or write the hour as ${parsed.time.slice(0, 2)}:00.`,
      },
    ];
  }
  if (precision === "day" && parsed.day === undefined) {
    return [{ field: "precision", message: `precision "day" needs a full date, but sent is "${sent}"`, hint: "Write the date as YYYY-MM-DD, or set precision: month." }];
  }
  if ((precision === "day" || precision === "month") && parsed.time) {
    return [
      {
        field: "precision",
        message: `precision "${precision}" contradicts the time of day in "${sent}"`,
        hint: `Write only the ${precision === "day" ? "date (" + parsed.date + ")" : "month"}, or set precision: minute (or approximate, with a time_note).`,
      },
    ];
  }
  if (precision === "month" && parsed.day !== undefined) {
    return [{ field: "precision", message: `precision "month" contradicts the day in "${sent}"`, hint: `Write ${parsed.date.slice(0, 7)}, or set precision: day.` }];
  }
  return [];
}
