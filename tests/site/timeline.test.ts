// The home page's timeline: a well-formed SVG with one mark per message linking to its page, lanes per sender and
// for public posts, labelled silences, ticks in units that suit the span, a table that says the same, and binned
// marks for editions too large to draw a mark per message.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { toHtml } from "hast-util-to-html";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { timelineSection } from "../../src/site/pages/timeline.tsx";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { makeEdition, removeEdition, type EditionChanges } from "../helpers/edition.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

/** What the picture shows, read from its markup by a strict XML parser. */
interface Picture {
  error?: string;
  viewBox: string;
  lanes: Array<{ label: string; count: string; kind: string; marks: Array<{ href: string; title: string }>; dots: Array<[x: number, y: number]> }>;
  ticks: string[];
  contexts: string[];
  gaps: string[];
}

interface TableRow {
  cells: string[];
  href: string;
}

let browser: Browser;
let page: Page;
const cleanup: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  for (const root of cleanup) await removeEdition(root);
});

const homeOf = (site: string) => readFile(path.join(site, "index.html"), "utf8");

/** The wide picture, or the narrow one drawn for phones. */
function svgOf(html: string, shape: "wide" | "narrow" = "wide"): string {
  const start = html.indexOf(`<svg class="timeline-picture timeline-${shape}"`);
  expect(start, `the home page has a ${shape} timeline picture`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</svg>", start) + "</svg>".length);
}

/**
 * Parses the picture as XML (an SVG file), which fails on anything HTML tolerates and XML does not: unclosed or
 * misnested elements, unquoted attributes, bare ampersands.
 */
function readPicture(svg: string): Promise<Picture> {
  return page.evaluate((markup) => {
    const xml = new DOMParser().parseFromString(markup.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" '), "image/svg+xml");
    const error = xml.querySelector("parsererror");
    const root = xml.documentElement;
    const text = (element: Element | null) => element?.textContent ?? "";
    const laneRows = [...root.querySelectorAll(".timeline-lane")];
    const markGroups = [...root.querySelectorAll(".timeline-lane-marks")];
    return {
      error: error ? text(error) : undefined,
      viewBox: root.getAttribute("viewBox") ?? "",
      lanes: laneRows.map((row, index) => ({
        label: text(row.querySelector(".timeline-lane-label")),
        count: text(row.querySelector(".timeline-lane-count")),
        kind: [...markGroups[index]!.classList].find((name) => name !== "timeline-lane-marks") ?? "",
        marks: [...markGroups[index]!.querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href") ?? "", title: text(a.querySelector("title")) })),
        dots: [...markGroups[index]!.querySelectorAll("circle")].map((dot): [number, number] => [Number(dot.getAttribute("cx")), Number(dot.getAttribute("cy"))]),
      })),
      ticks: [...root.querySelectorAll(".timeline-tick-label")].map(text),
      contexts: [...root.querySelectorAll(".timeline-tick-context")].map(text),
      gaps: [...root.querySelectorAll(".timeline-gap")].map((gap) => [...gap.querySelectorAll(".timeline-gap-label")].map(text).join(" ")),
    };
  }, svg);
}

async function readTable(html: string): Promise<TableRow[]> {
  await page.setContent(html.slice(html.indexOf('<details class="timeline-data"'), html.indexOf("</details>") + "</details>".length));
  return page.locator(".timeline-table tbody tr").evaluateAll((rows) =>
    rows.map((row) => ({
      cells: [...row.querySelectorAll("th, td")].map((cell) => cell.textContent ?? ""),
      href: row.querySelector("a")?.getAttribute("href") ?? "",
    })),
  );
}

const allMarks = (picture: Picture) => picture.lanes.flatMap((lane) => lane.marks);

/** A fixture edition whose only messages are these: letters between Ada and Ben, unless said otherwise. */
function editionOf(
  messages: Array<{ id: string; sent: string; precision: string; from?: string; to?: string[]; kind?: string }>,
  people: Array<{ id: string; name: string }> = [],
): EditionChanges {
  const changes: EditionChanges = {
    "content/1901-04-01-ada.md": null,
    "content/1901-04-02-ben.md": null,
    "content/1901-05-harbour-board.md": null,
    "edition/pages/about.md": "---\ntitle: About\nnav_order: 1\n---\nThese letters are a fixture.\n",
  };
  for (const name of ["lamp-failing", "morning-boat", "spring-tides", "whole-letter", "wicks"]) changes[`annotations/${name}.md`] = null;
  for (const { id, sent, precision, from = "ada", to = from === "ada" ? ["ben"] : ["ada"], kind = "letter" } of messages) {
    const recipients = kind === "statement" || kind === "public-post" ? [] : to;
    changes[`content/${id}.md`] = [
      "---",
      `id: ${id}`,
      `kind: ${kind}`,
      "platform: Letter",
      `from: ${from}`,
      `to: [${recipients.join(", ")}]`,
      `sent: ${sent}`,
      `precision: ${precision}`,
      "completeness: complete",
      "sources: [gazette]",
      "---",
      `A line of ${id}.`,
      "",
    ].join("\n");
  }
  if (people.length)
    changes["edition/people.yaml"] = [
      "- { id: ada, name: Ada Quill, kind: person }",
      "- { id: ben, name: Ben Moor, kind: person }",
      "- { id: harbour-board, name: The Harbour Board, kind: organization }",
      ...people.map((person) => `- { id: ${person.id}, name: ${person.name}, kind: person }`),
      "",
    ].join("\n");
  return changes;
}

/** Builds a fixture edition and returns its home page. */
async function buildHome(changes: EditionChanges): Promise<string> {
  const root = await makeEdition("small", changes);
  cleanup.push(root);
  await build(root);
  return homeOf(path.join(root, "_site"));
}

/** "7 months" from "no messages for 7 months". */
const timelineGapOf = (label: string) => label.replace(/^no messages for /, "");

/** The default edition's 19 messages as the picture names them, by address: what each mark's tooltip says. */
const DEFAULT_MARKS = [
      ["/messages/2016-09-20-wikileaks/", "WikiLeaks to Donald Trump Jr., September 20, 2016"],
      ["/messages/2016-09-21-trump-jr/", "Donald Trump Jr. to WikiLeaks, September 21, 2016"],
      ["/messages/2016-10-02-roger-stone/", "Roger Stone’s “Wednesday” tweet, October 2, 2016"],
      ["/messages/2016-10-03-trump-jr-1/", "Donald Trump Jr. to WikiLeaks, October 3, 2016"],
      ["/messages/2016-10-03-trump-jr-2/", "Donald Trump Jr. to WikiLeaks, October 3, 2016"],
      ["/messages/2016-10-03-wikileaks/", "WikiLeaks to Donald Trump Jr., October 3, 2016"],
      ["/messages/2016-10-10-donald-trump/", "Donald Trump at a rally, “I love Wikileaks!”, October 10, 2016"],
      ["/messages/2016-10-12-donald-trump/", "Donald Trump’s tweet about “information provided by WikiLeaks”, October 12, 2016"],
      ["/messages/2016-10-12-wikileaks/", "WikiLeaks to Donald Trump Jr., October 12, 2016"],
      ["/messages/2016-10-14-mike-pence/", "Mike Pence on Fox News, “Nothing could be further from the truth”, October 14, 2016"],
      ["/messages/2016-10-14-trump-jr/", "Trump Jr. tweets the link, October 14, 2016"],
      ["/messages/2016-10-21-wikileaks/", "WikiLeaks to Donald Trump Jr., October 21, 2016"],
      ["/messages/2016-11-08-wikileaks/", "WikiLeaks to Donald Trump Jr., November 8, 2016"],
      ["/messages/2016-11-09-wikileaks/", "WikiLeaks to Donald Trump Jr., November 9, 2016"],
      ["/messages/2016-12-16-wikileaks/", "WikiLeaks to Donald Trump Jr., December 16, 2016"],
      ["/messages/2017-07-11-wikileaks/", "WikiLeaks to Donald Trump Jr., July 11, 2017"],
      ["/messages/2017-11-14-trump-jr/", "Trump Jr. publishes “the entire chain of messages”, November 14, 2017"],
      ["/messages/2017-11-alan-futerfas/", "Statement by Alan Futerfas, attorney for Donald Trump Jr., November 2017"],
      ["/messages/2017-11-pence-press-secretary/", "Statement by Mike Pence’s press secretary, November 2017"],
].map(([href, title]) => ({ href: href!, title: title! }));

/** The timeline's table of the default edition, in thread order: date, from, to, kind, message, and the link. */
const DEFAULT_ROWS = [
      ["September 20, 2016, just before the stroke of midnight", "WikiLeaks", "Donald Trump Jr.", "Direct message", "WikiLeaks to Donald Trump Jr.", "/messages/2016-09-20-wikileaks/"],
      ["September 21, 2016, the next morning, about 12 hours after WikiLeaks’ message", "Donald Trump Jr.", "WikiLeaks", "Direct message", "Donald Trump Jr. to WikiLeaks", "/messages/2016-09-21-trump-jr/"],
      ["October 2, 2016, “the day before” Trump Jr.’s messages of October 3", "Roger Stone", "(public)", "Public post", "Roger Stone’s “Wednesday” tweet", "/messages/2016-10-02-roger-stone/"],
      ["October 3, 2016", "WikiLeaks", "Donald Trump Jr.", "Direct message", "WikiLeaks to Donald Trump Jr.", "/messages/2016-10-03-wikileaks/"],
      ["October 3, 2016, an hour and a half after WikiLeaks’ message", "Donald Trump Jr.", "WikiLeaks", "Direct message", "Donald Trump Jr. to WikiLeaks", "/messages/2016-10-03-trump-jr-1/"],
      ["October 3, 2016, two minutes after his previous message", "Donald Trump Jr.", "WikiLeaks", "Direct message", "Donald Trump Jr. to WikiLeaks", "/messages/2016-10-03-trump-jr-2/"],
      ["October 10, 2016", "Donald Trump", "(public)", "Statement", "Donald Trump at a rally, “I love Wikileaks!”", "/messages/2016-10-10-donald-trump/"],
      ["October 12, 2016", "WikiLeaks", "Donald Trump Jr.", "Direct message", "WikiLeaks to Donald Trump Jr.", "/messages/2016-10-12-wikileaks/"],
      ["October 12, 2016, “15 minutes after Trump Jr. got the request”, according to the Daily News", "Donald Trump", "(public)", "Public post", "Donald Trump’s tweet about “information provided by WikiLeaks”", "/messages/2016-10-12-donald-trump/"],
      ["October 14, 2016, in the morning, according to the unnamed blog", "Donald Trump Jr.", "(public)", "Public post", "Trump Jr. tweets the link", "/messages/2016-10-14-trump-jr/"],
      ["October 14, 2016, in the morning, according to the unnamed blog", "Mike Pence", "(public)", "Statement", "Mike Pence on Fox News, “Nothing could be further from the truth”", "/messages/2016-10-14-mike-pence/"],
      ["October 21, 2016", "WikiLeaks", "Donald Trump Jr.", "Direct message", "WikiLeaks to Donald Trump Jr.", "/messages/2016-10-21-wikileaks/"],
      ["November 8, 2016, 6:35 p.m. (UTC−05:00)", "WikiLeaks", "Donald Trump Jr.", "Direct message", "WikiLeaks to Donald Trump Jr.", "/messages/2016-11-08-wikileaks/"],
      ["November 9, 2016, shortly after midnight on election night", "WikiLeaks", "Donald Trump Jr.", "Direct message", "WikiLeaks to Donald Trump Jr.", "/messages/2016-11-09-wikileaks/"],
      ["December 16, 2016", "WikiLeaks", "Donald Trump Jr.", "Direct message", "WikiLeaks to Donald Trump Jr.", "/messages/2016-12-16-wikileaks/"],
      ["July 11, 2017, 9:29 a.m. (UTC−04:00)", "WikiLeaks", "Donald Trump Jr.", "Direct message", "WikiLeaks to Donald Trump Jr.", "/messages/2017-07-11-wikileaks/"],
      ["November 2017", "Alan Futerfas", "(public)", "Statement", "Statement by Alan Futerfas, attorney for Donald Trump Jr.", "/messages/2017-11-alan-futerfas/"],
      ["November 2017, on the night a report of the messages was published (“earlier tonight”)", "Mike Pence’s press secretary (not named)", "(public)", "Statement", "Statement by Mike Pence’s press secretary", "/messages/2017-11-pence-press-secretary/"],
      ["November 14, 2017, the date shown on the tweet as The Hill embeds it", "Donald Trump Jr.", "(public)", "Public post", "Trump Jr. publishes “the entire chain of messages”", "/messages/2017-11-14-trump-jr/"],
].map((cells) => ({ cells: cells.slice(0, 5), href: cells[5]! }));

describe("the timeline of the default edition", () => {
  const site = inject("defaultSite");
  let html: string;
  let picture: Picture;
  beforeAll(async () => {
    html = await homeOf(site);
    picture = await readPicture(svgOf(html));
  });

  it("is a well-formed SVG, between the edition header and the correspondence", async () => {
    expect(picture.error).toBeUndefined();
    // The parser is strict: markup an HTML parser would repair is rejected.
    expect((await readPicture('<svg class="timeline-picture"><g><a href="/?a&b"></g></svg>')).error).toBeTruthy();
    expect(picture.viewBox).toMatch(/^0 0 704 \d+(\.\d+)?$/);
    const at = (marker: string) => html.indexOf(marker);
    expect(at('<header class="edition-header">')).toBeLessThan(at('<section class="timeline"'));
    expect(at('<section class="timeline"')).toBeLessThan(at('id="thread-heading"'));
  });

  it("has one mark per message, each linking to that message's page and named after it", () => {
    const marks = allMarks(picture);
    expect([...marks].sort((a, b) => a.href.localeCompare(b.href))).toEqual(DEFAULT_MARKS);
  });

  it("gives each sender a lane, busiest first, and public posts a lane of their own", () => {
    // WikiLeaks wrote 8 of the 11 direct messages, Trump Jr. 3: the one-sidedness the picture is for.
    expect(picture.lanes.map((lane) => [lane.label, lane.count, lane.kind, lane.marks.length])).toEqual([
      ["WikiLeaks", "8 sent", "timeline-lane-sender", 8],
      ["Donald Trump Jr.", "3 sent", "timeline-lane-sender", 3],
      ["Public", "4 posts, 4 statements", "timeline-lane-public", 8],
    ]);
    expect(picture.lanes[0]!.marks.map((mark) => mark.href)).toEqual(DEFAULT_MARKS.filter((mark) => mark.href.endsWith("-wikileaks/")).map((mark) => mark.href));
    expect(picture.lanes.at(-1)!.marks.map((mark) => mark.href).sort()).toEqual([
      "/messages/2016-10-02-roger-stone/",
      "/messages/2016-10-10-donald-trump/",
      "/messages/2016-10-12-donald-trump/",
      "/messages/2016-10-14-mike-pence/",
      "/messages/2016-10-14-trump-jr/",
      "/messages/2017-11-14-trump-jr/",
      "/messages/2017-11-alan-futerfas/",
      "/messages/2017-11-pence-press-secretary/",
    ]);
  });

  it("labels the long silence after the election, and says so in the caption", () => {
    expect(picture.gaps[0]).toBe("no messages for 7 months");
    expect(html).toContain("Long silences: 7 months between December 16, 2016 and July 11, 2017");
  });

  // Regression: the home page said "no messages for 7 months" and the conversation "No reply in 6 months" of one gap.
  it("words the long silence as the conversation words it, with one function", async () => {
    const conversation = await readFile(path.join(site, "conversation", "index.html"), "utf8");
    const gap = timelineGapOf(picture.gaps[0]!);
    expect(gap).toBe("7 months");
    expect(conversation).toContain(`No reply in ${gap}: WikiLeaks writes again`);
  });

  it("draws no mark over another: marks of one moment stack, and a fourth goes beside them", async () => {
    for (const shape of ["wide", "narrow"] as const) {
      const drawn = shape === "wide" ? picture : await readPicture(svgOf(html, shape));
      for (const lane of drawn.lanes)
        lane.dots.forEach(([x, y], i) =>
          lane.dots.slice(i + 1).forEach(([x2, y2]) => expect(Math.hypot(x - x2, y - y2), `${shape}, ${lane.label}: marks at ${x},${y} and ${x2},${y2}`).toBeGreaterThanOrEqual(10)),
        );
    }
    // The public lane holds five posts and statements of October 2016, within four days: the busiest place.
    expect(picture.lanes.at(-1)!.dots.length).toBe(8);
  });

  it("is drawn a second time for phones, with the same lanes, marks and silences and the names above the lanes", async () => {
    const narrow = await readPicture(svgOf(html, "narrow"));
    expect(narrow.error).toBeUndefined();
    expect(narrow.viewBox).toMatch(/^0 0 320 \d+(\.\d+)?$/);
    const summary = (drawn: Picture) => drawn.lanes.map((lane) => ({ label: lane.label, count: lane.count, kind: lane.kind, marks: lane.marks }));
    expect(summary(narrow)).toEqual(summary(picture));
    // Two lines fit a silence of seven months at this width; the shorter one, dated only to its month at one end,
    // takes its short wording on two lines.
    expect(narrow.gaps).toEqual(["no messages for 7 months", "about 4 months"]);
  });

  it("counts time in months, with the year where it changes", () => {
    expect(picture.ticks).toEqual(["Nov", "Jan", "Mar", "May", "Jul", "Sep", "Nov"]);
    expect(picture.contexts).toEqual(["2016", "2017"]);
  });

  it("has a table with one row per message, in thread order, with its date, sender and link", async () => {
    expect(await readTable(html)).toEqual(DEFAULT_ROWS);
  });

  describe("in Chromium", () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(site);
    });
    afterAll(() => server?.close());

    it("is parsed as SVG and scales to its container; on a phone the narrow picture fits the screen with every name in view", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const live = await context.newPage();
      await live.goto(`${server.url}/`);
      const measure = (shape = "wide") =>
        live.locator(`.timeline-${shape}`).evaluate((svg) => ({
          namespace: svg.namespaceURI,
          viewBoxWidth: (svg as SVGSVGElement).viewBox.baseVal.width,
          width: svg.getBoundingClientRect().width,
          container: svg.parentElement!.clientWidth,
          scrolls: svg.parentElement!.scrollWidth > svg.parentElement!.clientWidth,
          circles: svg.querySelectorAll("circle").length,
          circleNamespace: svg.querySelector("circle")!.namespaceURI,
        }));
      const wide = await measure();
      expect(wide).toMatchObject({ namespace: "http://www.w3.org/2000/svg", circleNamespace: "http://www.w3.org/2000/svg", viewBoxWidth: 704, scrolls: false });
      expect(wide.width).toBe(wide.container);
      expect(wide.circles).toBe(19);
      expect(await live.locator(".timeline-narrow").isVisible()).toBe(false);
      for (const width of [320, 375, 414]) {
        await live.setViewportSize({ width, height: 800 });
        expect(await live.locator(".timeline-wide").isVisible()).toBe(false);
        const narrow = await measure("narrow");
        // Nothing to scroll sideways, so nothing scrolls out of sight, and the picture is as wide as it can be.
        expect(narrow.scrolls, `at ${width} px`).toBe(false);
        expect(narrow.container).toBeLessThan(width);
        expect(narrow.circles).toBe(19);
        // Text stays at least 10 px high.
        expect(narrow.width / narrow.viewBoxWidth).toBeGreaterThanOrEqual(10 / 12);
        // Every lane's name and count, and every silence's label, is inside the picture's box, on the screen.
        const outside = await live.locator(".timeline-narrow").evaluate((svg) => {
          const box = svg.parentElement!.getBoundingClientRect();
          return [...svg.querySelectorAll("text")]
            .filter((text) => {
              const r = text.getBoundingClientRect();
              return r.left < box.left || r.right > box.right || r.right > window.innerWidth;
            })
            .map((text) => text.textContent);
        });
        expect(outside, `at ${width} px`).toEqual([]);
      }
      await context.close();
    });

    it("hides the picture from screen readers and leaves each message's link in the tab order once, in the table", async () => {
      const context = await browser.newContext();
      const live = await context.newPage();
      await live.goto(`${server.url}/`);
      await live.locator(".timeline-data summary").click();
      const { hidden, tabbable } = await live.locator("section.timeline").evaluate((section) => ({
        hidden: section.querySelector("svg")!.getAttribute("aria-hidden"),
        tabbable: [...section.querySelectorAll<HTMLElement | SVGElement>("a[href]")].filter((a) => a.tabIndex >= 0).map((a) => a.getAttribute("href")),
      }));
      expect(hidden).toBe("true");
      expect(tabbable).toEqual(DEFAULT_ROWS.map((row) => row.href));
      await context.close();
    });
  });
});

