// Phones and the dark theme in Chromium: at 320 px no page is wider than the screen, in either theme; on a phone the
// header is compact, a message's text starts on the first screen and the home page names the edition once; the
// dark theme follows the system setting and keeps WCAG AA contrast; and on a narrow screen a note call opens its
// note under its line and closes it again, while on a wide screen (or without script) it stays a link to the note.
import { AxeBuilder } from "@axe-core/playwright";
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import { eventually, useChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

const chromium = useChromium(inject("defaultSite"));

const PAGES = [
  ["home", "/"],
  ["message", "/messages/2016-09-21-trump-jr/"],
  ["people", "/people/"],
  ["sources", "/sources/"],
  ["search", "/search/?q=tax"],
  ["introduction", "/introduction/"],
  ["changelog", "/changelog/"],
] as const;

const MESSAGE = "/messages/2016-09-20-wikileaks/";

async function openPage(options: BrowserContextOptions, url: string): Promise<Page> {
  const context = await chromium.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${chromium.server.url}${url}`);
  if (url.startsWith("/search/")) await eventually(() => page.locator("#search-result-list .result").count()).toBeGreaterThan(0);
  return page;
}

/** Relative luminance (WCAG) of a computed rgb() colour. */
function luminance(colour: string): number {
  const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe("on a 320 px phone", () => {
  it.each(["light", "dark"] as const)("no page is wider than the screen, in the %s theme", async (colorScheme) => {
    const overflowing: string[] = [];
    for (const [name, url] of PAGES) {
      const page = await openPage({ viewport: { width: 320, height: 640 }, colorScheme }, url);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      if (scrollWidth > innerWidth) overflowing.push(`${name}: ${scrollWidth} px wide`);
      await page.context().close();
    }
    expect(overflowing).toEqual([]);
  });
});

describe("on a 375 × 812 phone", () => {
  const phone = { viewport: { width: 375, height: 812 } };

  it("the header is the title and the site's links, under 110 px (with the search box it took 184)", async () => {
    for (const url of [MESSAGE, "/sources/", "/search/?q=tax"]) {
      const page = await openPage(phone, url);
      const header = await page.locator(".site-header").evaluate((element) => element.getBoundingClientRect().height);
      expect(header, url).toBeLessThan(110);
      expect(await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Search" }).isVisible()).toBe(true);
      await page.context().close();
    }
  });

  it("every message page shows the message's first line on the first screen, under its particulars", async () => {
    const { model } = await readEdition(PROJECT_ROOT);
    const below: string[] = [];
    const page = await openPage(phone, "/");
    for (const { message } of model!.messages) {
      await page.goto(`${chromium.server.url}${model!.urls.message(message.id)}`);
      const { bottom } = await page.locator(".transcript .line").first().evaluate((line) => line.getBoundingClientRect().toJSON() as DOMRect);
      if (bottom > 812) below.push(`${message.id}: line 1 ends at ${Math.round(bottom)} px`);
    }
    expect(below).toEqual([]);
    await page.context().close();
  });

  it("the home page names the edition once on its first screen", async () => {
    const page = await openPage(phone, "/");
    const title = await page.locator("h1").innerText();
    const shown = await page.evaluate((title) => {
      const seen = [...document.querySelectorAll("body *")].filter((element) => {
        if (![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.includes(title.slice(0, 20)))) return false;
        const box = element.getBoundingClientRect();
        return box.height > 0 && box.top < window.innerHeight && element.checkVisibility();
      });
      return seen.map((element) => element.tagName);
    }, title);
    expect(shown).toEqual(["H1"]);
    await page.context().close();
  });
});

describe("the dark theme", () => {
  it("follows the system setting: dark paper and light ink in dark, the reverse in light", async () => {
    const colours = async (colorScheme: "light" | "dark") => {
      const page = await openPage({ colorScheme }, MESSAGE);
      const body = await page.evaluate(() => ({ paper: getComputedStyle(document.body).backgroundColor, ink: getComputedStyle(document.body).color }));
      const transcript = await page.locator(".transcript").evaluate((element) => getComputedStyle(element).backgroundColor);
      await page.context().close();
      return { paper: luminance(body.paper), ink: luminance(body.ink), transcript: luminance(transcript) };
    };
    const dark = await colours("dark");
    expect(dark.paper).toBeLessThan(0.05);
    expect(dark.transcript).toBeLessThan(0.05);
    expect(dark.ink).toBeGreaterThan(0.7);
    const light = await colours("light");
    expect(light.paper).toBeGreaterThan(0.9);
    expect(light.ink).toBeLessThan(0.05);
  });

  it.each([
    ["home", "/"],
    // Line 1 as the target: its highlight behind marks of two depths, with note calls.
    ["message", `${MESSAGE}#L1`],
    ["search", "/search/?q=tax"],
  ])("has no colour-contrast violations on the %s page", async (_, url) => {
    const page = await openPage({ colorScheme: "dark" }, url);
    expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
    const { violations } = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    expect(violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`))).toEqual([]);
    await page.context().close();
  });

  it("has no WCAG 2.1 A or AA violations, contrast included, with a note opened under its line on a phone", async () => {
    const page = await openPage({ colorScheme: "dark", viewport: { width: 375, height: 800 } }, MESSAGE);
    await page.locator("#ref-first-message-timing").click();
    await page.getByRole("note", { name: "Note 1", exact: true }).waitFor();
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`))).toEqual([]);
    await page.context().close();
  });
});

