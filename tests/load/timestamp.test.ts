// Timestamps at the precision the sources support: real dates only, a zone with every time, and a precision that
// agrees with what is written.
import { describe, expect, it } from "vitest";
import { checkTimestamp, parseTimestamp } from "../../src/load/timestamp.ts";

const messages = (sent: string, precision: Parameters<typeof checkTimestamp>[1]) =>
  checkTimestamp(sent, precision).map((problem) => `${problem.field}: ${problem.message}`);

describe("timestamps", () => {
  it("accepts a minute with its offset, a day, a month and an approximate time", () => {
    expect(messages("2016-11-08T18:35-05:00", "minute")).toEqual([]);
    expect(messages("2016-10-03", "day")).toEqual([]);
    expect(messages("2017-03", "month")).toEqual([]);
    expect(messages("2016-09-20T23:59-04:00", "approximate")).toEqual([]);
    expect(parseTimestamp("2016-11-08T18:35-05:00")).toMatchObject({ date: "2016-11-08", time: "18:35", offset: "-05:00", instant: Date.parse("2016-11-08T23:35Z") });
  });

  it("rejects an impossible date or time", () => {
    expect(messages("2017-02-29", "day")).toEqual(['sent: "2017-02-29" is not a real date or time (check the month, day, hour and offset)']);
    expect(messages("2016-11-08T24:10-05:00", "minute")[0]).toContain("is not a real date or time");
    expect(messages("8 November 2016", "day")).toEqual(['sent: "8 November 2016" is not an ISO 8601 date or timestamp']);
  });

  it("rejects a time without a time zone", () => {
    expect(messages("2016-11-08T18:35", "minute")).toEqual(['sent: "2016-11-08T18:35" has no time zone']);
  });

  it("rejects a precision that contradicts the timestamp", () => {
    expect(messages("2016-11-08T18:35-05:00", "day")).toEqual(['precision: precision "day" contradicts the time of day in "2016-11-08T18:35-05:00"']);
    expect(messages("2016-11-08", "minute")).toEqual(['precision: precision "minute" needs a time of day, but sent is only "2016-11-08"']);
    expect(messages("2016-11-08T18:35-05:00", "hour")).toEqual(['precision: precision "hour" contradicts the minutes in "2016-11-08T18:35-05:00"']);
    expect(messages("2016-11-08", "month")).toEqual(['precision: precision "month" contradicts the day in "2016-11-08"']);
  });

  // Regression: a time given to the second was shown to the minute; there was no precision for it.
  it("accepts a time to the second with precision second, and never hides its seconds behind another precision", () => {
    expect(messages("2016-11-08T18:35:12-05:00", "second")).toEqual([]);
    expect(parseTimestamp("2016-11-08T18:35:12-05:00")).toMatchObject({ time: "18:35", seconds: "12", instant: Date.parse("2016-11-08T23:35:12Z") });
    expect(messages("2016-11-08T18:35-05:00", "second")).toEqual(['precision: precision "second" needs the seconds, but sent is "2016-11-08T18:35-05:00"']);
    expect(messages("2016-11-08T18:35:12-05:00", "minute")).toEqual(['precision: precision "minute" would hide the seconds in "2016-11-08T18:35:12-05:00"']);
    // Seconds of :00 are how many exports write a minute.
    expect(messages("2016-11-08T18:35:00-05:00", "minute")).toEqual([]);
  });
});
