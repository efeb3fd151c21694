// End to end in real Chromium: a reader opens the home page, searches for a phrase, follows the first result,
// and lands on the line, which is the page's target and carries its note.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { eventually, launchBrowser } from "../helpers/browser.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

let root: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  root = await makeEdition("small");
  await build(root);
  server = await serveStatic(path.join(root, "_site"));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeEdition(root);
});

describe("reading and searching in Chromium", () => {
  it("searches from the home page and lands on the line, with its note", async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole("searchbox", { name: "Search the edition" }).fill("spring tides");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=spring\+tides/);
    const firstLineResult = page.locator("#search-result-list a.result-line-link").first();
    await firstLineResult.waitFor();
    expect(await firstLineResult.getAttribute("href")).toBe("/messages/1901-04-01-ada/?pagefind-highlight=spring&pagefind-highlight=tides#L2");
    await firstLineResult.click();
    await page.waitForURL(/\/messages\/1901-04-01-ada\/\?pagefind-highlight=spring&pagefind-highlight=tides#L2$/);

    const target = page.locator(".line:target");
    await eventually(() => target.getAttribute("id")).toBe("L2");
    expect(await target.locator(".line-text").innerText()).toBe("We must order new wicks before the spring");
    expect(await target.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);

    const call = target.locator('a.note-call[href="#note-wicks"]');
    await call.click();
    const note = page.locator("#note-wicks");
    expect(await note.locator(".note-body").innerText()).toBe('The Gazette prints "wick".');
    expect(await page.evaluate(() => location.hash)).toBe("#note-wicks");
    expect(errors).toEqual([]);
  });
});
