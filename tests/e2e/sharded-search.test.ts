// A sharded build, end to end: an edition built as 4 shards in 4 separate processes, their outputs copied into
// one folder, gives the same site as one unsharded build with the same partitions, byte for byte (every page,
// every link between shards, every search bundle); and searching it in Chromium, across the partitions' merged
// Pagefind bundles, finds exactly what a site with a single bundle finds, sorts every result into the thread's date
// order across the bundles, and counts each filter over all of them.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEdition, type GeneratedEdition } from "../../tools/bench/generate-edition.ts";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import { eventually, launchBrowser } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

const SHARDS = 4;
let work: string;
let generated: GeneratedEdition;
let whole: string;
let partitioned: string;
let merged: string;
/** Small partitions, so that 240 messages make several for each shard. */
const PARTITION = ["--partition-size", "30"];
let servers: { whole: StaticServer; merged: StaticServer };
let browser: Browser;
const shardLogs: string[] = [];

function build(root: string, output: string, extra: string[] = []): Promise<{ stdout: string }> {
  const args = ["--import", import.meta.resolve("tsx"), path.join(PROJECT_ROOT, "src/cli/build.ts"), "--output", output, ...extra];
  return promisify(execFile)(process.execPath, args, { cwd: root });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

const isBundle = (file: string) => file.startsWith("pagefind/");
/** Each build's record of the files it wrote (output-record.ts): a shard's lists its own. */
const RECORD = ".edition-files.json";

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "sharded-"));
  const root = path.join(work, "edition");
  generated = await generateEdition(root, { messages: 240, annotations: 480, seed: 11 });
  whole = path.join(work, "whole");
  partitioned = path.join(work, "partitioned");
  merged = path.join(work, "merged");
  await build(root, whole);
  await build(root, partitioned, PARTITION);
  // Separate processes, started together, as parallel CI jobs would be.
  const outputs = Array.from({ length: SHARDS }, (_, i) => path.join(work, `shard-${i + 1}`));
  const runs = await Promise.all(outputs.map((output, i) => build(root, output, [...PARTITION, "--shard", `${i + 1}/${SHARDS}`])));
  shardLogs.push(...runs.map((run) => run.stdout));
  for (const output of outputs) await cp(output, merged, { recursive: true });
  servers = { whole: await serveStatic(whole), merged: await serveStatic(merged) };
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await servers?.whole.close();
  await servers?.merged.close();
  await rm(work, { recursive: true, force: true });
});

