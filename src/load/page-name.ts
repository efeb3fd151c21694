// An editorial page's file name is its address (edition/pages/method.md is published at /method/), so it must be
// one: lowercase letters, digits and hyphens, and not the name of a page the site writes itself. Otherwise
// Eleventy stopped with a stack trace about two files writing /people/, or published a page at an address with
// spaces and percent signs.
import type { VFile } from "vfile";
import { report } from "./diagnostics.ts";
import { idSchema } from "./schema.ts";
import { slugify } from "./slug.ts";

/** The first segments of the paths the site writes (site/urls.ts, Pagefind's bundles), which no page may take. */
export const SITE_PATHS: readonly string[] = ["thread", "conversation", "messages", "people", "sources", "search", "changelog", "exports", "assets", "pagefind"];

/** Reports why `slug` (a page's file name without .md) cannot be its address; true when it can. */
export function checkPageName(file: VFile, slug: string, taken: ReadonlySet<string>): boolean {
  const problem = (message: string, hint: string) => {
    report(file, message, { ruleId: "page-name", place: { line: 1, column: 1 }, hint });
    return false;
  };
  const suggestion = slugify(slug) || "about";
  if (!idSchema.safeParse(slug).success)
    return problem(`The page's file name "${slug}.md" cannot be its address (/${slug}/)`, `Name it with lowercase letters, digits and hyphens, e.g. ${suggestion}.md.`);
  if (SITE_PATHS.includes(slug) || slug.startsWith("pagefind"))
    return problem(`The page's file name "${slug}.md" is taken by the site's own /${slug}/ page`, `Give it another name, e.g. about-${slug}.md.`);
  if (taken.has(slug)) return problem(`Another page in edition/pages/ is also called "${slug}.md"`, "Give each page its own file name: it is the page's address.");
  return true;
}
