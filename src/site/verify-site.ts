// The build checks its own output: every line anchor of a message's page present once, every note rendered exactly
// once on its message's page, no id twice on any page, and every internal link and #anchor leading to a file and
// an element that exist. Each job checks the pages it has just written, from their text, and hands on the links
// that lead to other pages; the build checks those against every page of the site, including pages written by
// earlier builds that an edit did not touch. Anything missing stops the build with the list.
import type { MessageEntry } from "../render/rendered.ts";
import type { SiteModel } from "./site-model.ts";
import type { WrittenPage } from "./write-pages.ts";

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

/** How many times each id occurs on the page, and every href and src. */
export function attributesOf(html: string): { ids: Map<string, number>; links: string[] } {
  const ids = new Map<string, number>();
  const links: string[] = [];
  for (const tag of html.matchAll(START_TAG))
    for (const [, name, value] of tag[1]!.matchAll(ATTRIBUTE)) {
      if (value === undefined) continue;
      if (name === "id") {
        const id = decodeEntities(value);
        ids.set(id, (ids.get(id) ?? 0) + 1);
      } else if (name === "href" || name === "src") links.push(decodeEntities(value));
    }
  return { ids, links };
}

function decodeEntities(value: string): string {
  return value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))).replace(/&amp;/g, "&");
}

/** The anchors a message's page has for its lines and notes. */
export function messageAnchors({ message, lines, notes }: Pick<MessageEntry, "message" | "lines" | "notes">): string[] {
  return [
    ...lines.map((line) => `L${line.label}`),
    ...(message.withdrawn_lines ?? []).map((label) => `L${label}`),
    ...notes.flatMap(({ annotation }) => [`note-${annotation.id}`, `ref-${annotation.id}`]),
  ];
}

export const MESSAGE_ANCHOR = /^(L\d+[a-z]?|note-.+|ref-.+)$/;

export interface PageChecks {
  problems: string[];
  /**
   * Each written page's ids, by site path; for a message's page only those beyond its lines and notes (which the
   * edition's data says), as one space-separated string.
   */
  ids: Array<[path: string, ids: string]>;
  /** Links from these pages to others: the target (path and fragment) and one page that has it. */
  links: Array<[target: string, from: string]>;
}

function decodeFragment(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

/**
 * Checks pages a job has just written, under the site's path prefix; `messages` are the entries of the message
 * pages among them, by site path.
 */
export function checkPages(prefix: string, pages: readonly WrittenPage[], messages: ReadonlyMap<string, MessageEntry>): PageChecks {
  const problems: string[] = [];
  const ids: PageChecks["ids"] = [];
  const links = new Map<string, string>();
  for (const written of pages) {
    if (!written.outputPath.endsWith(".html")) continue;
    const page = `${prefix}${written.url.replace(/^\//, "")}`;
    const found = attributesOf(written.content);
    for (const [id, n] of found.ids) if (n > 1) problems.push(`${page}: the id "${id}" appears ${n} times`);
    const entry = messages.get(page);
    if (entry) {
      for (const anchor of [...entry.lines.map((line) => `L${line.label}`), ...(entry.message.withdrawn_lines ?? []).map((label) => `L${label}`)]) {
        const n = found.ids.get(anchor) ?? 0;
        if (n !== 1) problems.push(`message ${entry.message.id}: line anchor #${anchor} appears ${n} times`);
      }
      for (const { annotation } of entry.notes)
        for (const id of [`note-${annotation.id}`, `ref-${annotation.id}`]) {
          const n = found.ids.get(id) ?? 0;
          if (n !== 1) problems.push(`note ${annotation.id}: #${id} appears ${n} times on ${page}, not once`);
        }
      ids.push([page, [...found.ids.keys()].filter((id) => !MESSAGE_ANCHOR.test(id)).join(" ")]);
    } else ids.push([page, [...found.ids.keys()].join(" ")]);
    for (const link of found.links) {
      if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith("//")) continue;
      const url = new URL(link, `http://site${page}`);
      const fragment = decodeFragment(url.hash.slice(1));
      if (url.pathname === page) {
        if (!fragment || fragment.startsWith(":~:")) continue;
        for (const anchor of fragmentAnchors(fragment)) if (!found.ids.has(anchor)) problems.push(`${page}: link ${link} points at #${anchor}, which ${page} does not have`);
        continue;
      }
      const target = `${url.pathname}${fragment && !fragment.startsWith(":~:") ? `#${fragment}` : ""}`;
      if (!links.has(target)) links.set(target, page);
    }
  }
  return { problems, ids, links: [...links] };
}

