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
      return formatBibtex(item);
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
  const engine = csl.engine([styled(record(item))], CSL_STYLE_NAMES[format], LOCALE, output);
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

/**
 * What the three styles print of a record. A publisher who is also the editor is named once: MLA 9 leaves out the
 * publisher of "a work published by its author or editor", APA 7 the publisher who is the author, and Chicago
 * repeats no name for nothing ("ed. The team, version 1.0.0, The team"). The record itself keeps the publisher:
 * the exports and reference managers store it.
 */
function styled<T extends Omit<CslItem, "locator" | "label">>(item: T): T {
  const editors = (item.editor ?? []).map((name) => name.literal ?? [name.given, name.family].filter(Boolean).join(" "));
  if (!item.publisher || !editors.includes(item.publisher)) return item;
  const { publisher: _publisher, ...rest } = item;
  return rest as T;
}

/** "Lines 2–4" or "Line 3": the cited lines, for the formats that have no locator. */
function linesNote(item: CslItem): string | undefined {
  if (item.locator === undefined) return undefined;
  return item.locator.includes("-") ? `Lines ${item.locator.replace("-", "–")}` : `Line ${item.locator}`;
}

/** The notes of an exported record: the cited lines, then the item's own note (the attesting reports). */
function exportNotes(item: CslItem): string[] {
  return [linesNote(item), item.note].filter((note): note is string => Boolean(note));
}

/** "The team" or "Quill, Ada": an editor as RIS and BibTeX write names. */
function invertedName(name: NonNullable<CslItem["editor"]>[number]): string {
  return name.literal ?? [name.family, name.given].filter(Boolean).join(", ");
}

/**
 * RIS from citation-js's mapping, one tag per line (citation-js wraps values at 70 characters, which cuts URLs),
 * completed with what its mapping leaves out of a message: the edition (T2, its editors as ED, its version as ET),
 * and the cited lines and attesting reports as notes (N1). Dates are zero-padded (YYYY/MM/DD/), as the RIS
 * specification writes them.
 */
function formatRis(item: CslItem): string {
  const [entry] = plugins.output.format("ris", [record(item)], { format: "object" });
  if (!entry) throw new Error(`citation-js produced no RIS entry for ${item.id}`);
  const tags = new Map<string, string[]>();
  for (const [tag, value] of Object.entries(entry)) tags.set(tag, ([] as string[]).concat(value as string | string[]).map(String));
  const date = item.issued?.["date-parts"][0];
  if (date) tags.set("DA", [`${date[0]}/${pad(date[1])}/${pad(date[2])}/`]);
  if (item["container-title"] && !tags.has("T2")) tags.set("T2", [item["container-title"]]);
  // A chapter's editors are its A2 already; a message's A2 is its recipient, so the edition's editors are ED.
  if (item.editor?.length && item.type !== "chapter" && !tags.has("ED")) tags.set("ED", item.editor.map(invertedName));
  if (item.version && !tags.has("ET")) tags.set("ET", [item.version]);
  // citation-js's N1 is the note as it stands; ours gives the lines too, one note per line.
  tags.set("N1", exportNotes(item));
  const lines = [`TY  - ${tags.get("TY")?.[0] ?? "GEN"}`];
  for (const [tag, values] of tags) {
    if (tag === "TY") continue;
    for (const value of values) lines.push(`${tag}  - ${value.replace(/\s*\n\s*/g, " ")}`);
  }
  lines.push("ER  - ");
  return lines.join("\n");
}

function pad(part: number | undefined): string {
  return part === undefined ? "" : String(part).padStart(2, "0");
}

/**
 * BibTeX from citation-js, completed with what @misc can hold of a message: how it was published (its medium, in
 * the edition) and the cited lines and attesting reports as its note.
 */
function formatBibtex(item: CslItem): string {
  const entry = plugins.output.format("bibtex", [{ ...record(item), note: undefined }], { format: "text" }).trim();
  const fields: Array<[string, string]> = [];
  if (item.type !== "chapter" && item["container-title"]) {
    const medium = item.medium ? `${item.medium}, in ` : "In ";
    fields.push(["howpublished", `${medium}\\emph{${bibtexText(item["container-title"])}}${item.version ? `, version ${bibtexText(item.version)}` : ""}`]);
  }
  const notes = exportNotes(item);
  if (notes.length) fields.push(["note", notes.map(bibtexText).join(". ")]);
  if (!fields.length) return entry;
  const closing = entry.lastIndexOf("}");
  return `${entry.slice(0, closing)}${fields.map(([name, value]) => `\t${name} = {${value}},\n`).join("")}}`;
}

/** Text for a BibTeX field: its special characters escaped, en dashes as --, and runs of space as one. */
function bibtexText(text: string): string {
  return text
    .replace(/[\\{}]/g, "")
    .replace(/([&%$#_])/g, "\\$1")
    .replace(/–/g, "--")
    .replace(/\s+/g, " ");
}

/** The bibliographic record: the item without the cite's locator, which belongs to a citation, not to a work. */
function record(item: CslItem): Omit<CslItem, "locator" | "label"> {
  const { locator: _locator, label: _label, ...rest } = item;
  return rest;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
