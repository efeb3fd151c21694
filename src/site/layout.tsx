/** @jsxRuntime automatic @jsxImportSource hastscript */
// The page shell every page shares: head with metadata and a strict Content-Security-Policy, site header with
// navigation and a search box, and a footer with the edition's licence and version.
import type { Element, ElementContent, RootContent } from "hast";
import { editorAnchor } from "../cite/exports.ts";
import { documentToString } from "./html.ts";
import type { SiteModel } from "./site-model.ts";

export type NavKey = "thread" | "conversation" | "people" | "sources" | "search" | `page:${string}`;

export interface PageOptions {
  title: string;
  description?: string;
  current?: NavKey;
  /** Extra elements for <head>: meta tags, JSON-LD. */
  head?: ElementContent[];
  /**
   * Scripts beyond the site-wide one, by asset name; a render-blocking one (blocking="render") runs before the page
   * is first painted, for what would otherwise move under the reader's eyes (the message page's sidenotes).
   */
  scripts?: Array<string | { name: string; blocking: "render" }>;
  bodyClass?: string;
  main: ElementContent | ElementContent[];
  /** The page's own path (from SiteUrls), for its canonical address and share cards. */
  path?: string;
  /** What a share card calls the page: a message is an article, the rest of the site a website. */
  shareType?: "website" | "article";
  /** The header's search box; the search page has its own, and one box is enough. */
  siteSearch?: boolean;
}

/** The page's canonical address and Open Graph / Twitter card tags, with the edition's share picture if it has one. */
function shareTags(model: SiteModel, options: PageOptions): ElementContent[] {
  const { meta, previewImage } = model.edition;
  const { urls } = model;
  const tags: ElementContent[] = [];
  const property = (name: string, content: string) => tags.push(<meta property={name} content={content} /> as ElementContent);
  if (options.path) {
    tags.push(<link rel="canonical" href={urls.absolute(options.path)} /> as ElementContent);
    property("og:url", urls.absolute(options.path));
  }
  property("og:type", options.shareType ?? "website");
  property("og:site_name", meta.title);
  property("og:title", options.title);
  property("og:description", options.description ?? meta.description);
  if (previewImage) {
    property("og:image", urls.absolute(urls.asset(PREVIEW_IMAGE)));
    property("og:image:type", "image/png");
    property("og:image:width", String(previewImage.width));
    property("og:image:height", String(previewImage.height));
    property("og:image:alt", previewImage.alt);
  }
  tags.push(<meta name="twitter:card" content={previewImage ? "summary_large_image" : "summary"} /> as ElementContent);
  if (previewImage) tags.push(<meta name="twitter:image:alt" content={previewImage.alt} /> as ElementContent);
  return tags;
}

/** Where the build puts the edition's share picture, under assets/. */
export const PREVIEW_IMAGE = "preview.png";

// Inline script and style are forbidden: our own JS and CSS live in files. Pagefind needs WebAssembly.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // data: for the icons in Pagefind's stylesheet; an image cannot run script.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export function renderPage(model: SiteModel, options: PageOptions): string {
  const { meta } = model.edition;
  const { urls } = model;
  const navItems: Array<{ key: NavKey; href: string; label: string }> = [
    { key: "thread", href: urls.home(), label: "Thread" },
    { key: "conversation", href: urls.conversation(), label: "Conversation" },
    ...model.edition.pages
      .filter((page) => page.nav_order !== undefined)
      .map((page) => ({ key: `page:${page.slug}` as NavKey, href: urls.page(page.slug), label: page.nav_title ?? page.title })),
    { key: "people", href: urls.people(), label: "People" },
    { key: "sources", href: urls.sources(), label: "Sources" },
    { key: "search", href: urls.search(), label: "Search" },
  ];
  const fullTitle = options.title === meta.title ? meta.title : `${options.title} · ${meta.title}`;
  const tree: RootContent = (
    <html lang={meta.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta http-equiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <title>{fullTitle}</title>
        <meta name="description" content={options.description ?? meta.description} />
        {shareTags(model, options)}
        <link rel="icon" href={urls.asset("favicon.svg")} type="image/svg+xml" />
        <link rel="stylesheet" href={urls.asset("edition.css")} />
        {options.head ?? []}
        <script type="module" src={urls.asset("site.js")} />
        {(options.scripts ?? []).map((script) =>
          typeof script === "string" ? (
            <script type="module" src={urls.asset(script)} />
          ) : (
            <script type="module" src={urls.asset(script.name)} blocking={script.blocking} />
          ),
        )}
      </head>
      <body className={options.bodyClass}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header" data-pagefind-ignore="all">
          <div className="site-header-inner">
            <a className="site-title" href={urls.home()}>
              {meta.title}
            </a>
            <nav className="site-nav" aria-label="Site">
              <ul>
                {navItems.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.key === options.current ? "page" : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {options.siteSearch === false ? (
              []
            ) : (
              <form className="site-search" role="search" action={urls.search()} method="get">
                <label htmlFor="site-search-input" className="visually-hidden">
                  Search the edition
                </label>
                <input
                  id="site-search-input"
                  type="search"
                  name="q"
                  placeholder="Search the edition"
                  autocomplete="off"
                  aria-keyshortcuts="/"
                />
                <button type="submit">Search</button>
              </form>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {options.main}
        </main>
        <footer className="site-footer" data-pagefind-ignore="all">
          <p>
            {meta.title}, version {meta.version}. Edited by{" "}
            {/* Each editor's name carries the id that the Web Annotation export names them by (cite/exports.ts). */}
            {meta.editors.flatMap((editor, i) => [
              ...(i ? [", "] : []),
              <span id={editorAnchor(editor.name)}>{editor.name}</span>,
            ])}
            .{" "}
            {meta.license_url ? <a href={meta.license_url}>{meta.license}</a> : meta.license}.
          </p>
        </footer>
      </body>
    </html>
  ) as Element;
  return documentToString(tree);
}
