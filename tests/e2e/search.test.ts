// Search on the built default edition, end to end in Chromium: type, filter, follow a line, land on it with the
// words highlighted; the URL carries the search through reload and back; it all works from the keyboard; and the
// page passes axe's WCAG 2.1 A/AA rules.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import { eventually, useChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

const chromium = useChromium(inject("defaultSite"));

const results = () => chromium.page.locator("pagefind-results .result");

describe("searching the default edition in Chromium", () => {
  it("finds a line, narrows by a filter, and lands on the line highlighted as the target", async () => {
    const { page, server, errors } = chromium;
    await page.goto(`${server.url}/search/`);
    const input = page.locator("pagefind-input input");
    await input.fill("tax returns");
    await eventually(() => results().count()).toBeGreaterThan(1);
    // Transcript lines rank above the notes that talk about them.
    expect(await results().first().locator(".result-kind-label").textContent()).toBe("Direct message");

    await page.getByRole("checkbox", { name: /^Editorial note/ }).check();
    await eventually(() => page.url()).toContain("kind=Editorial+note");
    // Some results, all of them notes: every() alone would also hold for an empty list.
    await eventually(async () => {
      const kinds = await results().locator(".result-kind-label").allTextContents();
      return kinds.length > 0 && kinds.every((t) => /^editorial note/i.test(t));
    }).toBe(true);
    await page.getByRole("checkbox", { name: /^Editorial note/ }).uncheck();
    await page.getByRole("checkbox", { name: /^Direct message/ }).check();
    await eventually(() => results().count()).toBe(1);

    const line = results().first().locator(".result-line-link").first();
    expect(await line.innerText()).toContain("Line 3");
    await line.click();
    await page.waitForURL(/\/messages\/2016-10-21-wikileaks\/\?pagefind-highlight=tax&pagefind-highlight=returns#L3$/);

    const target = page.locator(".line:target");
    await eventually(() => target.getAttribute("id")).toBe("L3");
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 246, 216)");
    const inView = await target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await eventually(() => target.locator("mark.pagefind-highlight").allInnerTexts()).toEqual(["tax", "returns"]);
    expect(errors).toEqual([]);
  });

  it("keeps the query, filters and sort in the URL, through reload, back and forward", async () => {
    const { page, server, errors } = chromium;
    await page.goto(`${server.url}/search/?q=Trump&sender=WikiLeaks&sort=date:desc`);
    await eventually(() => results().count()).toBeGreaterThan(1);
    expect(await page.locator("pagefind-input input").inputValue()).toBe("Trump");
    expect(await page.locator("#search-sort").inputValue()).toBe("date:desc");
    expect(await page.getByRole("checkbox", { name: /^WikiLeaks/ }).isChecked()).toBe(true);
    // Newest first: the results loaded so far (Pagefind loads them as they scroll into view) run from 2017 down.
    const years = (await results().locator(".result-date").allInnerTexts()).map((date) => Number(/\d{4}/.exec(date)![0]));
    expect(years[0]).toBe(2017);
    expect(years).toEqual([...years].sort((a, b) => b - a));

    await page.reload();
    await eventually(() => results().count()).toBeGreaterThan(1);
    expect(await page.locator("pagefind-input input").inputValue()).toBe("Trump");
    expect(await page.getByRole("checkbox", { name: /^WikiLeaks/ }).isChecked()).toBe(true);

    const sortInUrl = () => new URL(page.url()).searchParams.get("sort");
    await page.locator("#search-sort").selectOption("date:asc");
    await eventually(sortInUrl).toBe("date:asc");
    await page.goBack();
    await eventually(sortInUrl).toBe("date:desc");
    await eventually(() => page.locator("#search-sort").inputValue()).toBe("date:desc");
    await eventually(async () => (await results().locator(".result-date").allInnerTexts())[0]).toMatch(/2017/);
    await page.goForward();
    await eventually(() => page.locator("#search-sort").inputValue()).toBe("date:asc");
    expect(errors).toEqual([]);
  });

  it("works from the keyboard alone: / to search, arrows through results, Enter to open", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/messages/2016-09-20-wikileaks/`);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-input");
    await page.keyboard.type("ambassador");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=ambassador/);
    await eventually(() => results().count()).toBeGreaterThan(0);

    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.closest("pagefind-input") !== null)).toBe(true);
    await page.keyboard.press("ArrowDown");
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe("WikiLeaks to Donald Trump Jr.");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href"))).toMatch(/#L4$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/messages\/2016-12-16-wikileaks\/.*#L4$/);
    await eventually(() => page.locator(".line:target").getAttribute("id")).toBe("L4");
  });

  it("announces the number of results to screen readers and labels its controls", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/search/?q=password`);
    await eventually(() => results().count()).toBe(1);
    await eventually(() => page.locator('[aria-live="polite"]').allInnerTexts()).toContainEqual(expect.stringMatching(/1 result/));
    expect(await page.getByRole("combobox", { name: "Sort" }).count()).toBe(1);
    expect(await page.getByRole("searchbox").count()).toBeGreaterThan(0);
  });

  it("has no WCAG 2.1 A or AA violations with results shown", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/search/?q=tax+returns`);
    await eventually(() => results().count()).toBeGreaterThan(1);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await mkdir(path.join(PROJECT_ROOT, "test-results"), { recursive: true });
    await page.screenshot({ path: path.join(PROJECT_ROOT, "test-results", "search.png"), fullPage: true });
  });

  it("tells readers without JavaScript that search needs it, and links to the thread", async () => {
    const { browser, server } = chromium;
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${server.url}/search/?q=password`);
    const notice = plain.locator(".notice");
    expect(await notice.innerText()).toContain("Search needs JavaScript");
    expect(await notice.getByRole("link", { name: "the full thread" }).getAttribute("href")).toBe("/");
    await noScript.close();
  });
});
