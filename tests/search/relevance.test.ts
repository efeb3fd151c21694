// Reader queries, typed into the search page in Chromium, over the default edition built as one bundle and as three
// (each bundle ranking with its own word statistics, the line and the notes that quote it often in different
// ones), and over the second edition with its other scripts. Each query must land where a reader expects: the first
// result's first line or note, or, for a date, the message sent that day.
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";
import { searchAgain, target } from "../helpers/search.ts";
import { servePrefixed, serveStatic, type StaticServer } from "../helpers/server.ts";

/** Where a query must land: a line of a message, a note, or (for a date) one of the messages sent that day. */
type Expected = { line: `${string}/#L${string}` } | { note: string } | { sentOn: string[] };
type Query = [query: string, expected: Expected, why: string];

const line = (message: string, n: number | string) => ({ line: `${message}/#L${n}` as const });

const DEFAULT_EDITION: Query[] = [
  ["password", line("2016-09-20-wikileaks", 3), "a single word they remember"],
  ["tax returns", line("2016-10-21-wikileaks", 3), "a phrase that many notes quote and discuss"],
  ["ambassador", line("2016-12-16-wikileaks", 4), "a word in a line and in its note"],
  ["conceed", line("2016-11-08-wikileaks", 1), "a misspelling kept with [sic]"],
  ["conceed [sic]", line("2016-11-08-wikileaks", 1), "the misspelling as printed, which a note also quotes"],
  ["follows", line("2016-10-12-wikileaks", 3), "a misspelling kept with [sic]"],
  ["most famous australian", line("2016-12-16-wikileaks", 5), "a phrase with [sic] after it"],
  ["wlsearch.tk", line("2016-10-14-trump-jr", 2), "a URL, which a note also names"],
  ["putintrump.org", line("2016-09-20-wikileaks", 1), "a site name, which a note also names"],
  ["pic.twitter.com", line("2017-11-14-trump-jr", 3), "a link in a tweet"],
  ["NYT/MSNBC", line("2016-10-21-wikileaks", 4), "two names joined by a slash"],
  ["HillaryClinton is done", line("2016-10-02-roger-stone", 1), "a handle run into a word"],
  ["Podesta Emails Part 4", line("2016-10-12-wikileaks", 4), "a phrase"],
  ["Podesta", line("2016-10-12-wikileaks", 4), "a name in a line and in its note"],
  ["Wednesday leak", line("2016-10-03-trump-jr-2", 1), "a phrase that a note quotes"],
  ["ask around", line("2016-09-21-trump-jr", 1), "a phrase from a reply, quoted by two notes"],
  ["rigged system", line("2016-10-12-donald-trump", 3), "a public post"],
  ["dishonest media", line("2016-10-12-donald-trump", 1), "a phrase from a post, which a note quotes"],
  ["Wow", line("2016-11-09-wikileaks", 1), "a one-word message"],
  ["impartiality", line("2016-10-21-wikileaks", 6), "a rare word in a line and in its note"],
  ["beautifully confounding", line("2017-07-11-wikileaks", 6), "a phrase"],
  ["corruption and hypocrisy", line("2016-10-14-trump-jr", 1), "a phrase from a tweet, which a note quotes"],
  ["whopping", line("2017-11-14-trump-jr", 1), "a rare word in a line and in its note"],
  ["further from the truth", line("2016-10-14-mike-pence", 1), "a statement that a note quotes"],
  ["love Wikileaks", line("2016-10-10-donald-trump", 1), "a rally line that two notes quote"],
  ["published report earlier tonight", line("2017-11-pence-press-secretary", 1), "a statement"],
  ["no concerns about these documents", line("2017-11-alan-futerfas", 3), "a lawyer's statement"],
  ["turned over thousands of documents", line("2017-11-alan-futerfas", 1), "a phrase that a note echoes"],
  ["biased source", line("2016-10-21-wikileaks", 4), "a phrase a note quotes in full"],
  ["real kicker", line("2016-10-21-wikileaks", 5), "a phrase a note quotes"],
  ["pro-Russia", line("2016-10-21-wikileaks", 7), "a hyphenated word"],
  ["rigging", line("2016-11-08-wikileaks", 1), "a word whose relatives ('rigged') notes use"],
  ["ingratiate", line("2016-12-16-wikileaks", 6), "a rare word"],
  ["Mr. Assange", line("2016-12-16-wikileaks", 3), "a name with its title"],
  ["Hiya", line("2016-10-03-wikileaks", 1), "a greeting"],
  ["recycled pro-Iraq war PAC", line("2016-09-20-wikileaks", 2), "a phrase"],
  ["entire chain of messages", line("2017-11-14-trump-jr", 1), "a phrase that a note quotes"],
  ["confidentially obtaining", line("2017-07-11-wikileaks", 4), "a phrase"],
  ["How ironic", line("2017-11-14-trump-jr", 2), "a short line"],
  ["FiveThirtyEight", { note: "election-day-timing" }, "a name only a note uses"],
  ["Rob Glaser", { note: "putintrump-site" }, "a person only a note names"],
  ["Veselnitskaya", { note: "trump-tower-meeting" }, "a name only a note uses"],
  ["Fredo", { note: "pence-same-morning" }, "a nickname only a note quotes"],
  ["Rob Goldstone", { note: "emails-cited" }, "a person only a note names"],
  ["71 percent", { note: "election-day-timing" }, "a figure only a note gives"],
  ["Russian trolls", { note: "russian-trolls" }, "a phrase only a note uses"],
  ["September 21, 2016", { sentOn: ["2016-09-21-trump-jr"] }, "a date"],
  ["December 16", { sentOn: ["2016-12-16-wikileaks"] }, "a date without the year"],
  ["November 8, 2016", { sentOn: ["2016-11-08-wikileaks"] }, "Election Day"],
  ["October 14, 2016", { sentOn: ["2016-10-14-trump-jr", "2016-10-14-mike-pence"] }, "a day with two messages"],
];

