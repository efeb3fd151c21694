// What a search is, as the URL carries it so that it can be shared, bookmarked and walked with back and forward:
// /search/?q=tax+returns&sender=WikiLeaks&month=2016-10&sort=date:asc.
import { FILTER_GROUPS } from "../search-schema.ts";

export type Sort = "" | "date:asc" | "date:desc";

export interface SearchState {
  term: string;
  /** Selected values by filter name, for the groups with any. */
  filters: Record<string, string[]>;
  sort: Sort;
}

const SORTS = new Set<string>(["date:asc", "date:desc"]);

export function stateFromUrl(url: URL): SearchState {
  const params = url.searchParams;
  const filters: Record<string, string[]> = {};
  for (const { name, param } of FILTER_GROUPS) {
    const values = [...new Set(params.getAll(param).filter(Boolean))];
    if (values.length) filters[name] = values;
  }
  const sort = params.get("sort") ?? "";
  return { term: (params.get("q") ?? "").trim(), filters, sort: (SORTS.has(sort) ? sort : "") as Sort };
}

export function urlForState(state: SearchState, pathname: string): string {
  const params = new URLSearchParams();
  if (state.term) params.set("q", state.term);
  for (const { name, param } of FILTER_GROUPS) for (const value of state.filters[name] ?? []) params.append(param, value);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ""}`;
}

export const hasFilters = (state: SearchState) => Object.values(state.filters).some((values) => values.length > 0);

/** Pagefind's filters: every group must match, and within a group any of its selected values. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(state.filters).filter(([, values]) => values.length).map(([name, values]) => [name, { any: values }]));
}
