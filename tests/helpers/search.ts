// Searching a built site: through its search page in Chromium, as a reader does (what the page does with Pagefind's
// results is part of what is tested), and from Node against the same Pagefind index, for the index's own shape.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { orderSubResults, SEARCH_RANKING } from "../../src/site/client/search-ranking.ts";

/** A result card on the search page: its message link, and its line and note links in the order shown. */
export interface ResultCard {
  kind: string;
  title: string;
  href: string;
  links: Array<{ kind: "line" | "note"; href: string; text: string }>;
}

export const RESULTS = "#search-result-list > li.result";

/** The cards the search page shows once its summary says how many results there are. */
export async function readCards(page: Page): Promise<ResultCard[]> {
  return page.locator(RESULTS).evaluateAll((cards) =>
    cards.map((card) => ({
      kind: card.querySelector(".result-kind-label")?.textContent ?? "",
      title: card.querySelector(".result-link")?.textContent ?? "",
      href: card.querySelector(".result-link")?.getAttribute("href") ?? "",
      links: [...card.querySelectorAll<HTMLAnchorElement>("a.result-line-link, a.result-note-link")].map((link) => ({
        kind: link.classList.contains("result-note-link") ? ("note" as const) : ("line" as const),
        href: link.getAttribute("href") ?? "",
        text: (link.querySelector(".result-line-text, .result-excerpt") as HTMLElement | null)?.innerText ?? "",
      })),
    })),
  );
}

/** Opens the search page at `siteUrl` with `query` in the URL (as a shared link would) and reads its results. */
export async function searchThroughPage(page: Page, siteUrl: string, query: string): Promise<{ summary: string; cards: ResultCard[] }> {
  await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}`);
  // Playwright's own wait, which the page answers as soon as the summary changes, rather than a poll from here.
  await page.locator("#search-summary", { hasText: /\bresults?\b/ }).waitFor({ timeout: 10_000 });
  return answered(page, await page.locator("#search-summary").innerText());
}

/** The search's cards, once the first is drawn: the summary is announced before them. */
async function answered(page: Page, summary: string): Promise<{ summary: string; cards: ResultCard[] }> {
  if (!/^No results|^0 results/.test(summary)) await page.locator(RESULTS).first().waitFor();
  return { summary, cards: await readCards(page) };
}

/**
 * Searches for `query` on the search page at `siteUrl` as a reader does one search after another: types it into the
 * box and presses Enter. The page is opened (with the query in its URL) only when the browser is not already on it;
 * later queries are answered by the same page, without a page load and Pagefind's start each time.
 */
export async function searchAgain(page: Page, siteUrl: string, query: string): Promise<{ summary: string; cards: ResultCard[] }> {
  if (!page.url().startsWith(`${siteUrl}/search/`)) return searchThroughPage(page, siteUrl, query);
  const box = page.locator("#search-input");
  await box.fill(query);
  await box.press("Enter");
  // The summary names the words it answers: once it names these, the list holds this search's results.
  const summary = await page.waitForFunction((query) => {
    const text = document.getElementById("search-summary")?.textContent ?? "";
    const match = /^[\d,]+ results? for /.exec(text);
    return match && text.slice(match[0].length) === query ? text : false;
  }, query.trim());
  return answered(page, (await summary.jsonValue()) as string);
}

/** A link's page and anchor, without the words it carries for highlighting. */
export function target(href: string): string {
  const url = new URL(href, "http://site.invalid");
  return `${url.pathname}${url.hash}`;
}

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface SearchHit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
  subResults: SubResult[];
}

interface PagefindData {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
  sub_results: Array<{ title: string; url: string; excerpt: string; weighted_locations?: Array<{ balanced_score: number }> }>;
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: Record<string, unknown>): Promise<{ results: Array<{ data(): Promise<PagefindData> }> }>;
  destroy?(): Promise<void>;
}

/** Loads the site's Pagefind bundle in Node; `baseUrl` is where the site is served, so that pagefind.js can fetch its index. */
export async function loadPagefind(siteDir: string, baseUrl: string, bundle = "pagefind"): Promise<PagefindModule> {
  const moduleUrl = pathToFileURL(path.join(siteDir, bundle, "pagefind.js")).href;
  // A query string gives each site its own module instance, since pagefind.js keeps its state in the module.
  const pagefind = (await import(`${moduleUrl}?site=${encodeURIComponent(siteDir)}`)) as PagefindModule;
  // The same ranking as the search page.
  await pagefind.options({ basePath: `${baseUrl}/${bundle}/`, baseUrl: "/", ranking: SEARCH_RANKING });
  await pagefind.init();
  return pagefind;
}

export async function searchSite(pagefind: PagefindModule, query: string, options: Record<string, unknown> = {}): Promise<SearchHit[]> {
  const response = await pagefind.search(query, options);
  const hits: SearchHit[] = [];
  for (const result of response.results) {
    const data = await result.data();
    hits.push({
      url: data.url,
      meta: data.meta,
      filters: data.filters,
      excerpt: data.excerpt,
      subResults: orderSubResults(data.sub_results).map(({ title, url, excerpt }) => ({ title, url, excerpt })),
    });
  }
  return hits;
}
