// Search on the built default edition, end to end in Chromium, through our search page: type, filter, follow a line,
// land on it with the words highlighted; the URL carries the search through reload and back; sorting by date gives
// the whole date order; filters are downloaded only when opened; it all works from the keyboard, is announced, and
// passes axe's WCAG 2.2 A/AA rules with and without the filters open, in light and dark.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import { eventually, useChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";
import { readCards, RESULTS, searchThroughPage } from "../helpers/search.ts";

const chromium = useChromium(inject("defaultSite"));
const SHOTS = path.join(PROJECT_ROOT, "test-results");
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const results = () => chromium.page.locator(RESULTS);
const summary = () => chromium.page.locator("#search-summary").innerText();

async function openFilters(): Promise<void> {
  const { page } = chromium;
  await page.locator("#search-filters summary").click();
  await page.locator(".filter-group").first().waitFor();
}

/** The dates of every result, in order, drawing them all with "Show more results". */
async function allDates(): Promise<string[]> {
  const { page } = chromium;
  const count = Number(/^(\d+)/.exec(await summary())![1]);
  await eventually(() => results().count()).toBe(Math.min(count, 6));
  const more = page.locator("#search-more");
  while (await more.isVisible()) {
    const count = await results().count();
    await more.click();
    await eventually(() => results().count()).toBeGreaterThan(count);
  }
  return results().locator(".result-date").allInnerTexts();
}

