/** @jsxRuntime automatic @jsxImportSource hastscript */
// The search page. Search runs in the browser on the edition's Pagefind bundles, through our own client
// (src/site/client/search.ts) on Pagefind's JS API: the page holds the search box, the sort, the filters (loaded
// when they are opened), the results and the live summary, and names the bundles in a JSON element. Without
// JavaScript the page says so and points to the full thread, so that nothing is out of reach.
import type { ElementContent } from "hast";
import { renderPage } from "../layout.tsx";
import { searchBundles } from "../search-bundles.ts";
import { HIGHLIGHT_PARAM, SEARCH_CONFIG_ID, type SearchConfig } from "../search-schema.ts";
import type { EditionModel } from "../site-model.ts";

/** JSON for a <script> element: "<" is escaped, so that no text in it can end the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function searchPage(model: EditionModel): string {
  const config: SearchConfig = {
    bundles: searchBundles(model),
    language: model.edition.meta.language.toLowerCase(),
    highlightParam: HIGHLIGHT_PARAM,
  };
  const main = (
    <div className="search-page">
      <h1>Search</h1>
      <noscript>
        <p className="notice">
          Search needs JavaScript, which is turned off or unavailable here. Every message, post and statement is
          listed in <a href={model.urls.home()}>the full thread</a>, in time order, and every note is linked from
          its message.
        </p>
      </noscript>
      <form className="search-form" role="search" action={model.urls.search()} method="get">
        <div className="search-box">
          <label htmlFor="search-input">Search the transcripts and the notes</label>
          <input
            id="search-input"
            type="search"
            name="q"
            autocomplete="off"
            spellcheck="false"
            enterkeyhint="search"
            aria-keyshortcuts="/"
            aria-describedby="search-help"
          />
        </div>
        <div className="search-sort">
          <label htmlFor="search-sort">Sort</label>
          <select id="search-sort" name="sort">
            <option value="">Best match</option>
            <option value="date:asc">Oldest first</option>
            <option value="date:desc">Newest first</option>
          </select>
        </div>
      </form>
      <p className="search-help" id="search-help">
        Type a phrase, a name or a link. Press <kbd>/</kbd> to search from any page, <kbd>↓</kbd> to move into the
        results, and <kbd>Enter</kbd> to open one.
      </p>
      <div className="search-layout">
        <details className="search-filters" id="search-filters" hidden="">
          <summary>Filters</summary>
          <div className="search-filter-groups" id="search-filter-groups" />
        </details>
        <section className="search-results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          <p className="search-summary" id="search-summary" role="status" aria-live="polite">
            Type a few words you remember: a phrase, a name, a link.
          </p>
          <ol className="search-result-list" id="search-result-list" />
          <p className="search-more-line">
            <button type="button" className="search-more" id="search-more" hidden="">
              Show more results
            </button>
          </p>
        </section>
      </div>
      <script type="application/json" id={SEARCH_CONFIG_ID}>
        {scriptJson(config)}
      </script>
    </div>
  ) as ElementContent;
  return renderPage(model, {
    title: "Search",
    path: model.urls.search(),
    current: "search",
    main,
    bodyClass: "page-search",
    siteSearch: false,
    scripts: ["search.js"],
  });
}