/** A line range (#L2-L4) is two anchors. */
function fragmentAnchors(fragment: string): string[] {
  return /^L\d+[a-z]?-L\d+[a-z]?$/.test(fragment) ? fragment.split("-") : [fragment];
}

export interface SiteIndex {
  prefix: string;
  /** The ids of a page of the site (which ids it has), or undefined if the site has no such page. */
  pageIds(path: string): { has(id: string): boolean } | undefined;
  /** Whether the site has this file (an asset, an export, a search bundle's file). */
  hasFile(path: string): boolean;
}

/** Checks the links that pages lead to other pages with, against the whole site as it now stands. */
export function checkLinks(links: Iterable<readonly [target: string, from: string]>, site: SiteIndex): string[] {
  const problems: string[] = [];
  for (const [target, from] of links) {
    const hash = target.indexOf("#");
    const pathname = hash === -1 ? target : target.slice(0, hash);
    const fragment = hash === -1 ? "" : target.slice(hash + 1);
    if (!pathname.startsWith(site.prefix)) {
      problems.push(`${from}: link ${target} leaves the site's path ${site.prefix}`);
      continue;
    }
    const ids = site.pageIds(pathname.endsWith("/") ? pathname : pathname.endsWith(".html") ? pathname.replace(/index\.html$/, "") : pathname);
    if (!ids) {
      if (pathname.endsWith("/") || pathname.endsWith(".html")) problems.push(`${from}: link ${target} leads to no page`);
      else if (!site.hasFile(pathname)) problems.push(`${from}: link ${target} leads to no file`);
      continue;
    }
    for (const anchor of fragment ? fragmentAnchors(fragment) : [])
      if (!ids.has(anchor)) problems.push(`${from}: link ${target} points at #${anchor}, which ${pathname} does not have`);
  }
  return problems;
}

/**
 * Checks a whole built site from its files: every page's ids, anchors and links, as the build checks the pages it
 * writes. For a site put together from several builds, and for tests.
 */
export async function verifySite(outputDir: string, model: Pick<SiteModel, "edition" | "urls"> & { messages: readonly MessageEntry[] }): Promise<string[]> {
  const { readdir, readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const prefix = new URL(model.edition.meta.base_url).pathname;
  const files = (await readdir(outputDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const sitePath = (file: string) => `${prefix}${path.relative(outputDir, file).split(path.sep).join("/")}`;
  const pages: WrittenPage[] = [];
  for (const file of files)
    if (file.endsWith(".html")) pages.push({ url: `/${path.relative(outputDir, file).split(path.sep).join("/")}`.replace(/index\.html$/, ""), outputPath: file, content: await readFile(file, "utf8") });
  const byPath = new Map(model.messages.map((entry) => [model.urls.message(entry.message.id), entry]));
  const checks = checkPages(prefix, pages, byPath);
  const problems = [...checks.problems];
  for (const entry of model.messages) if (!pages.some((page) => `${prefix}${page.url.slice(1)}` === model.urls.message(entry.message.id))) problems.push(`message ${entry.message.id}: no page at ${model.urls.message(entry.message.id)}`);
  const ids = new Map(checks.ids.map(([page, own]) => [page, new Set([...(own ? own.split(" ") : []), ...(byPath.has(page) ? messageAnchors(byPath.get(page)!) : [])])]));
  const known = new Set(files.map(sitePath));
  problems.push(...checkLinks(checks.links, { prefix, pageIds: (page) => ids.get(page), hasFile: (file) => known.has(file) }));
  return problems;
}
