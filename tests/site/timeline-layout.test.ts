// The timeline's layout as plain data, without a build or a browser: its calendar (ticks and periods of d3-time
// intervals), its lanes, and the bins drawn for editions too large for a mark per message. What the built home page
// draws is tests/site/timeline.test.ts.
import { describe, expect, it } from "vitest";
import { parseTimestamp } from "../../src/load/timestamp.ts";
import { layoutTimeline, type TimelineMessage } from "../../src/site/timeline/layout.ts";
import { describePeriod, describeStep, intervalOf, periodStarts, tickStepFor, type CalendarStep } from "../../src/site/timeline/scale.ts";

const timestamp = (sent: string) => parseTimestamp(sent)!;
const day = (iso: string) => Date.parse(`${iso}T00:00Z`);
const dates = (starts: number[]) => starts.map((ms) => new Date(ms).toISOString().slice(0, 10));

/** n messages an hour apart from 2012 on, from 300 senders in turn, every seventh a public post. */
function syntheticMessages(n: number): TimelineMessage[] {
  const start = Date.UTC(2012, 0, 1);
  return Array.from({ length: n }, (_, i) => ({
    id: `m-${i}`,
    from: `person-${i % 300}`,
    kind: i % 7 === 0 ? "public-post" : "email",
    precision: "minute",
    time: timestamp(new Date(start + i * 3_600_000).toISOString().slice(0, 16) + "Z"),
  }));
}

describe("the timeline's calendar", () => {
  const step = (unit: CalendarStep["unit"], base: CalendarStep["base"], count: number): CalendarStep => ({ unit, base, count });

  it("counts two-day periods evenly across a month's end", () => {
    expect(dates(periodStarts(step("day", "day", 2), day("2020-01-28"), day("2020-02-05")))).toEqual(["2020-01-27", "2020-01-29", "2020-01-31", "2020-02-02", "2020-02-04"]);
  });

  it("starts weeks on Mondays, and fortnights on every other Monday from Monday, January 5, 1970", () => {
    expect(dates(periodStarts(step("week", "day", 7), day("2011-12-28"), day("2012-01-10")))).toEqual(["2011-12-26", "2012-01-02", "2012-01-09"]);
    expect(dates(periodStarts(step("week", "day", 14), day("2011-12-28"), day("2012-01-31")))).toEqual(["2011-12-26", "2012-01-09", "2012-01-23"]);
  });

  it("aligns months to January and years to multiples of the step, before the year 100 too", () => {
    expect(dates(periodStarts(step("month", "month", 3), day("2016-09-20"), day("2017-07-11")))).toEqual(["2016-07-01", "2016-10-01", "2017-01-01", "2017-04-01", "2017-07-01"]);
    const early = intervalOf(step("decade", "year", 10)).floor(new Date(Date.parse("0047-06-01T00:00Z")));
    expect(early.getUTCFullYear()).toBe(40);
  });

  it("chooses the finest step whose labels have room: hours for an afternoon, months for a year, decades for sixty years", () => {
    expect(tickStepFor(5 * 3_600_000, 492)).toEqual(step("hour", "hour", 1));
    expect(tickStepFor(day("2017-07-11") - day("2016-09-20"), 492)).toEqual(step("month", "month", 1));
    expect(tickStepFor(day("1958-03-01") - day("1901-04-01"), 492)).toEqual(step("decade", "year", 10));
  });

  it("names periods and steps as the table and the caption do", () => {
    expect(describePeriod(step("day", "day", 2), day("2020-01-31"))).toBe("January 31, 2020 to February 1, 2020");
    expect(describePeriod(step("month", "month", 1), day("2011-03-01"))).toBe("March 2011");
    expect(describePeriod(step("decade", "year", 10), day("2010-01-01"))).toBe("2010 to 2019");
    expect(describePeriod(step("hour", "hour", 3), Date.parse("1901-04-01T09:00Z"))).toBe("April 1, 1901, 9 a.m. to 12 p.m.");
    expect([step("week", "day", 14), step("month", "month", 1), step("hour", "hour", 1)].map(describeStep)).toEqual(["2 weeks", "a month", "an hour"]);
  });
});

describe("binned marks for very large editions", () => {
  it("draws a bar per lane and period past the threshold, counting every message once", () => {
    const messages = syntheticMessages(5000);
    const timeline = layoutTimeline({ messages, nameOf: (id) => id })!;
    expect(timeline.marks).toBeUndefined();
    const bins = timeline.bins!;
    expect(timeline.lanes.map((lane) => lane.kind)).toEqual([...Array(8).fill("sender"), "others", "public"]);
    expect(timeline.lanes[8]!.name).toBe("Others (292 people)");
    expect(bins.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(5000);
    expect(bins.periods.reduce((sum, period) => sum + period.counts.reduce((a, b) => a + b, 0), 0)).toBe(5000);
    // 5,000 hours is about seven months: weekly periods (31 Monday-to-Sunday weeks hold them), each named by its dates.
    expect(bins.step).toMatchObject({ unit: "week" });
    expect(bins.periods).toHaveLength(31);
    expect(bins.periods[0]!.label).toBe("December 26, 2011 to January 1, 2012");
    // Each bar links to its lane's first message in the period.
    for (const bar of bins.bars) expect(timeline.lanes[bar.lane]!.kind === "public").toBe(bar.firstMessage % 7 === 0);
  });

  it("bins 100,000 messages over eleven years by two months (at most 82 periods at this width), with yearly ticks", () => {
    // (How long this takes is measured by npm run bench, whose editions are binned from 2,000 messages on.)
    const timeline = layoutTimeline({ messages: syntheticMessages(100_000), nameOf: (id) => id })!;
    expect(timeline.bins!.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(100_000);
    expect(timeline.bins!.step).toMatchObject({ unit: "month", count: 2 });
    expect(timeline.bins!.periods).toHaveLength(69);
    expect(timeline.tickStep.unit).toBe("year");
  });

  it("is drawn in both shapes from the same lanes and bars, with the names above the lanes on a phone", () => {
    const messages = syntheticMessages(5000);
    const wide = layoutTimeline({ messages, nameOf: (id) => id })!;
    const narrow = layoutTimeline({ messages, nameOf: (id) => id, shape: "narrow" })!;
    expect([wide.width, narrow.width]).toEqual([704, 320]);
    expect(narrow.lanes.map((lane) => lane.name)).toEqual(wide.lanes.map((lane) => lane.name));
    expect(narrow.bins!.bars.map((bar) => bar.count)).toEqual(wide.bins!.bars.map((bar) => bar.count));
    expect(wide.lanes[0]!.labelAt).toEqual({ x: 172, y: 27, anchor: "end" });
    expect(narrow.lanes[0]!.labelAt).toEqual({ x: 10, y: 18, anchor: "start" });
  });
});