describe("note calls on a narrow screen", () => {
  const box = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);

  it("open the note right under its line, and close it again", async () => {
    const { page, errors } = chromium;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${chromium.server.url}${MESSAGE}`);
    const call = page.getByRole("button", { name: "Note 1", exact: true });
    await expect.poll(() => call.getAttribute("aria-expanded")).toBe("false");

    await call.click();
    expect(await call.getAttribute("aria-expanded")).toBe("true");
    const note = page.getByRole("note", { name: "Note 1", exact: true });
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain("The Atlantic dates the message “Just before the stroke of midnight on September 20, 2016”");
    const [line, opened, nextLine] = [await box(page, "#L1"), await box(page, '[role="note"]'), await box(page, "#L2")];
    expect(opened.top).toBeGreaterThanOrEqual(line.bottom - 1);
    expect(opened.top - line.bottom).toBeLessThan(24);
    expect(nextLine.top).toBeGreaterThanOrEqual(opened.bottom);
    // The reader stays where they were reading.
    expect(new URL(page.url()).hash).toBe("");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("ref-first-message-timing");

    await call.click();
    expect(await call.getAttribute("aria-expanded")).toBe("false");
    expect(await note.isVisible()).toBe(false);
    expect((await box(page, "#L2")).top - (await box(page, "#L1")).bottom).toBeLessThan(24);
    expect(errors).toEqual([]);
  });

  it("are operated from the keyboard, and the note's close button returns focus to its call", async () => {
    const { page } = chromium;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${chromium.server.url}${MESSAGE}`);
    const call = page.getByRole("button", { name: "Note 3", exact: true });
    const note = page.getByRole("note", { name: "Note 3", exact: true });
    await call.focus();
    await page.keyboard.press("Enter");
    expect(await note.isVisible()).toBe(true);
    await page.keyboard.press("Space");
    expect(await note.isVisible()).toBe(false);
    await page.keyboard.press("Space");
    expect(await call.getAttribute("aria-expanded")).toBe("true");
    await note.getByRole("button", { name: "Close note 3", exact: true }).click();
    expect(await note.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("ref-any-comments");
  });

  it("keep two notes of one line in the order of their calls, which is where their passages start", async () => {
    const { page } = chromium;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${chromium.server.url}${MESSAGE}`);
    await page.getByRole("button", { name: "Note 1", exact: true }).click();
    await page.getByRole("button", { name: "Note 2", exact: true }).click();
    // In line 1 the calls of the overlapping notes 1 and 2 stand together at the end, in the order of their passages.
    expect(await page.locator("#L1 ~ [role='note']").evaluateAll((notes) => notes.map((note) => note.getAttribute("aria-label")))).toEqual(["Note 1", "Note 2"]);
  });

  it("become links to the notes again when the screen widens", async () => {
    const { page } = chromium;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${chromium.server.url}${MESSAGE}`);
    await page.getByRole("button", { name: "Note 1", exact: true }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => page.locator('[role="note"]').count()).toBe(0);
    expect(await page.getByRole("link", { name: "Note 1", exact: true }).getAttribute("aria-expanded")).toBeNull();
  });

  it("still lead to the notes after the transcript without JavaScript", async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${chromium.server.url}${MESSAGE}`);
    await page.getByRole("link", { name: "Note 1", exact: true }).click();
    expect(new URL(page.url()).hash).toBe("#note-first-message-timing");
    const note = page.locator(".notes #note-first-message-timing");
    expect(await note.evaluate((element) => element.matches(":target"))).toBe(true);
    expect(await note.evaluate((element) => element.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await context.close();
  });
});

describe("note calls on a wide screen", () => {
  it("jump to the note beside the transcript, as before", async () => {
    const { page, errors } = chromium;
    await page.goto(`${chromium.server.url}${MESSAGE}`);
    const call = page.getByRole("link", { name: "Note 3", exact: true });
    expect(await call.getAttribute("aria-expanded")).toBeNull();
    await call.click();
    expect(new URL(page.url()).hash).toBe("#note-any-comments");
    const note = page.locator(".notes #note-any-comments");
    expect(await note.evaluate((element) => element.matches(":target"))).toBe(true);
    const [noteBox, transcriptBox] = [await note.boundingBox(), await page.locator(".transcript").boundingBox()];
    expect(noteBox!.x).toBeGreaterThan(transcriptBox!.x + transcriptBox!.width);
    expect(noteBox!.y).toBeGreaterThanOrEqual(0);
    expect(noteBox!.y).toBeLessThan(900);
    expect(await page.locator('[role="note"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("can be hit anywhere in a 24 px square around their middle, though drawn smaller, without moving their line", async () => {
    const { page } = chromium;
    await page.goto(`${chromium.server.url}${MESSAGE}`);
    const call = page.getByRole("link", { name: "Note 3", exact: true });
    const box = (await call.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeLessThan(24);
    const hits = await call.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      const [x, y] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
      return [[-11, -11], [11, -11], [-11, 11], [11, 11], [0, 0]].map(([dx, dy]) => document.elementFromPoint(x + dx!, y + dy!)?.closest("a") === element);
    });
    expect(hits).toEqual([true, true, true, true, true]);
  });
});
