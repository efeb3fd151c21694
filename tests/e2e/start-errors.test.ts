// `npm start` while an editor works: a mistake shows up in the browser, on the page already open, with the file,
// line and column and how to fix it, instead of a stale site; saving the fix brings the site back by itself.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchBrowser } from "../helpers/browser.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";
import { startWatchServer, type WatchServer } from "../helpers/watch-server.ts";

let root: string;
let server: WatchServer;
let browser: Browser;

beforeAll(async () => {
  root = await makeEdition("small");
  server = await startWatchServer(root, 18_000);
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  server?.stop();
  await removeEdition(root);
});

describe("npm start with a mistake in the edition", () => {
  it("shows the problem on the open page, located, and the site again once it is fixed", async () => {
    const { port } = server;
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/messages/1901-04-01-ada/`);
    expect(await page.locator("h1").innerText()).toBe("Ada Quill to Ben Moor");

    const file = path.join(root, "content", "1901-04-01-ada.md");
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace("from: ada", "from: nobody"));

    await eventually(() => page.locator("h1").innerText().catch(() => "")).toBe("The edition cannot be built");
    const report = await page.locator("pre").innerText();
    expect(report).toContain('content/1901-04-01-ada.md:5:7  error  Unknown sender "nobody"  [unknown-person]');
    expect(report).toContain('hint: Did you mean "ada", "ben" or "harbour-board"? Otherwise add "nobody" to edition/people.yaml.');
    // Every page of the site says so, not only the one that was open.
    const response = await page.request.get(`http://localhost:${port}/`, { headers: { accept: "text/html" } });
    expect(response.status()).toBe(500);
    expect(server.output()).toContain("content/1901-04-01-ada.md:5:7  error  Unknown sender");

    await writeFile(file, good);
    await eventually(() => page.locator("h1").innerText().catch(() => "")).toBe("Ada Quill to Ben Moor");
    await page.close();
  }, 60_000);
});