describe("an edition built as 4 shards", () => {
  it("writes each message's page in exactly one shard, and indexes every message and note once", async () => {
    const pagesByShard = await Promise.all(
      Array.from({ length: SHARDS }, (_, i) => readdir(path.join(work, `shard-${i + 1}`, "messages"))),
    );
    const all = pagesByShard.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(generated.messages.map((message) => message.id).sort());
    const indexed = shardLogs.map((log) => Number(/indexed (\d+) pages/.exec(log)?.[1]));
    // A search document per message (its notes are sub-results of it), in the shard that writes the message's page.
    expect(indexed.reduce((sum, n) => sum + n, 0)).toBe(240);
    expect(pagesByShard.every((ids) => ids.length > 0)).toBe(true);
    pagesByShard.forEach((ids, i) => expect(indexed[i]).toBe(ids.length));
  });

  it("puts together into the same site as one unsharded build of the same partitions, byte for byte", async () => {
    const [partitionedFiles, mergedFiles] = [(await filesUnder(partitioned)).filter((file) => file !== RECORD), (await filesUnder(merged)).filter((file) => file !== RECORD)];
    expect(mergedFiles).toEqual(partitionedFiles);
    expect(mergedFiles.filter((file) => file.endsWith("pagefind-entry.json")).length).toBeGreaterThanOrEqual(SHARDS);
    for (const file of partitionedFiles) expect((await readFile(path.join(merged, file))).equals(await readFile(path.join(partitioned, file))), file).toBe(true);
  });

  it("has the same pages as a build with one search bundle, but for the search page, which merges the others", async () => {
    const [wholeFiles, mergedFiles] = [await filesUnder(whole), await filesUnder(merged)];
    expect(mergedFiles.filter((file) => !isBundle(file) && file !== RECORD)).toEqual(wholeFiles.filter((file) => !isBundle(file) && file !== RECORD));
    for (const file of wholeFiles.filter((file) => file.endsWith(".html") && file !== "search/index.html"))
      expect(await readFile(path.join(merged, file), "utf8"), file).toBe(await readFile(path.join(whole, file), "utf8"));
  });

  async function searchThroughPage(page: Page, site: string, term: string) {
    await page.goto(`${site}/search/?q=${encodeURIComponent(term)}`);
    await eventually(() => page.locator("#search-summary").innerText()).toMatch(/result/);
    return page.locator("#search-summary").innerText();
  }

  /** Every result with all its sub-results (the lines it landed on), from the page's own Pagefind instance. */
  async function allResults(page: Page, site: string, term: string) {
    await page.goto(`${site}/search/`);
    // A string, not a function: the test runner would rewrite a function's import() for Node.
    const script = `(async () => {
      const [first, ...rest] = JSON.parse(document.getElementById("search-config").textContent).bundles;
      const pagefind = await import(first.path + "pagefind.js");
      await pagefind.options({ excerptLength: 10 });
      for (const bundle of rest) await pagefind.mergeIndex(bundle.path);
      const search = await pagefind.search(${JSON.stringify(term)});
      const data = await Promise.all(search.results.map((result) => result.data()));
      return data.map((result) => result.url + " " + result.sub_results.map((sub) => sub.url).sort().join(" ")).sort();
    })()`;
    return (await page.evaluate(script)) as string[];
  }

  /** The longest word of a message's transcript: a term that finds that message among few others. */
  async function rareWordOf(index: number): Promise<{ id: string; word: string }> {
    const { id, file } = generated.messages[index]!;
    const text = await readFile(path.join(work, "edition", file), "utf8");
    const body = text.slice(text.indexOf("\n---\n", 4) + 5);
    const word = body.match(/[A-Za-z]{4,}/g)!.reduce((a, b) => (b.length > a.length ? b : a));
    return { id, word };
  }

  it("finds the same messages, notes and lines from the merged bundles as from one bundle, in Chromium", async () => {
    expect((await readFile(path.join(merged, "search/index.html"), "utf8")).match(/"path":"\/pagefind\//g)?.length).toBeGreaterThanOrEqual(SHARDS);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // One word found everywhere, and one from a message of each later shard (240 messages, 60 a shard).
    const picks = await Promise.all([70, 130, 230].map(rareWordOf));
    // Exact searches: where a word is rare in a bundle, Pagefind widens the search to similar words in that bundle
    // ("be" for "before"), so a word's near matches depend on how the edition is partitioned; its matches do not.
    for (const term of [generated.searchTerm, ...picks.map((pick) => pick.word)].map((word) => `"${word}"`)) {
      const [expected, found] = [await allResults(page, servers.whole.url, term), await allResults(page, servers.merged.url, term)];
      expect(found.length, term).toBeGreaterThan(0);
      expect(found, term).toEqual(expected);
      // The search page a reader uses says the same.
      expect(await searchThroughPage(page, servers.merged.url, term), term).toBe(await searchThroughPage(page, servers.whole.url, term));
    }

    // A message from the last shard, found through the page's own result list, opens at its line.
    const { id, word } = picks[2]!;
    await page.goto(`${servers.merged.url}/search/?q=${encodeURIComponent(word)}`);
    const line = page.locator(`#search-result-list a.result-line-link[href^="/messages/${id}/?pagefind-highlight="]`).first();
    await eventually(() => line.count()).toBeGreaterThan(0);
    await line.click();
    await eventually(() => page.url()).toContain(`/messages/${id}/`);
    await eventually(() => page.locator("mark.pagefind-highlight").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  /** Every result of a search on the page, in the order shown, drawing them all. */
  async function shownInOrder(page: Page, url: string): Promise<string[]> {
    await page.goto(url);
    await eventually(() => page.locator("#search-summary").innerText()).toMatch(/\d+ results?/);
    const count = Number(/^([\d,]+)/.exec(await page.locator("#search-summary").innerText())![1]!.replace(/,/g, ""));
    const more = page.locator("#search-more");
    await eventually(() => page.locator("#search-result-list > li").count()).toBe(Math.min(count, 6));
    while (await more.isVisible()) {
      const shown = await page.locator("#search-result-list > li").count();
      await more.click();
      await eventually(() => page.locator("#search-result-list > li").count()).toBeGreaterThan(shown);
    }
    const hrefs = await page.locator("#search-result-list .result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    expect(hrefs).toHaveLength(count);
    return hrefs;
  }

  it("sorts every result into the thread's date order across the bundles, both ways, as the unsharded site does", async () => {
    const { model } = await readEdition(path.join(work, "edition"));
    const thread = model!.messages.map(({ message }) => model!.urls.message(message.id));
    const page = await browser.newPage();
    const term = encodeURIComponent(generated.searchTerm);
    const ascending = await shownInOrder(page, `${servers.merged.url}/search/?q=${term}&sort=date:asc`);
    // Results from every bundle (a bundle's 60 messages each), in the thread's order.
    expect(new Set(ascending.map((href) => Math.floor(thread.indexOf(href) / 60))).size).toBe(SHARDS);
    expect(ascending).toEqual(thread.filter((href) => ascending.includes(href)));
    expect(await shownInOrder(page, `${servers.merged.url}/search/?q=${term}&sort=date:desc`)).toEqual([...ascending].reverse());
    expect(await shownInOrder(page, `${servers.whole.url}/search/?q=${term}&sort=date:asc`)).toEqual(ascending);
    await page.close();
  });

  it("counts each filter's values over every bundle, as the unsharded site does", async () => {
    const page = await browser.newPage();
    const counts = async (site: string) => {
      await page.goto(`${site}/search/?q=${encodeURIComponent(generated.searchTerm)}`);
      await page.locator("#search-filters summary").click();
      await eventually(async () => {
        const labels = await page.locator(".filter-group label").allInnerTexts();
        return labels.length > 0 && labels.every((label) => /\d+$/.test(label));
      }).toBe(true);
      // Stable once the counts of the search have replaced the edition's.
      await page.waitForLoadState("networkidle");
      return page.locator(".filter-group").evaluateAll((groups) =>
        groups.map((group) => `${group.querySelector("legend")!.textContent}: ${[...group.querySelectorAll("label")].map((label) => label.textContent).join(", ")}`),
      );
    };
    const [whole, merged] = [await counts(servers.whole.url), await counts(servers.merged.url)];
    expect(merged.length).toBeGreaterThan(3);
    expect(merged).toEqual(whole);
    await page.close();
  });
});