const TOM = "2024-03-02-tom-okafor";
const KEIKO = "2024-03-03-keiko-tanaka";
const MARYAM = "2024-03-03-maryam-haddad";
const NOA = "2024-03-04-noa-levi";
const ELENI = "2024-03-05-eleni-papadopoulou";
const NOTICE = "2024-03-10-garden-committee";
// Messages written in other languages (language: in their front matter).
const KEIKO_JA = "2024-03-06-keiko-tanaka";
const ELENI_EL = "2024-03-06-eleni-papadopoulou";
const MARYAM_AR = "2024-03-07-maryam-haddad";
const NOA_HE = "2024-03-07-noa-levi";

const SECOND_EDITION: Query[] = [
  ["wheelbarrow", line(TOM, 9), "an English word"],
  ["shed key", line(TOM, 9), "a phrase"],
  ["solid tyre", { note: "wheelbarrow" }, "words only a note uses"],
  ["النعناع", line(MARYAM, 4), "an Arabic word as written, with its article"],
  ["نعناع", line(MARYAM, 4), "the Arabic word without its article"],
  ["البقدونس", line(MARYAM, 4), "an Arabic word written with 'and' attached, typed with its article only"],
  ["بقدونس", line(MARYAM, 4), "the same word with neither"],
  ["מהחממה", line(NOA, 2), "a Hebrew word as written, with 'from the' attached"],
  ["החממה", line(NOA, 2), "the Hebrew word with 'the' only"],
  ["חממה", line(NOA, 2), "the Hebrew word without its prefixes"],
  ["紫蘇", line(KEIKO, 4), "a Japanese word set off by spaces"],
  ["土曜日", line(KEIKO, 6), "a Japanese word inside an unspaced sentence, in an English message"],
  ["βασιλικός", line(ELENI, 3), "a Greek word with its accent"],
  ["βασιλικος", line(ELENI, 3), "the Greek word without its accent"],
  ["👩🏽‍🌾", line(MARYAM, 6), "an emoji of four code points joined by zero-width joiners"],
  ["🇯🇵", line(KEIKO, 2), "a flag"],
  ["ようこそ", line(NOTICE, 3), "Japanese in the committee's notice"],
  ["苗床", line(KEIKO_JA, 3), "a word of a message in Japanese, inside an unspaced sentence"],
  ["北側の花壇", line(KEIKO_JA, 3), "a Japanese phrase typed as written, without spaces"],
  ["交換会", line(KEIKO_JA, 2), "another word of the Japanese message"],
  ["seedlings for March", { note: "seed-bed" }, "an English note on the Japanese message"],
  ["ντομάτες", line(ELENI_EL, 2), "a word of a message in Greek, with its accent"],
  ["ντοματες", line(ELENI_EL, 2), "the same without its accent"],
  ["ντομάτα", line(ELENI_EL, 2), "its singular, which Greek stemming joins to it"],
  ["θυμαρι", line(ELENI_EL, 3), "another Greek word, unaccented"],
  ["الشتلات", line(MARYAM_AR, 3), "a word of a message in Arabic, with its article"],
  ["شتلات", line(MARYAM_AR, 3), "the same without its article"],
  ["السماد", line(MARYAM_AR, 3), "a word written with 'and' attached, typed with its article"],
  ["سماد", line(MARYAM_AR, 3), "the same with neither"],
  ["השתילים", line(NOA_HE, 2), "a word of a message in Hebrew, with its article"],
  ["שתילים", line(NOA_HE, 2), "the same without it"],
  ["והכפפות", line(NOA_HE, 3), "a Hebrew word as written, 'and the gloves'"],
  ["כפפות", line(NOA_HE, 3), "the same without its prefixes"],
];

