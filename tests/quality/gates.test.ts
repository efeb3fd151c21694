// Quality gates on the built default edition: the W3C Nu HTML checker (vnu-jar, on the machine's Java) finds no
// error on any page; axe-core finds no WCAG 2.2 A/AA violation on any page type, in the light and the dark theme;
// and no internal link or #anchor is broken.
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import { verifySite } from "../../src/site/verify-site.ts";
import { eventually, launchBrowser } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";
import { htmlErrors } from "../helpers/html-checker.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

const site = inject("defaultSite");

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(site);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("quality gates", () => {
  it("has no HTML errors on any page, by the W3C Nu HTML checker", async () => {
    expect(await htmlErrors(site)).toEqual([]);
  });

  // Every page type the site has, in both themes, against WCAG 2.2 A and AA.
  const PAGE_TYPES = [
    ["home (the thread)", "/"],
    ["message", "/messages/2016-10-21-wikileaks/"],
    ["message with overlapping notes", "/messages/2016-09-20-wikileaks/"],
    ["search", "/search/?q=password"],
    ["sources", "/sources/"],
    ["people", "/people/"],
    ["editorial (method)", "/method/"],
    ["editorial (introduction)", "/introduction/"],
    ["changelog", "/changelog/"],
    ["conversation", "/conversation/"],
  ] as const;
  for (const colorScheme of ["light", "dark"] as const)
    it.each(PAGE_TYPES)(`has no WCAG 2.2 A or AA violations on the %s page, ${colorScheme}`, async (_, url) => {
      // AxeBuilder needs a page of an explicit context.
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.url}${url}`);
      if (url.startsWith("/search/")) await eventually(() => page.locator("#search-result-list .result").count()).toBeGreaterThan(0);
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await context.close();
    });

  it("has no broken internal link or anchor", async () => {
    const { model } = await readEdition(PROJECT_ROOT);
    expect(await verifySite(site, model!)).toEqual([]);
  });
});

describe("the Content-Security-Policy", () => {
  it("forbids inline script on every page", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const pages = (await readdir(site, { recursive: true })).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = await readFile(`${site}/${file}`, "utf8");
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#x27;/g, "'");
      expect(policy, file).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy, file).not.toContain("unsafe-inline");
      // Our only inline scripts are data: JSON-LD and the cite panel's JSON, which browsers never run.
      for (const [, type] of html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)) expect(type, file).toMatch(/type="application\/(?:ld\+)?json"/);
    }
  });
});
