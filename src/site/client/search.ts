// The search page: the box, the sort, the filters and the results, on our Pagefind client (pagefind-engine.ts).
// The query, filters and sort live in the URL, so that a search can be shared, bookmarked, and walked with back and
// forward; the number of results is announced; ↓ moves from the box into the results and through them. Filters are
// loaded only when the reader opens them, or arrives with one in the URL.
import { SEARCH_CONFIG_ID, type SearchConfig } from "../search-schema.ts";
import { SearchEngine, type EngineResponse, type FilterCounts } from "./pagefind-engine.ts";
import { holdsTypedWords, matchTier, resultCard } from "./search-card.ts";
import { filterPanel, type FilterPanel } from "./search-filters.ts";
import { hasFilters, pagefindFilters, stateFromUrl, urlForState, type SearchState, type Sort } from "./search-state.ts";
import { searchTerms } from "./search-text.ts";

/** Results drawn at first (about a screen's worth: each one's text is a download), and at each "Show more". */
const FIRST_RESULTS = 6;
const MORE_RESULTS = 12;
const DEBOUNCE_MS = 150;
const DEFAULT_SUMMARY = "Type a few words you remember: a phrase, a name, a link.";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

function start(): void {
  const configElement = byId(SEARCH_CONFIG_ID);
  const input = byId<HTMLInputElement>("search-input");
  const sortSelect = byId<HTMLSelectElement>("search-sort");
  const list = byId<HTMLOListElement>("search-result-list");
  const summary = byId("search-summary");
  const more = byId<HTMLButtonElement>("search-more");
  const filtersBox = byId<HTMLDetailsElement>("search-filters");
  const filterGroups = byId("search-filter-groups");
  if (!configElement || !input || !sortSelect || !list || !summary || !more || !filtersBox || !filterGroups) return;
  const config = JSON.parse(configElement.textContent ?? "{}") as SearchConfig;
  const form = input.form;

  let engine: Promise<SearchEngine | undefined> | undefined;
  const openEngine = () =>
    (engine ??= SearchEngine.open(config).catch((error: unknown) => {
      console.warn(`Search could not start: ${String(error)}`);
      summary.textContent = "Search could not start here: its index did not load. Every message is listed in the thread.";
      return undefined;
    }));

  let state: SearchState = stateFromUrl(new URL(location.href));
  let searchId = 0;
  let shown: { response: EngineResponse; count: number; context: Parameters<typeof resultCard>[1] } | undefined;

  // Filters: the panel is drawn once they are loaded, and its counts follow each search.
  let panel: FilterPanel | undefined;
  let filtersLoading: Promise<void> | undefined;
  let lastCounts: FilterCounts | undefined;
  const loadFilters = () =>
    (filtersLoading ??= (async () => {
      filterGroups.textContent = "Loading the filters…";
      const opened = await openEngine();
      if (!opened) return;
      const totals = await opened.filters();
      panel = filterPanel(filterGroups, totals, config.language, (group, value, checked) => {
        const values = new Set(state.filters[group] ?? []);
        if (checked) values.add(value);
        else values.delete(value);
        state = { ...state, filters: { ...state.filters, [group]: [...values] } };
        void run({ record: "push" });
      });
      panel.update(totals, state.filters);
      // The counts among the current results: the search before had none, the filters not being loaded yet.
      if (state.term || hasFilters(state)) {
        const response = await opened.search(state.term || null, { filters: pagefindFilters(state) });
        lastCounts = response.filters;
        panel.update(lastCounts, state.filters);
      }
    })());

  const announce = (text: string) => {
    summary.textContent = text;
  };

  const drawMore = async (batch: number, reorder = false): Promise<void> => {
    if (!shown) return;
    const current = shown;
    const slice = current.response.results.slice(current.count, current.count + batch);
    current.count += slice.length;
    const loaded = (await Promise.all(slice.map((result) => result.data()))).map((data, i) => ({ data, language: slice[i]!.language }));
    if (shown !== current) return;
    // The first results, best match first: words as typed in a transcript before their relatives and before notes
    // (matchTier), then Pagefind's score.
    if (reorder) {
      const tiers = new Map(loaded.map((result) => [result, matchTier(result.data, current.context.terms)]));
      loaded.sort((a, b) => tiers.get(b)! - tiers.get(a)!);
    }
    list.append(...loaded.map(({ data, language }) => resultCard(data, { ...current.context, resultLanguage: language })));
    more.hidden = current.count >= current.response.results.length;
    more.textContent = `Show more results (${current.response.results.length - current.count} more)`;
  };

  const run = async (options: { record?: "push" | "replace" } = {}): Promise<void> => {
    const id = ++searchId;
    if (options.record) record(options.record);
    const { term } = state;
    if (!term && !hasFilters(state)) {
      shown = undefined;
      list.replaceChildren();
      more.hidden = true;
      announce(DEFAULT_SUMMARY);
      return;
    }
    const sort = state.sort ? (state.sort.split(":")[1] as "asc" | "desc") : undefined;
    const opened = await openEngine();
    if (!opened || id !== searchId) return;
    const response = await opened.search(term || null, { filters: pagefindFilters(state), sort });
    if (id !== searchId) return;
    // Results from the small indexes of messages in other languages are checked against the words typed
    // (holdsTypedWords); Pagefind's counts of the filters still include any dropped.
    const terms = searchTerms(term);
    const others = term ? response.results.filter((result) => result.language !== config.language) : [];
    if (others.length) {
      const dropped = new Set<unknown>();
      await Promise.all(others.map(async (result) => holdsTypedWords(await result.data(), terms, result.language) || dropped.add(result)));
      if (id !== searchId) return;
      response.results = response.results.filter((result) => !dropped.has(result));
    }
    const count = response.results.length;
    const noteKinds = state.filters["Note kind"] ?? [];
    shown = {
      response,
      count: 0,
      context: { terms, highlightParam: config.highlightParam, pageLanguage: config.language, resultLanguage: config.language, noteKinds },
    };
    list.replaceChildren();
    more.hidden = true;
    const what = `${count.toLocaleString("en")} result${count === 1 ? "" : "s"}`;
    announce(term ? `${what} for ${term}` : what);
    if (panel) {
      lastCounts = response.filters;
      panel.update(response.filters, state.filters);
    }
    await drawMore(FIRST_RESULTS, !sort);
  };

  // Typing replaces the current history entry; a pause, a filter or a new sort makes a new one, so that back steps
  // through searches rather than keystrokes.
  let lastPush = 0;
  const record = (kind: "push" | "replace"): void => {
    const url = urlForState(state, location.pathname);
    if (url === `${location.pathname}${location.search}`) return;
    const now = Date.now();
    if (kind === "push" || now - lastPush > 1500) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    lastPush = now;
  };

  const showState = (): void => {
    if (input.value.trim() !== state.term) input.value = state.term;
    sortSelect.value = state.sort;
    if (hasFilters(state)) {
      filtersBox.open = true;
      void loadFilters();
    }
    panel?.update(lastCounts ?? {}, state.filters);
  };

  let debounce: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(debounce);
    const term = input.value.trim();
    debounce = setTimeout(() => {
      if (term === state.term) return;
      state = { ...state, term };
      void run({ record: "replace" });
    }, DEBOUNCE_MS);
  });
  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounce);
    state = { ...state, term: input.value.trim() };
    void run({ record: "push" });
  });
  sortSelect.addEventListener("change", () => {
    state = { ...state, sort: sortSelect.value as Sort };
    void run({ record: "push" });
  });
  more.addEventListener("click", () => void drawMore(MORE_RESULTS));
  filtersBox.hidden = false;
  filtersBox.addEventListener("toggle", () => {
    if (filtersBox.open) void loadFilters();
  });
  window.addEventListener("popstate", () => {
    state = stateFromUrl(new URL(location.href));
    showState();
    void run();
  });

  // ↓ from the box goes to the first result, and so does ↓ when nothing has the focus, as on arriving from the
  // header's search box (the page does not take the focus itself: on a phone that would open the keyboard over the
  // results); ↓ and ↑ walk the results' links; ↑ from the first goes back to the box.
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>("a[href]")];
  document.addEventListener("keydown", (event) => {
    const active = document.activeElement;
    if (event.key !== "ArrowDown" || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (active && active !== document.body && active !== document.documentElement && active.id !== "main") return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" || event.altKey || event.ctrlKey || event.metaKey) return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  list.addEventListener("keydown", (event) => {
    if ((event.key !== "ArrowDown" && event.key !== "ArrowUp") || event.altKey || event.ctrlKey || event.metaKey) return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === "ArrowDown" ? all[at + 1] : all[at - 1];
    if (next) next.focus();
    else if (event.key === "ArrowUp") input.focus();
  });

  // Arriving with a search (a shared link, a bookmark, the header's search box on another page) runs it; arriving
  // without one starts Pagefind for the first words.
  showState();
  if (state.term || hasFilters(state)) void run();
  else void openEngine();
}

start();
export {};
