// Reader queries over the default edition, run in Node against its real built Pagefind index. Each must land on
// the expected line of the expected message (the first sub-result of the first result), or on the expected note.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/edition.ts";
import { loadPagefind, searchSite } from "../helpers/search.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

type Expected = { message: string; line: string } | { note: string };

/** What a reader types, why, and where they must land. */
const QUERIES: Array<[query: string, expected: Expected, why: string]> = [
  ["password", { message: "2016-09-20-wikileaks", line: "L3" }, "a single word they remember"],
  ["tax returns", { message: "2016-10-21-wikileaks", line: "L3" }, "a phrase that many notes also use"],
  ["ambassador", { message: "2016-12-16-wikileaks", line: "L4" }, "a single word"],
  ["conceed", { message: "2016-11-08-wikileaks", line: "L1" }, "a misspelling kept with [sic]"],
  ["wlsearch.tk", { message: "2016-10-14-trump-jr", line: "L2" }, "a URL"],
  ["putintrump.org", { message: "2016-09-20-wikileaks", line: "L1" }, "a site name"],
  ["Podesta Emails Part 4", { message: "2016-10-12-wikileaks", line: "L4" }, "a phrase"],
  ["Wednesday leak", { message: "2016-10-03-trump-jr-2", line: "L1" }, "a phrase"],
  ["ask around", { message: "2016-09-21-trump-jr", line: "L1" }, "a phrase from a reply"],
  ["rigged system", { message: "2016-10-12-donald-trump", line: "L3" }, "a public post"],
  ["Wow", { message: "2016-11-09-wikileaks", line: "L1" }, "a one-word message"],
  ["most famous australian", { message: "2016-12-16-wikileaks", line: "L5" }, "a phrase with [sic] after it"],
  ["impartiality", { message: "2016-10-21-wikileaks", line: "L6" }, "a rare word"],
  ["beautifully confounding", { message: "2017-07-11-wikileaks", line: "L6" }, "a phrase"],
  ["corruption and hypocrisy", { message: "2016-10-14-trump-jr", line: "L1" }, "a phrase from a tweet"],
  ["whopping", { message: "2017-11-14-trump-jr", line: "L1" }, "a rare word"],
  ["further from the truth", { message: "2016-10-14-mike-pence", line: "L1" }, "a statement"],
  ["love Wikileaks", { message: "2016-10-10-donald-trump", line: "L1" }, "a rally line"],
  ["HillaryClinton is done", { message: "2016-10-02-roger-stone", line: "L1" }, "a handle run into a word"],
  ["published report earlier tonight", { message: "2017-11-pence-press-secretary", line: "L1" }, "a statement"],
  ["no concerns about these documents", { message: "2017-11-alan-futerfas", line: "L3" }, "a lawyer's statement"],
  ["follows", { message: "2016-10-12-wikileaks", line: "L3" }, "a misspelling kept with [sic]"],
  ["FiveThirtyEight", { note: "election-day-timing" }, "a name only a note uses"],
  ["Rob Glaser", { note: "putintrump-site" }, "a person only a note names"],
  ["Veselnitskaya", { note: "trump-tower-meeting" }, "a name only a note uses"],
];

let output: string;
let server: StaticServer;
let pagefind: Awaited<ReturnType<typeof loadPagefind>>;

beforeAll(async () => {
  output = inject("defaultSite");
  server = await serveStatic(output);
  pagefind = await loadPagefind(output, server.url);
});
afterAll(async () => {
  await server?.close();
});

describe("reader queries against the built index of the default edition", () => {
  it("has at least twenty queries", () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(QUERIES)("%s lands where it should (%s, %s)", async (query, expected) => {
    const [first] = await searchSite(pagefind, query);
    if ("note" in expected) {
      // A note's address is its anchor on its message's page.
      expect(first?.url).toMatch(new RegExp(`^/messages/[a-z0-9-]+/#note-${expected.note}$`));
      expect(first?.meta.type).toBe("note");
      return;
    }
    expect(first?.url).toBe(`/messages/${expected.message}/`);
    expect(first?.subResults[0]?.url).toBe(`/messages/${expected.message}/#${expected.line}`);
  });
});