describe("searching the default edition in Chromium", () => {
  it("finds a line, narrows by filters, and lands on the line highlighted as the target", async () => {
    const { page, server, errors } = chromium;
    await page.goto(`${server.url}/search/`);
    await page.getByRole("searchbox", { name: "Search the transcripts and the notes" }).fill("tax returns");
    await eventually(summary).toBe("3 results for tax returns");
    // The summary is told first; the cards follow as their text arrives.
    await eventually(() => results().count()).toBe(3);
    // The transcript line first, then the notes that discuss it, each said to be a note.
    const [first] = await readCards(page);
    expect(first!.kind).toBe("Direct message");
    expect(first!.links.map((link) => link.kind)).toEqual(["line", "note", "note", "note"]);
    expect(await results().first().locator(".result-note-kind").first().innerText()).toBe("Editorial note · Context · line 3");

    await openFilters();
    await page.getByRole("checkbox", { name: /^Cross-reference/ }).check();
    await eventually(() => page.url()).toContain("note-kind=Cross-reference");
    await eventually(summary).toBe("1 result for tax returns");
    // A message found through a note kind shows its note of that kind first.
    expect(await results().locator(".result-note").first().getAttribute("data-note-kind")).toBe("Cross-reference");
    await page.getByRole("checkbox", { name: /^Cross-reference/ }).uncheck();
    await page.getByRole("checkbox", { name: /^Direct message/ }).check();
    await eventually(summary).toBe("3 results for tax returns");

    const line = results().first().locator(".result-line-link").first();
    expect(await line.innerText()).toContain("Line 3");
    // The word is marked, not the full stop after it.
    expect(await line.locator("mark").allInnerTexts()).toEqual(["tax", "returns"]);
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
    await eventually(summary).toMatch(/^\d+ results for Trump$/);
    expect(await page.locator("#search-input").inputValue()).toBe("Trump");
    expect(await page.locator("#search-sort").inputValue()).toBe("date:desc");
    // Arriving with a filter opens the filters, with it checked.
    await eventually(() => page.getByRole("checkbox", { name: /^WikiLeaks/ }).isChecked()).toBe(true);
    expect((await readCards(page)).every((card) => card.title.startsWith("WikiLeaks"))).toBe(true);

    await page.reload();
    await eventually(summary).toMatch(/^\d+ results for Trump$/);
    expect(await page.locator("#search-input").inputValue()).toBe("Trump");
    await eventually(() => page.getByRole("checkbox", { name: /^WikiLeaks/ }).isChecked()).toBe(true);

    const sortInUrl = () => new URL(page.url()).searchParams.get("sort");
    await page.locator("#search-sort").selectOption("date:asc");
    await eventually(sortInUrl).toBe("date:asc");
    await eventually(async () => (await results().locator(".result-date").allInnerTexts())[0]).toMatch(/2016/);
    await page.goBack();
    await eventually(sortInUrl).toBe("date:desc");
    await eventually(() => page.locator("#search-sort").inputValue()).toBe("date:desc");
    await eventually(async () => (await results().locator(".result-date").allInnerTexts())[0]).toMatch(/2017/);
    await page.goForward();
    await eventually(() => page.locator("#search-sort").inputValue()).toBe("date:asc");

    // Typing makes one entry per pause, not per keystroke; back returns to the search before.
    await page.locator("#search-input").fill("password");
    await eventually(() => new URL(page.url()).searchParams.get("q")).toBe("password");
    await page.goBack();
    await eventually(() => page.locator("#search-input").inputValue()).toBe("Trump");
    expect(errors).toEqual([]);
  });

  it("sorts every result by date, oldest or newest first", async () => {
    const { page, server } = chromium;
    const order = async (sort: string) => {
      await page.goto(`${server.url}/search/?q=Trump&sort=${sort}`);
      await eventually(summary).toMatch(/^\d+ results/);
      const count = Number(/^(\d+)/.exec(await summary())![1]);
      const hrefs: string[] = [];
      const dates = await allDates();
      hrefs.push(...(await readCards(page)).map((card) => card.href));
      expect(dates).toHaveLength(count);
      return hrefs;
    };
    // The thread's own order (the home page lists every message in it) is the order to match.
    await page.goto(`${server.url}/`);
    const thread = await page.locator("li.thread-entry[id]").evaluateAll((entries) => entries.map((entry) => `/messages/${entry.id.replace(/^message-/, "")}/`));
    const ascending = await order("date:asc");
    expect(ascending.length).toBeGreaterThan(10);
    expect(ascending).toEqual(thread.filter((href) => ascending.includes(href)));
    expect(await order("date:desc")).toEqual([...ascending].reverse());
  });

  it("works from the keyboard alone: / to search, Enter, then ↓ into the results at once and Enter to open", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/messages/2016-09-20-wikileaks/`);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-input");
    await page.keyboard.type("ambassador");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=ambassador/);
    await results().first().waitFor();
    // Straight from the header's box, with nothing focused yet: ↓ goes into the results.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("WikiLeaks to Donald Trump Jr.");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href"))).toMatch(/#L4$/);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/messages\/2016-12-16-wikileaks\/.*#L4$/);
    await eventually(() => page.locator(".line:target").getAttribute("id")).toBe("L4");
    // "/" on the search page goes to its own box: the page has one.
    await page.goto(`${server.url}/search/`);
    expect(await page.getByRole("searchbox").count()).toBe(1);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
  });

  it("announces the number of results to screen readers and labels its controls", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/search/?q=password`);
    await eventually(() => results().count()).toBe(1);
    await eventually(() => page.locator('[role="status"][aria-live="polite"]').allInnerTexts()).toContainEqual("1 result for password");
    expect(await page.getByRole("combobox", { name: "Sort" }).count()).toBe(1);
    expect(await page.getByRole("searchbox", { name: "Search the transcripts and the notes" }).count()).toBe(1);
  });

  it("downloads the filters only when they are opened, and shows months as months, in the groups' order", async () => {
    const { page, server } = chromium;
    const filterFiles: string[] = [];
    page.on("request", (request) => {
      if (/\/pagefind\/filter\//.test(request.url())) filterFiles.push(request.url());
    });
    await page.goto(`${server.url}/search/?q=Trump`);
    await eventually(summary).toMatch(/results for Trump/);
    await page.waitForLoadState("networkidle");
    expect(filterFiles).toEqual([]);
    await openFilters();
    expect(filterFiles.length).toBeGreaterThan(0);
    expect(await page.locator(".filter-group legend").allTextContents()).toEqual(["Kind", "Sender", "Recipient", "Year", "Month", "Note kind"]);
    const months = await page.locator(".filter-group:has(legend:text-is('Month')) label").allInnerTexts();
    expect(months[0]).toMatch(/^September 2016\s+\d+$/);
    expect(months.map((month) => month.replace(/\s+\d+$/, ""))).toContain("October 2016");
  });

  it("draws each result as tall as its content, and an ellipsis where an excerpt cuts a sentence", async () => {
    const { page, server } = chromium;
    const { cards } = await searchThroughPage(page, server.url, "password");
    expect(cards).toHaveLength(1);
    // One line: a short card (the Component UI gave every result at least 248 px).
    expect(await results().first().evaluate((card) => card.getBoundingClientRect().height)).toBeLessThan(140);
    expect(cards[0]!.links[0]!.text).toBe("We have guessed the password.");

    const notes = await searchThroughPage(page, server.url, "returns");
    const excerpts = notes.cards.flatMap((card) => card.links.filter((link) => link.kind === "note").map((link) => link.text));
    // A note cut in the middle of a sentence says so at the cut; a line shown whole does not.
    expect(excerpts.some((text) => text.startsWith("… ") || text.endsWith(" …"))).toBe(true);
    for (const text of excerpts.filter((text) => text.startsWith("… "))) expect(text).not.toMatch(/^… [A-Z][^.]*$/);
    expect(notes.cards[0]!.links[0]!.text).toBe("Leak us one or more of your father’s tax returns.");
  });

  it.each([
    ["light", "light"],
    ["dark", "dark"],
  ] as const)("has no WCAG 2.2 A or AA violations with results shown, with and without the filters open, in %s", async (_, colorScheme) => {
    const { page, server } = chromium;
    await page.emulateMedia({ colorScheme });
    await page.goto(`${server.url}/search/?q=tax+returns`);
    await eventually(() => results().count()).toBeGreaterThan(1);
    const check = async (state: string) => {
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(violations.map((v) => `${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    };
    await check("filters closed");
    await openFilters();
    await check("filters open");
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `search-${colorScheme}.png`), fullPage: true });
  });

  it("tells readers without JavaScript that search needs it, and links to the thread", async () => {
    const { browser, server } = chromium;
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${server.url}/search/?q=password`);
    const notice = plain.locator(".notice");
    expect(await notice.innerText()).toContain("Search needs JavaScript");
    expect(await notice.getByRole("link", { name: "the full thread" }).getAttribute("href")).toBe("/");
    // The filters need JavaScript too, and are not shown without it.
    expect(await plain.locator("#search-filters").isVisible()).toBe(false);
    await noScript.close();
  });
});
