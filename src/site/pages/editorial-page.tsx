// The layout for editorial pages (edition/pages/*.md): Eleventy renders their Markdown with our unified
// processor, and this wraps the result in the site's shell.
import type { ElementContent } from "hast";
import { sanitised } from "../html.ts";
import { renderPage } from "../layout.tsx";
import type { SiteModel } from "../site-model.ts";

export function editorialPage(model: SiteModel, page: { slug: string; title: string; description?: string; html: string }): string {
  const main = (
    <article className="editorial-page prose">
      <h1>{page.title}</h1>
      {sanitised(page.html)}
    </article>
  ) as ElementContent;
  return renderPage(model, {
    title: page.title,
    description: page.description,
    current: `page:${page.slug}`,
    main,
    bodyClass: `page-editorial page-${page.slug}`,
  });
}
