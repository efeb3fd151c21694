// The site's URL scheme, in one place: every page and anchor the site links to is built here, under the
// edition's path prefix, so that links and the build's own link check agree.
import type { EditionUrls } from "../render/link-targets.ts";

export interface SiteUrls extends EditionUrls {
  home(): string;
  /** A page of the thread, by its key (pipeline/partitions.ts); without one, or for `all`, the home page. */
  thread(key?: string): string;
  /** A page of the conversation, by its key; without one, or for `all`, the conversation's first page. */
  conversation(key?: string): string;
  people(): string;
  person(id: string): string;
  sources(): string;
  source(id: string): string;
  search(): string;
  changelog(): string;
  exportFile(name: string): string;
  asset(name: string): string;
  /** A site path made absolute with the edition's base URL, for citations and metadata. */
  absolute(path: string): string;
}

/** The site's paths without the path prefix, as Eleventy wants permalinks. */
export const permalinks = {
  thread: (key?: string) => (key === undefined || key === "all" ? "/" : `/thread/${key}/`),
  conversation: (key?: string) => (key === undefined || key === "all" ? "/conversation/" : `/conversation/${key}/`),
  message: (id: string) => `/messages/${id}/`,
  page: (slug: string) => `/${slug}/`,
  people: () => "/people/",
  sources: () => "/sources/",
  search: () => "/search/",
  changelog: () => "/changelog/",
  exportFile: (name: string) => `/exports/${name}`,
};

/** The path prefix under which the site is published, from the edition's base URL (`/` or `/dms/`). */
export function pathPrefix(baseUrl: string): string {
  const pathname = new URL(baseUrl).pathname;
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}

export function siteUrls(baseUrl: string): SiteUrls {
  const base = new URL(baseUrl);
  const prefix = pathPrefix(baseUrl);
  const at = (path: string) => `${prefix}${path.replace(/^\//, "")}`;
  return {
    home: () => at(""),
    thread: (key) => at(permalinks.thread(key)),
    conversation: (key) => at(permalinks.conversation(key)),
    message: (id) => at(permalinks.message(id)),
    note: (id, messageId) => `${at(permalinks.message(messageId))}#note-${id}`,
    page: (slug) => at(permalinks.page(slug)),
    people: () => at(permalinks.people()),
    person: (id) => at(`${permalinks.people()}#${id}`),
    sources: () => at(permalinks.sources()),
    source: (id) => at(`${permalinks.sources()}#${id}`),
    search: () => at(permalinks.search()),
    changelog: () => at(permalinks.changelog()),
    exportFile: (name) => at(permalinks.exportFile(name)),
    asset: (name) => at(`assets/${name}`),
    absolute: (path) => new URL(path, base.origin).href,
  };
}
