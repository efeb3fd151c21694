// The search page, on Pagefind's Component UI: our result template (a line of a message with who, to whom, when
// and the line number; or a note with the message it annotates), sorting by date, and the query, filters and
// sort kept in the URL so that a search can be shared, bookmarked, and walked with back and forward.
import { orderSubResults, SEARCH_RANKING } from "./search-ranking.ts";

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: Array<{ balanced_score: number }>;
}

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: SubResult[];
}

interface Instance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, string>;
  on(event: "search", callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: "results", callback: (results: { results: unknown[] }) => void): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}

declare global {
  interface Window {
    PagefindComponents?: {
      getInstanceManager(): { getInstance(name?: string): Instance };
      configureInstance(name: string, options: Record<string, unknown>): Instance;
    };
  }
}

/** Filter names on the page (as indexed) and in the URL. */
const FILTER_PARAMS: Record<string, string> = {
  Kind: "kind",
  Sender: "sender",
  Recipient: "recipient",
  Year: "year",
  Month: "month",
  "Note kind": "note-kind",
};
const SORTS = new Set(["date:asc", "date:desc"]);

interface SearchState {
  term: string;
  filters: Record<string, string[]>;
  sort: string;
}

function stateFromUrl(url: URL): SearchState {
  const params = url.searchParams;
  const filters: Record<string, string[]> = {};
  for (const [filter, param] of Object.entries(FILTER_PARAMS)) {
    const values = params.getAll(param).filter(Boolean);
    if (values.length) filters[filter] = values;
  }
  const sort = params.get("sort") ?? "";
  return { term: params.get("q") ?? "", filters, sort: SORTS.has(sort) ? sort : "" };
}

function urlForState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.term) params.set("q", state.term);
  for (const [filter, param] of Object.entries(FILTER_PARAMS))
    for (const value of state.filters[filter] ?? []) params.append(param, value);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpts are HTML with <mark> around the matched words. The text came from the edition's
 * content, which is untrusted: keep only the text and the marks, parsed in an inert document.
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html").body;
  const nodes: Node[] = [];
  for (const child of parsed.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE && (child as Element).tagName === "MARK") nodes.push(element("mark", "", child.textContent ?? ""));
    else nodes.push(document.createTextNode(child.textContent ?? ""));
  }
  return nodes;
}

function renderResult(data: ResultData): HTMLElement {
  const { meta } = data;
  const isNote = meta.type === "note";
  const item = element("li", `result ${isNote ? "result-note" : "result-message"}`);
  const card = element("article", "result-card");
  item.append(card);

  const kind = element("p", "result-kind");
  kind.append(element("span", "result-kind-label", isNote ? `Editorial note · ${meta.noteKind ?? ""}` : meta.kind ?? "Message"));
  if (meta.date) kind.append(element("span", "result-date", meta.date));
  card.append(kind);

  const heading = element("h3", "result-title");
  const link = element("a", "result-link", (isNote ? meta.heading : meta.title) ?? data.url);
  link.href = data.url;
  heading.append(link);
  card.append(heading);

  if (isNote) {
    if (meta.target) {
      const on = element("p", "result-target", "On ");
      const target = element("a", "", meta.target);
      target.href = meta.targetUrl ?? data.url;
      on.append(target);
      card.append(on);
    }
    const excerpt = element("p", "result-excerpt");
    // Each excerpt takes its own writing direction, as the lines do on the page (render/rehype-line-direction.ts).
    excerpt.dir = "auto";
    excerpt.append(...excerptNodes(data.excerpt));
    card.append(excerpt);
    return item;
  }

  const who = element("p", "result-who", [meta.from, meta.to].filter(Boolean).join(" → "));
  card.append(who);
  const lines = orderSubResults(data.sub_results.filter((sub) => sub.url.includes("#L"))).slice(0, 5);
  const list = element("ol", "result-lines");
  for (const sub of lines.length ? lines : data.sub_results.slice(0, 1)) {
    const line = element("li", "result-line");
    const anchor = element("a", "result-line-link");
    anchor.href = sub.url;
    anchor.append(element("span", "result-line-number", sub.title));
    const text = element("span", "result-line-text");
    text.dir = "auto";
    text.append(...excerptNodes(sub.excerpt));
    anchor.append(text);
    line.append(anchor);
    list.append(line);
  }
  card.append(list);
  return item;
}

function start(): void {
  const components = window.PagefindComponents;
  if (!components) return;
  // A sharded edition has one bundle per shard: the others are merged into the first, so one search spans them.
  // Each merged bundle is searched by its own Pagefind instance, which takes none of the first one's options.
  const config = document.querySelector("pagefind-config");
  const merge = config?.getAttribute("data-merge-bundles")?.split(" ").filter(Boolean) ?? [];
  const highlightParam = config?.getAttribute("highlight-param") ?? undefined;
  const instance = components.configureInstance("default", {
    ranking: SEARCH_RANKING,
    // baseUrl "/" as on <pagefind-config>: the indexed URLs already carry the site's path prefix.
    mergeIndex: merge.map((bundlePath) => ({ bundlePath, baseUrl: "/", ranking: SEARCH_RANKING, highlightParam })),
  });
  const results = document.querySelector<HTMLElement & { resultTemplate?: (data: ResultData) => HTMLElement }>("pagefind-results");
  if (results) results.resultTemplate = renderResult;

  const sortSelect = document.querySelector<HTMLSelectElement>("#search-sort");
  let applying = false;
  let lastPush = 0;

  const apply = (state: SearchState) => {
    applying = true;
    instance.searchSort = state.sort ? { [state.sort.split(":")[0]!]: state.sort.split(":")[1]! } : {};
    if (sortSelect) sortSelect.value = state.sort;
    instance.triggerSearchWithFilters(state.term, state.filters);
    const input = document.querySelector<HTMLInputElement>("pagefind-input input");
    if (input && input.value !== state.term) input.value = state.term;
    applying = false;
  };

  const current = (): SearchState => ({
    term: instance.searchTerm ?? "",
    filters: Object.fromEntries(Object.entries(instance.searchFilters ?? {}).filter(([, values]) => values.length)),
    sort: sortSelect?.value ?? "",
  });

  // Typing replaces the current history entry; a pause, a filter or a new sort makes a new one, so that back
  // steps through searches rather than keystrokes.
  const record = (forceNewEntry: boolean) => {
    if (applying) return;
    const url = urlForState(current());
    if (url === `${location.pathname}${location.search}`) return;
    const now = Date.now();
    if (forceNewEntry || now - lastPush > 1500) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    lastPush = now;
  };

  let previousFilters = "";
  instance.on("search", (_term, filters) => {
    const filtersNow = JSON.stringify(filters ?? {});
    record(filtersNow !== previousFilters);
    previousFilters = filtersNow;
  });
  sortSelect?.addEventListener("change", () => {
    const state = current();
    instance.searchSort = state.sort ? { [state.sort.split(":")[0]!]: state.sort.split(":")[1]! } : {};
    instance.triggerSearchWithFilters(state.term, state.filters);
    record(true);
  });
  window.addEventListener("popstate", () => apply(stateFromUrl(new URL(location.href))));

  // Arriving with a search in the URL (shared link, bookmark, the header's search box) runs it; arriving without
  // one leaves the box to the reader, who may already be typing.
  const initial = stateFromUrl(new URL(location.href));
  previousFilters = JSON.stringify(initial.filters);
  if (initial.term || initial.sort || Object.keys(initial.filters).length) apply(initial);
}

start();
export {};
