// Queries a built Pagefind index from Node, through the same pagefind.js a browser loads, served over HTTP.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { orderSubResults, SEARCH_RANKING } from "../../src/site/client/search-ranking.ts";

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

/** Loads the site's Pagefind bundle; `baseUrl` is where the site is served, so that pagefind.js can fetch its index. */
export async function loadPagefind(siteDir: string, baseUrl: string): Promise<PagefindModule> {
  const moduleUrl = pathToFileURL(path.join(siteDir, "pagefind", "pagefind.js")).href;
  // A query string gives each site its own module instance, since pagefind.js keeps its state in the module.
  const pagefind = (await import(`${moduleUrl}?site=${encodeURIComponent(siteDir)}`)) as PagefindModule;
  // The same ranking as the search page, so that tests see what readers see.
  await pagefind.options({ basePath: `${baseUrl}/pagefind/`, baseUrl: "/", ranking: SEARCH_RANKING });
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
