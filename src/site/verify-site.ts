// The build checks its own output: a page per message, every line anchor present once, every note rendered
// exactly once on its message's page, no id naming two elements of a page, and every internal link, #anchor and
// ARIA reference of every page leading to a file and an element that exist. Anything missing stops the build with
// the list.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "./site-model.ts";
import { decodePercent } from "../render/decode-percent.ts";

export class SiteVerificationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    const shown = problems.slice(0, 50);
    super(
      `The built site is missing things it must have (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        shown.map((problem) => `  ${problem}`).join("\n") +
        (problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : ""),
    );
    this.name = "SiteVerificationError";
    this.problems = problems;
  }
}

// A start tag with double-quoted attribute values, as hast-util-to-html writes them (a quote inside a value is
// escaped), so that text that merely looks like an attribute (an escaped transcript line) is never read as one.
const START_TAG = /<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>\/=]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /\s([^\s"'>\/=]+)(?:="([^"]*)")?/g;

/** Attributes that name other elements of the page by id (space-separated where ARIA allows several). */
const ID_REFERENCES = new Set(["aria-labelledby", "aria-describedby", "aria-controls", "for"]);

/** How many times each id occurs on the page, every href and src, and every id an attribute refers to. */
function attributesOf(html: string): { ids: Map<string, number>; links: string[]; references: string[] } {
  const ids = new Map<string, number>();
  const links: string[] = [];
  const references: string[] = [];
  for (const tag of html.matchAll(START_TAG))
    for (const [, name, value] of tag[1]!.matchAll(ATTRIBUTE)) {
      if (value === undefined) continue;
      if (name === "id") {
        const id = decodeEntities(value);
        ids.set(id, (ids.get(id) ?? 0) + 1);
      } else if (name === "href" || name === "src") links.push(decodeEntities(value));
      else if (ID_REFERENCES.has(name!)) references.push(...decodeEntities(value).split(/\s+/).filter(Boolean));
    }
  return { ids, links, references };
}

function decodeEntities(value: string): string {
  return value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))).replace(/&amp;/g, "&");
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html")).map((entry) => path.join(entry.parentPath, entry.name));
}

export interface VerifyOptions {
  /** Site paths written after this check (Pagefind's bundle), whose links are not followed. */
  notYetWritten?: string[];
}

export async function verifySite(outputDir: string, model: SiteModel, options: VerifyOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  // In a sharded build, links into other shards' pages are followed when the shards are put together; the
  // render stage has already checked them against the edition's line anchors.
  const elsewhere = model.writtenElsewhere();
  const notYetWritten = [...(options.notYetWritten ?? []), ...elsewhere.prefixes];
  const exists = new Map<string, Promise<boolean>>();
  const fileExists = (file: string) => {
    let known = exists.get(file);
    if (!known) exists.set(file, (known = stat(file).then((found) => found.isFile(), () => false)));
    return known;
  };
  const prefix = new URL(model.edition.meta.base_url).pathname;
  /** The file a site path is served from, undefined if it leaves the site, or "" if its escapes are malformed. */
  const fileFor = (sitePath: string): string | undefined => {
    if (!sitePath.startsWith(prefix)) return undefined;
    const relative = decodePercent(sitePath.slice(prefix.length));
    if (relative === undefined) return "";
    return path.join(outputDir, relative.endsWith("/") || relative === "" ? path.join(relative, "index.html") : relative);
  };

  // Every page's ids, read once.
  const idsByFile = new Map<string, Map<string, number>>();
  const linksByFile = new Map<string, string[]>();
  for (const file of await htmlFiles(outputDir)) {
    const { ids, links, references } = attributesOf(await readFile(file, "utf8"));
    idsByFile.set(file, ids);
    linksByFile.set(file, links);
    // Ids are made from the edition's content (site/page-ids.ts): none may name two elements of a page.
    const page = `/${path.relative(outputDir, file).split(path.sep).join("/")}`;
    for (const [id, n] of ids) if (n > 1) problems.push(`${page}: id "${id}" names ${n} elements`);
    for (const id of new Set(references)) if (!ids.has(id)) problems.push(`${page}: an attribute refers to id "${id}", which no element has`);
  }

  const { urls } = model;
  for (const { message, lines, notes } of model.pageMessages) {
    const file = fileFor(urls.message(message.id))!;
    const ids = idsByFile.get(file);
    if (!ids) {
      problems.push(`message ${message.id}: no page at ${urls.message(message.id)}`);
      continue;
    }
    for (const label of [...lines.map((line) => line.label), ...(message.withdrawn_lines ?? [])]) {
      const n = ids.get(`L${label}`) ?? 0;
      if (n !== 1) problems.push(`message ${message.id}: line anchor #L${label} appears ${n} times`);
    }
    for (const { annotation } of notes) {
      for (const id of [`note-${annotation.id}`, `ref-${annotation.id}`]) {
        const n = ids.get(id) ?? 0;
        if (n !== 1) problems.push(`note ${annotation.id}: #${id} appears ${n} times on ${urls.message(message.id)}, not once`);
      }
    }
  }
  const rendered = new Set(model.notes.map(({ note }) => note.annotation.id));
  for (const group of model.edition.annotationsByMessage.values())
    for (const annotation of group) if (!rendered.has(annotation.id)) problems.push(`note ${annotation.id}: not rendered anywhere`);

  for (const [file, links] of linksByFile) {
    // The page as a reader addresses it: /messages/x/ rather than /messages/x/index.html.
    const page = `/${path.relative(outputDir, file).split(path.sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1");
    for (const link of links) {
      if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith("//")) continue;
      const url = new URL(link, `http://site${page}`);
      if (elsewhere.paths.has(url.pathname) || notYetWritten.some((prefix) => url.pathname.startsWith(prefix))) continue;
      const target = url.pathname === page ? file : fileFor(url.pathname);
      if (target === "") {
        problems.push(`${page}: link ${link} has a malformed percent-escape in its path`);
        continue;
      }
      if (!target) {
        problems.push(`${page}: link ${link} leaves the site's path ${prefix}`);
        continue;
      }
      const targetIds = idsByFile.get(target);
      if (!targetIds) {
        if (!target.endsWith(".html") && !(await fileExists(target))) problems.push(`${page}: link ${link} leads to no file`);
        else if (target.endsWith(".html")) problems.push(`${page}: link ${link} leads to no page`);
        continue;
      }
      const fragment = decodePercent(url.hash.slice(1));
      if (fragment === undefined) {
        problems.push(`${page}: link ${link} has a malformed percent-escape in its fragment`);
        continue;
      }
      if (!fragment || fragment.startsWith(":~:")) continue;
      // A line range (#L2-L4) is two anchors.
      const anchors = /^L\d+[a-z]?-L\d+[a-z]?$/.test(fragment) ? fragment.split("-") : [fragment];
      for (const anchor of anchors) if (!targetIds.has(anchor)) problems.push(`${page}: link ${link} points at #${anchor}, which ${url.pathname} does not have`);
    }
  }
  return problems;
}
