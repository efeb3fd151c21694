// The edition's search on Pagefind's JS API (pagefind.js, 1.6): every bundle of the edition, and every language each
// bundle has an index for, searched as one.
//
// - Pagefind merges bundles with mergeIndex: the merged indexes share the first one's WebAssembly, downloaded once.
//   (createInstance per bundle would download it once per bundle.)
// - The WebAssembly carries one language's stemmer, and a page holds one copy of it per JavaScript module instance
//   of pagefind.js. Languages with a stemmer of their own other than the main one (Greek and Arabic in an English
//   edition) get a module instance of their own (pagefind.js?realm=el), with their own WebAssembly; languages
//   without a stemmer (Japanese, Hebrew) are searched beside the edition's.
// - Pagefind runs on the page's thread (noWorker), not in its worker: the worker is 12 kB more, and on the page's
//   thread the metadata Pagefind downloads can be read to put results in date order (pagefind-pages.ts).
import type { SearchBundle, SearchConfig } from "../search-schema.ts";
import { PagePlaces } from "./pagefind-pages.ts";
import { SEARCH_RANKING } from "./search-ranking.ts";

export interface SubResultData {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text?: string; location: number };
  locations: number[];
  weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
}

export interface ResultData {
  url: string;
  content: string;
  raw_content?: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  anchors: Array<{ element: string; id: string; text?: string; title?: string; location: number }>;
  locations: number[];
  sub_results: SubResultData[];
}

export type FilterCounts = Record<string, Record<string, number>>;
export type Filters = Record<string, string | { any: string[] }>;

export interface EngineResult {
  id: string;
  score: number;
  /** The language of the index the result came from, as Pagefind names it (the start of its id). */
  language: string;
  data(): Promise<ResultData>;
}

export interface EngineResponse {
  results: EngineResult[];
  /** Counts of each filter value among the results. */
  filters: FilterCounts;
  /** Counts among the results before filtering. */
  totalFilters: FilterCounts;
}

interface PagefindInstance {
  search(term: string | null, options?: { filters?: Filters }): Promise<{
    results: Array<{ id: string; score: number; data(): Promise<ResultData> }>;
    filters: FilterCounts;
    totalFilters: FilterCounts;
  }>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** Languages Pagefind's WebAssembly can stem (its features, pagefind_web/Cargo.toml, 1.6). */
const STEMMED = new Set(
  "ar hy eu ca da nl en fi fr de el hi hu id ga it lt nb ne nn no pt ro ru sr es sv ta tr eo et pl yi".split(" "),
);
const primarySubtag = (language: string) => language.split("-")[0]!;

/** Which module instance of pagefind.js searches a language: its own if it has a stemmer other than the main one. */
function realmOf(language: string, main: string): string {
  const subtag = primarySubtag(language);
  return STEMMED.has(subtag) && subtag !== primarySubtag(main) ? subtag : "";
}

function mergeCounts(target: FilterCounts, source: FilterCounts): FilterCounts {
  for (const [filter, values] of Object.entries(source ?? {})) {
    const counts = (target[filter] ??= {});
    for (const [value, count] of Object.entries(values)) counts[value] = (counts[value] ?? 0) + count;
  }
  return target;
}

/**
 * Pagefind takes an instance's language from the page's <html lang> as the instance is created, whatever its
 * options say; an instance for another language's index is created with the page's lang set to it for that moment.
 */
function createInLanguage(pagefind: PagefindModule, language: string, options: Record<string, unknown>): PagefindInstance {
  const html = document.documentElement;
  const pageLanguage = html.getAttribute("lang");
  if (pageLanguage?.toLowerCase() === language) return pagefind.createInstance(options);
  html.setAttribute("lang", language);
  try {
    return pagefind.createInstance(options);
  } finally {
    if (pageLanguage === null) html.removeAttribute("lang");
    else html.setAttribute("lang", pageLanguage);
  }
}

export class SearchEngine {
  readonly #instances: PagefindInstance[];
  readonly #places: PagePlaces;

  private constructor(instances: PagefindInstance[], places: PagePlaces) {
    this.#instances = instances;
    this.#places = places;
  }

  /** Starts Pagefind on every bundle and language of `config`; resolves once every index is ready to search. */
  static async open(config: SearchConfig): Promise<SearchEngine> {
    const places = new PagePlaces(config.bundles);
    places.watch(window);
    const absolute = (path: string) => new URL(path, location.href).href;
    const realms = new Map<string, Array<{ bundle: SearchBundle; language: string }>>();
    for (const bundle of config.bundles)
      for (const language of Object.keys(bundle.languages)) {
        const realm = realmOf(language, config.language);
        realms.set(realm, [...(realms.get(realm) ?? []), { bundle, language }]);
      }
    // Each module instance loads the WebAssembly of its first index: the main one's must carry the edition's
    // stemmer, the others their language's.
    for (const [realm, indexes] of realms) {
      const own = (language: string) => primarySubtag(language) === (realm || primarySubtag(config.language));
      realms.set(realm, [...indexes.filter(({ language }) => own(language)), ...indexes.filter(({ language }) => !own(language))]);
    }
    const script = `${config.bundles[0]!.path}pagefind.js`;
    const options = { baseUrl: "/", ranking: SEARCH_RANKING, excerptLength: 30 };
    const instances = await Promise.all(
      [...realms].map(async ([realm, indexes]) => {
        // A query string makes another module instance, with its own WebAssembly.
        const pagefind = (await import(/* @vite-ignore */ realm ? `${script}?realm=${realm}` : script)) as PagefindModule;
        const [first, ...rest] = indexes;
        const instance = createInLanguage(pagefind, first!.language, { ...options, basePath: first!.bundle.path, noWorker: true });
        // Absolute addresses: Pagefind skips a merge whose address starts its primary's, as the same bundle in
        // another language does.
        await Promise.all(rest.map(({ bundle, language }) => instance.mergeIndex(absolute(bundle.path), { ...options, language })));
        return instance;
      }),
    );
    return new SearchEngine(instances, places);
  }

  /**
   * Searches every index. Best match is Pagefind's score, merged across instances as Pagefind merges bundles;
   * by date, results are put in reading order (or its reverse).
   */
  async search(term: string | null, options: { filters?: Filters; sort?: "asc" | "desc" } = {}): Promise<EngineResponse> {
    const responses = await Promise.all(this.#instances.map((instance) => instance.search(term, { filters: options.filters ?? {} })));
    const results: EngineResult[] = responses
      .flatMap((response) => response.results)
      .map((result) => ({ id: result.id, score: result.score, language: result.id.slice(0, result.id.lastIndexOf("_")), data: result.data }));
    if (options.sort) {
      await this.#places.ready();
      const direction = options.sort === "desc" ? -1 : 1;
      results.sort((a, b) => this.#places.compare(a.id, b.id, direction));
    } else if (this.#instances.length > 1) results.sort((a, b) => b.score - a.score);
    return {
      results,
      filters: responses.reduce((counts, response) => mergeCounts(counts, response.filters), {} as FilterCounts),
      totalFilters: responses.reduce((counts, response) => mergeCounts(counts, response.totalFilters), {} as FilterCounts),
    };
  }

  /** Every filter's values with their counts in the whole edition; loads the filter indexes of every bundle. */
  async filters(): Promise<FilterCounts> {
    const all = await Promise.all(this.#instances.map((instance) => instance.filters()));
    return all.reduce((counts, each) => mergeCounts(counts, each), {} as FilterCounts);
  }
}
