// How big a built site is (bytes and files, Pagefind's bundle apart), and what one page costs a reader over a
// compressing host: its HTML and the stylesheets it links, each gzipped.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** What a compressing host would send for `body`: gzip at level 6 (zlib's default), the one setting every figure uses. */
export const gzipSize = (body: Uint8Array): number => gzipSync(body, { level: 6 }).length;

export interface SiteSize {
  bytes: number;
  files: number;
  /** The part under pagefind/: the search index and Pagefind's scripts. */
  pagefindBytes: number;
  pagefindFiles: number;
}

export async function measureSite(siteDir: string): Promise<SiteSize> {
  const size: SiteSize = { bytes: 0, files: 0, pagefindBytes: 0, pagefindFiles: 0 };
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size: bytes } = await stat(file);
    size.bytes += bytes;
    size.files++;
    if (path.relative(siteDir, file).startsWith(`pagefind${path.sep}`)) {
      size.pagefindBytes += bytes;
      size.pagefindFiles++;
    }
  }
  return size;
}

export interface PageWeight {
  page: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  css: Array<{ href: string; bytes: number; gzipBytes: number }>;
  /** HTML and linked CSS, gzipped. */
  totalGzipBytes: number;
}

/** `pagePath` is a site path such as /messages/<id>/; stylesheets are found by their <link rel="stylesheet">. */
export async function measurePage(siteDir: string, pagePath: string): Promise<PageWeight> {
  const file = path.join(siteDir, pagePath, pagePath.endsWith("/") ? "index.html" : "");
  const html = await readFile(file);
  const htmlGzipBytes = gzipSize(html);
  const css: PageWeight["css"] = [];
  for (const match of html.toString("utf8").matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    if (!/rel="stylesheet"/.test(tag)) continue;
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (!href || /^[a-z]+:/i.test(href)) continue;
    const target = href.startsWith("/") ? path.join(siteDir, href) : path.join(path.dirname(file), href);
    const body = await readFile(target);
    css.push({ href, bytes: body.length, gzipBytes: gzipSize(body) });
  }
  return {
    page: pagePath,
    htmlBytes: html.length,
    htmlGzipBytes,
    css,
    totalGzipBytes: htmlGzipBytes + css.reduce((sum, sheet) => sum + sheet.gzipBytes, 0),
  };
}
