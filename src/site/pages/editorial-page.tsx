/** @jsxRuntime automatic @jsxImportSource hastscript */
// The layout for editorial pages (edition/pages/*.md): Eleventy renders their Markdown with our unified
// processor, and this wraps the result in the site's shell. A page with `show_exports: true` (the method page)
// ends with the list of the edition's exports and its changelog.
import type { ElementContent } from "hast";
import { ANNOTATIONS_EXPORT, CSL_EXPORT, MESSAGES_EXPORT, TRANSCRIPT_EXPORT } from "../../cite/exports.ts";
import { sanitised } from "../html.ts";
import { renderPage } from "../layout.tsx";
import type { SiteModel } from "../site-model.ts";

function exportsSection(model: SiteModel): ElementContent {
  const { urls } = model;
  const item = (name: string, label: string, description: string) => (
    <li>
      <a href={urls.exportFile(name)}>{label}</a>
      {` (${name}): ${description}`}
    </li>
  );
  return (
    <section className="exports" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Exports and versions</h2>
      <ul>
        {item(ANNOTATIONS_EXPORT, "Editorial notes as W3C Web Annotations", "JSON-LD; each note's target is its message page, located by a TextQuoteSelector and a TextPositionSelector over the transcript's lines joined by line breaks")}
        {item(MESSAGES_EXPORT, "Messages as JSON", "every message with its metadata, sources, numbered lines and notes")}
        {item(CSL_EXPORT, "The edition as CSL-JSON", "every message and note, for reference managers and citeproc")}
        {item(TRANSCRIPT_EXPORT, "Plain-text transcript", "the whole correspondence with line numbers")}
        <li>
          <a href={urls.changelog()}>Changelog</a>
          {`: what each version changed (this is version ${model.edition.meta.version})`}
        </li>
      </ul>
    </section>
  ) as ElementContent;
}

export function editorialPage(
  model: SiteModel,
  page: { slug: string; title: string; description?: string; html: string; showExports?: boolean },
): string {
  const main = (
    <article className="editorial-page prose">
      <h1>{page.title}</h1>
      {sanitised(page.html)}
      {page.showExports ? exportsSection(model) : []}
    </article>
  ) as ElementContent;
  return renderPage(model, {
    title: page.title,
    description: page.description,
    current: `page:${page.slug}`,
    path: model.urls.page(page.slug),
    main,
    bodyClass: `page-editorial page-${page.slug}`,
  });
}