describe("the timeline of the fixture edition", () => {
  it("has one mark per message, each linking to its page, and a row per message in thread order", async () => {
    const html = await buildHome({});
    const picture = await readPicture(svgOf(html));
    expect(picture.error).toBeUndefined();
    const ids = ["1901-04-01-ada", "1901-04-02-ben", "1901-05-harbour-board"];
    expect(allMarks(picture).map((mark) => mark.href).sort()).toEqual(ids.map((id) => `/messages/${id}/`));
    expect(picture.lanes.map((lane) => [lane.label, lane.marks.length])).toEqual([["Ada Quill", 1], ["Ben Moor", 1], ["Public", 1]]);
    const rows = await readTable(html);
    expect(rows.map((row) => [row.cells[0], row.cells[1], row.href])).toEqual([
      ["April 1, 1901, 9:30 a.m. (UTC+00:00)", "Ada Quill", "/messages/1901-04-01-ada/"],
      ["April 2, 1901", "Ben Moor", "/messages/1901-04-02-ben/"],
      ["May 1901", "The Harbour Board", "/messages/1901-05-harbour-board/"],
    ]);
  });

  it("labels a silence from January to September with its length, and nothing else", async () => {
    const html = await buildHome(
      editionOf([
        { id: "1901-01-10-ada", sent: "1901-01-10", precision: "day" },
        { id: "1901-01-11-ben", sent: "1901-01-11", precision: "day", from: "ben" },
        { id: "1901-09-12-ada", sent: "1901-09-12", precision: "day" },
      ]),
    );
    const picture = await readPicture(svgOf(html));
    expect(picture.gaps).toEqual(["no messages for 8 months"]);
    expect(html).toContain("Long silences: 8 months between January 11, 1901 and September 12, 1901.");
    // No public posts: no public lane.
    expect(picture.lanes.map((lane) => lane.label)).toEqual(["Ada Quill", "Ben Moor"]);
  });

  // Regression: with each time in its own zone and neither named, the caption read "2 hours between 3:09 a.m. and
  // 3:08 a.m.".
  it("tells the times of a silence between messages written in different zones in one zone, and names it", async () => {
    const html = await buildHome(
      editionOf([
        { id: "1901-04-01-ada", sent: "1901-04-01T03:09+00:00", precision: "minute" },
        { id: "1901-04-01-ben", sent: "1901-04-01T03:08-02:00", precision: "minute", from: "ben" },
        { id: "1901-04-01-ada-2", sent: "1901-04-01T05:20+00:00", precision: "minute" },
      ]),
    );
    expect(html).toContain("Long silences: 2 hours between 3:09 a.m. and 5:08 a.m. on April 1, 1901 (UTC+00:00).");
    expect(html).not.toContain("and 3:08 a.m.");
  });

  // Regression: a time given to the second showed to the minute.
  it("shows a time given to the second with its seconds, in the thread and the timeline's table", async () => {
    const html = await buildHome(
      editionOf([
        { id: "1901-04-01-ada", sent: "1901-04-01T09:30:15+00:00", precision: "second" },
        { id: "1901-04-01-ben", sent: "1901-04-01T11:05+00:00", precision: "minute", from: "ben" },
      ]),
    );
    expect(html.match(/April 1, 1901, 9:30:15 a\.m\. \(UTC\+00:00\)/g)).toHaveLength(2);
    expect(html).toContain('<time datetime="1901-04-01T09:30:15+00:00">');
  });

  it("counts an afternoon's letters in hours, with the date under the first", async () => {
    const html = await buildHome(
      editionOf([
        { id: "1901-04-01-ada-1", sent: "1901-04-01T09:30+00:00", precision: "minute" },
        { id: "1901-04-01-ben", sent: "1901-04-01T11:05+00:00", precision: "minute", from: "ben" },
        { id: "1901-04-01-ada-2", sent: "1901-04-01T13:40+00:00", precision: "minute" },
      ]),
    );
    const picture = await readPicture(svgOf(html));
    expect(picture.error).toBeUndefined();
    expect(picture.ticks).toEqual(["10 a.m.", "11 a.m.", "12 p.m.", "1 p.m."]);
    expect(picture.contexts).toEqual(["Apr 1, 1901"]);
    expect(allMarks(picture)).toHaveLength(3);
    expect(html).toContain("Long silences: 2 hours between 9:30 a.m. and 11:05 a.m. on April 1, 1901 (UTC+00:00) and 3 hours between 11:05 a.m. and 1:40 p.m. on April 1, 1901 (UTC+00:00).");
    expect(html).toContain("Times of day are shown in UTC+00:00.");
  });

  it("counts six decades of letters in decades", async () => {
    const html = await buildHome(
      editionOf([
        { id: "1901-04-01-ada", sent: "1901-04-01", precision: "day" },
        { id: "1930-06-01-ben", sent: "1930-06-01", precision: "day", from: "ben" },
        { id: "1958-02-ada", sent: "1958-02", precision: "month" },
      ]),
    );
    const picture = await readPicture(svgOf(html));
    expect(picture.ticks).toEqual(["1900", "1910", "1920", "1930", "1940", "1950"]);
    expect(picture.contexts).toEqual([]);
    // The second silence ends with a letter dated only to the month.
    expect(picture.gaps).toEqual(["no messages for 29 years", "no messages for about 28 years"]);
  });

  it("gives the eight busiest of many senders a lane each and the rest one lane between them", async () => {
    const people = Array.from({ length: 12 }, (_, i) => ({ id: `writer-${i + 1}`, name: `Writer ${i + 1}` }));
    // Writer 12 writes most, so lanes are by activity, not by name; the others keep their order of appearance.
    const messages: Parameters<typeof editionOf>[0] = people.map((person, i) => ({ id: `1901-03-${String(i + 1).padStart(2, "0")}-${person.id}`, sent: `1901-03-${String(i + 1).padStart(2, "0")}`, precision: "day", from: person.id, to: ["ada"] }));
    messages.push(
      ...[20, 21].map((day) => ({ id: `1901-03-${day}-writer-12`, sent: `1901-03-${day}`, precision: "day", from: "writer-12", to: ["ada"] })),
      { id: "1901-03-25-harbour-board", sent: "1901-03-25", precision: "day", from: "harbour-board", to: [], kind: "statement" },
    );
    const html = await buildHome(editionOf(messages, people));
    const picture = await readPicture(svgOf(html));
    expect(picture.lanes.map((lane) => [lane.label, lane.marks.length])).toEqual([
      ["Writer 12", 3],
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => [`Writer ${n}`, 1]),
      ["Others", 4],
      ["Public", 1],
    ]);
    expect(picture.lanes[8]!.kind).toBe("timeline-lane-others");
    expect(picture.lanes[8]!.count).toBe("4 people, 4 sent");
    expect(html).toContain("and Others (4 people) sent 4.");
    expect(allMarks(picture)).toHaveLength(messages.length);
  });
});

