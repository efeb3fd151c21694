// The search page. Search runs in the browser on the Pagefind index; without JavaScript the page says so and
// points to the full thread, so that nothing is out of reach.
import type { ElementContent } from "hast";
import { renderPage } from "../layout.tsx";
import type { SiteModel } from "../site-model.ts";

export function searchPage(model: SiteModel): string {
  const main = (
    <div className="search-page">
      <h1>Search</h1>
      <noscript>
        <p className="notice">
          Search needs JavaScript, which is turned off or unavailable. Every message is listed in{" "}
          <a href={model.urls.home()}>the full thread</a>, in time order.
        </p>
      </noscript>
      <div id="search" className="search" data-pagefind-ui="" />
    </div>
  ) as ElementContent;
  return renderPage(model, {
    title: "Search",
    current: "search",
    main,
    bodyClass: "page-search",
    head: [
      <link rel="stylesheet" href={`${model.urls.home()}pagefind/pagefind-ui.css`} />,
      <script src={`${model.urls.home()}pagefind/pagefind-ui.js`} defer="" />,
    ] as ElementContent[],
    scripts: ["search.js"],
  });
}
