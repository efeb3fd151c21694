/** @jsxRuntime automatic @jsxImportSource hastscript */
// The search page. Search runs in the browser on the Pagefind index, with Pagefind's Component UI and our own
// result template (src/site/client/search.ts). Without JavaScript the page says so and points to the full
// thread, so that nothing is out of reach.
import type { ElementContent } from "hast";
import { renderPage } from "../layout.tsx";
import type { SiteModel } from "../site-model.ts";

export function searchPage(model: SiteModel): string {
  const bundles = model.searchBundles();
  const pagefind = bundles.primary;
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
      <p className="search-help" id="search-help">
        Search the transcripts and the editorial notes. Press <kbd>/</kbd> to search from any page, <kbd>↓</kbd> to
        move into the results, and <kbd>Enter</kbd> to open one.
      </p>
      {/* The index holds each page's whole path, path prefix included (site/urls.ts): base-url "/" stops Pagefind
          from putting its bundle's parent folder, the prefix, in front of it a second time. */}
      <pagefind-config
        bundle-path={pagefind}
        base-url="/"
        highlight-param="pagefind-highlight"
        lang={model.edition.meta.language}
        data-merge-bundles={bundles.merge.length ? bundles.merge.join(" ") : undefined}
      />
      <div className="search-bar">
        <pagefind-input placeholder="Search messages, posts and notes" debounce="150" />
        <div className="search-sort">
          <label htmlFor="search-sort">Sort</label>
          <select id="search-sort" name="sort">
            <option value="">Best match</option>
            <option value="date:asc">Oldest first</option>
            <option value="date:desc">Newest first</option>
          </select>
        </div>
      </div>
      <div className="search-layout">
        <section className="search-results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          <pagefind-summary default-message="Type a few words you remember: a phrase, a name, a link." />
          <pagefind-results max-sub-results="5" />
        </section>
        <section className="search-filters" aria-labelledby="filters-heading">
          <h2 id="filters-heading">Filters</h2>
          <pagefind-filter-pane expanded="" />
        </section>
      </div>
    </div>
  ) as ElementContent;
  return renderPage(model, {
    title: "Search",
    path: model.urls.search(),
    current: "search",
    main,
    bodyClass: "page-search",
    head: [
      <link rel="stylesheet" href={`${pagefind}pagefind-component-ui.css`} />,
      <script src={`${pagefind}pagefind-component-ui.js`} defer="" />,
    ] as ElementContent[],
    scripts: ["search.js"],
  });
}