describe("binned marks for very large editions", () => {
  it("renders bars that link to the thread page holding them, and a table of periods", async () => {
    const root = await makeEdition("small");
    cleanup.push(root);
    const { model } = await readEdition(root, { pageSize: 2 });
    const html = toHtml({ type: "root", children: timelineSection(model!, { binAbove: 2 }) });
    const picture = await readPicture(svgOf(html));
    expect(picture.error).toBeUndefined();
    expect(allMarks(picture).map((mark) => mark.href)).toEqual(["/thread/1901-04/#message-1901-04-01-ada", "/thread/1901-04/#message-1901-04-02-ben", "/thread/1901-05/#message-1901-05-harbour-board"]);
    // Two months of letters: daily periods; the notice dated only to May counts in the middle of May.
    expect(allMarks(picture)[0]!.title).toBe("Ada Quill: 1 message, April 1, 1901");
    const rows = await readTable(html);
    expect(rows).toEqual([
      { cells: ["April 1, 1901", "1", "0", "0", "April 1901"], href: "/thread/1901-04/#message-1901-04-01-ada" },
      { cells: ["April 2, 1901", "0", "1", "0", "April 1901"], href: "/thread/1901-04/#message-1901-04-02-ben" },
      { cells: ["May 16, 1901", "0", "0", "1", "May 1901"], href: "/thread/1901-05/#message-1901-05-harbour-board" },
    ]);
  });
});