function landsOn(cards: Awaited<ReturnType<typeof searchAgain>>["cards"], expected: Expected): void {
  const [first] = cards;
  expect(first, "no result").toBeDefined();
  if ("sentOn" in expected) {
    expect(expected.sentOn.map((id) => `/messages/${id}/`)).toContain(new URL(first!.href, "http://site.invalid").pathname.replace(/^\/garden-letters/, ""));
    return;
  }
  const link = first!.links[0];
  expect(link, "the first result shows no line or note").toBeDefined();
  const landed = target(link!.href).replace(/^\/garden-letters/, "");
  if ("note" in expected) {
    expect(link!.kind).toBe("note");
    expect(landed).toMatch(new RegExp(`^/messages/[a-z0-9-]+/#note-${expected.note}$`));
  } else {
    expect(link!.kind).toBe("line");
    expect(landed).toBe(`/messages/${expected.line}`);
  }
}

let browser: Browser;
let page: Page;
let work: string;
const servers: StaticServer[] = [];
const sites: Record<"one" | "three" | "second", string> = { one: "", three: "", second: "" };

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "relevance-"));
  // The default edition as three bundles: each shard's output, put together as the README says.
  const merged = path.join(work, "three");
  for (let k = 1; k <= 3; k++) {
    const output = path.join(work, `shard-${k}`);
    await build(PROJECT_ROOT, { outputDir: output, shard: `${k}/3` });
    await cp(output, merged, { recursive: true });
  }
  const garden = inject("gardenSite");
  const one = await serveStatic(inject("defaultSite"));
  const three = await serveStatic(merged);
  const second = await servePrefixed(garden, "/garden-letters/");
  servers.push(one, three, second);
  Object.assign(sites, { one: one.url, three: three.url, second: second.url });
  browser = await launchBrowser();
  page = await browser.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("reader queries through the search page", () => {
  it("has at least forty queries over the default edition, and the second edition's scripts", () => {
    expect(DEFAULT_EDITION.length).toBeGreaterThanOrEqual(40);
    expect(SECOND_EDITION.length).toBeGreaterThanOrEqual(30);
  });

  it.each(DEFAULT_EDITION)("%s lands where it should, in one bundle (%j, %s)", async (query, expected) => {
    landsOn((await searchAgain(page, sites.one, query)).cards, expected);
  });

  it.each(DEFAULT_EDITION)("%s lands where it should, across three bundles (%j, %s)", async (query, expected) => {
    landsOn((await searchAgain(page, sites.three, query)).cards, expected);
  });

  it.each(SECOND_EDITION)("%s lands where it should in the second edition (%j, %s)", async (query, expected) => {
    landsOn((await searchAgain(page, sites.second, query)).cards, expected);
  });
});
