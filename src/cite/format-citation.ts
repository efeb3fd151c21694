// Formats one CSL-JSON item from csl-items.ts as Chicago (full note), MLA 9 (works-cited entry), APA 7 (reference),
// BibTeX, RIS or CSL-JSON, with citation-js and citeproc. Runs in Node and, bundled by esbuild, in the browser's
// "cite this" panel, so it imports no Node built-ins; the styles come in as string constants from csl/styles.ts.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import type { CslItem } from "./csl-items.ts";
import { CHICAGO_NOTES_CSL, MLA_CSL } from "./csl/styles.ts";

export type CitationFormat = "chicago" | "mla" | "apa" | "bibtex" | "ris" | "csl-json";

export const CITATION_FORMATS: readonly CitationFormat[] = ["chicago", "mla", "apa", "bibtex", "ris", "csl-json"];

/** The names our styles are registered under with @citation-js/plugin-csl; "apa" is the template it bundles. */
export const CSL_STYLE_NAMES = {
  chicago: "annotated-edition-chicago-notes",
  mla: "annotated-edition-mla",
  apa: "apa",
} as const;

const LOCALE = "en-US";

const csl = plugins.config.get("@csl");
// Registering twice is harmless (the same XML under the same name) and keeps a hot-reloaded module working.
csl.styles.add(CSL_STYLE_NAMES.chicago, CHICAGO_NOTES_CSL);
csl.styles.add(CSL_STYLE_NAMES.mla, MLA_CSL);

/** The citation as plain text, ready to paste. */
export function formatCitation(item: CslItem, format: CitationFormat): string {
  switch (format) {
    case "chicago":
    case "mla":
    case "apa":
      return formatWithStyle(item, format, "text");
    case "bibtex":
      return plugins.output.format("bibtex", [record(item)], { format: "text" }).trim();
    case "ris":
      return formatRis(item);
    case "csl-json":
      return plugins.output.format("data", [record(item)], { format: "text" }).trim();
  }
}

/**
 * The citation as an HTML fragment: a `div.csl-entry` with citeproc's markup (italics, linked URL) for the three
 * styles, the escaped export in a `pre` for the others.
 */
export function formatCitationHtml(item: CslItem, format: CitationFormat): string {
  switch (format) {
    case "chicago":
    case "mla":
    case "apa":
      return formatWithStyle(item, format, "html");
    default:
      return `<pre class="citation-export">${escapeHtml(formatCitation(item, format))}</pre>`;
  }
}

function formatWithStyle(item: CslItem, format: keyof typeof CSL_STYLE_NAMES, output: "text" | "html"): string {
  // plugin-csl keeps one citeproc engine per style and locale: this call reuses it, points it at this one item
  // and clears what it registered before, so that no earlier citation can change this one (no "ibid.", no
  // year suffix).
  const engine = csl.engine([record(item)], CSL_STYLE_NAMES[format], LOCALE, output);
  engine.opt.development_extensions.wrap_url_and_doi = output === "html";
  if (format === "apa") {
    // APA's reference-list entry is the bibliography layout; the bundled template's citation is "(Author, Year)".
    engine.updateItems([item.id]);
    const bibliography = engine.makeBibliography();
    const entry = bibliography ? bibliography[1][0] : undefined;
    if (entry === undefined) throw new Error(`citeproc produced no APA entry for ${item.id}`);
    return entry.trim();
  }
  // The citation layout of our Chicago style is the full note; that of our MLA style, the works-cited entry. A
  // citation cluster costs a fraction of a bibliography, and takes the line as the cite's locator.
  const cite: { id: string; locator?: string; label?: string } = { id: item.id };
  if (item.locator !== undefined) {
    cite.locator = item.locator;
    cite.label = item.label ?? "line";
  }
  const citation = engine.makeCitationCluster([cite]);
  return output === "html" ? `<div class="csl-entry">${citation}</div>` : citation;
}

/** RIS from citation-js's mapping, one tag per line: citation-js wraps values at 70 characters, which cuts URLs. */
function formatRis(item: CslItem): string {
  const [entry] = plugins.output.format("ris", [record(item)], { format: "object" });
  if (!entry) throw new Error(`citation-js produced no RIS entry for ${item.id}`);
  const lines = [`TY  - ${String(entry.TY)}`];
  for (const [tag, value] of Object.entries(entry)) {
    if (tag === "TY") continue;
    for (const single of ([] as string[]).concat(value)) lines.push(`${tag}  - ${single}`);
  }
  lines.push("ER  - ");
  return lines.join("\n");
}

/** The bibliographic record: the item without the cite's locator, which belongs to a citation, not to a work. */
function record(item: CslItem): Omit<CslItem, "locator" | "label"> {
  const { locator: _locator, label: _label, ...rest } = item;
  return rest;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
