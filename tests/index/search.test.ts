// Search from Node against the real Pagefind index of a built fixture edition: a phrase from a transcript line
// lands on that message and that line's anchor, and a note is a sub-result of its message at the note's anchor.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";
import { loadPagefind, searchSite } from "../helpers/search.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

let root: string;
let server: StaticServer;
let pagefind: Awaited<ReturnType<typeof loadPagefind>>;

beforeAll(async () => {
  root = await makeEdition("small");
  await build(root);
  server = await serveStatic(path.join(root, "_site"));
  pagefind = await loadPagefind(path.join(root, "_site"), server.url);
});
afterAll(async () => {
  await server.close();
  await removeEdition(root);
});

describe("searching the built index from Node", () => {
  it("lands a phrase from a transcript on its message and line anchor", async () => {
    const [first] = await searchSite(pagefind, "lighthouse lamp");
    expect(first?.url).toBe("/messages/1901-04-01-ada/");
    expect(first?.subResults[0]?.url).toBe("/messages/1901-04-01-ada/#L1");
    expect(first?.subResults[0]?.title).toBe("Line 1");
    expect(first?.meta).toEqual({ title: "Ada Quill to Ben Moor", date: "April 1, 1901, 9:30 a.m. (UTC+00:00)" });
    expect(first?.filters).toMatchObject({ Kind: ["Letter"], Sender: ["Ada Quill"], Recipient: ["Ben Moor"], Year: ["1901"], Month: ["1901-04"] });
  });

  it("lands a word on a later line on that line", async () => {
    const [first] = await searchSite(pagefind, "six");
    expect(first?.subResults[0]?.url).toBe("/messages/1901-04-02-ben/#L2");
  });

  it("finds a word that only a note uses, at the note's anchor on its message's page", async () => {
    const hits = await searchSite(pagefind, "survives");
    expect(hits.map((hit) => hit.url)).toEqual(["/messages/1901-04-02-ben/"]);
    expect(hits[0]?.subResults.map((sub) => [sub.url, sub.title])).toEqual([["/messages/1901-04-02-ben/#note-morning-boat", "Silence · line 2"]]);
    expect(hits[0]?.filters["Note kind"]).toEqual(["Silence"]);
  });

  it("indexes one document per message, with no sort key", async () => {
    const urls = (await searchSite(pagefind, "the")).map((hit) => hit.url);
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) expect(url).toMatch(/^\/messages\/[a-z0-9-]+\/$/);
    const entry = JSON.parse(await readFile(path.join(root, "_site", "pagefind", "pagefind-entry.json"), "utf8"));
    expect(entry.languages.en.page_count).toBe(3);
  });

  it("does not index site chrome such as navigation and footers", async () => {
    expect(await searchSite(pagefind, "Sources")).toEqual([]);
    expect(await searchSite(pagefind, "Skip")).toEqual([]);
    expect(await searchSite(pagefind, "CC0")).toEqual([]);
  });
});
