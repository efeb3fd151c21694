// The `sent` of a new transcript and the precision its form implies: seconds mean the second is known, a time of
// day the minute, a
// date the day, a year-month the month. Vaguer precisions (hour, approximate) are an editor's judgement of the
// sources, never inferred.
import { checkTimestamp, parseTimestamp, type Precision } from "../load/timestamp.ts";

export type SentProblem = { message: string; hint: string };

/**
 * Normalises what exports commonly write (a space instead of "T", fractions of a second) to the form the edition
 * stores, and infers the precision; or says what is wrong, with the check's own words.
 */
export function readSent(input: string): { sent: string; precision: Precision } | SentProblem {
  const sent = input.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, "$1T$2").replace(/(T\d{2}:\d{2}:\d{2})\.\d+/, "$1");
  const parsed = parseTimestamp(sent);
  const forms = "Write it as 2024-05-01T09:30+02:00 (a time, with its UTC offset), 2024-05-01 (a day) or 2024-05 (a month).";
  if (!parsed) return { message: checkTimestamp(sent, "day")[0]?.message ?? `"${sent}" is not an ISO 8601 date or timestamp`, hint: forms };
  const precision: Precision = parsed.seconds !== undefined ? "second" : parsed.time ? "minute" : parsed.day !== undefined ? "day" : "month";
  const [problem] = checkTimestamp(sent, precision);
  if (problem) return { message: problem.message, hint: problem.hint };
  return { sent, precision };
}
