// What the site's templates read: the rendered edition plus everything derived from it once per build (URLs,
// thread pages, per-person and per-source indexes), so that no page repeats work another page has done.
import { performance } from "node:perf_hooks";
import type { VFile } from "vfile";
import { checkLineStability } from "../anchor/line-stability.ts";
import { countErrors } from "../load/diagnostics.ts";
import { loadEdition } from "../load/load-edition.ts";
import { RenderCache } from "../render/render-cache.ts";
import type { Message } from "../load/model.ts";
import { searchBundleFolder, shardRange, type Shard } from "./shards.ts";
import { renderEdition, type RenderedEdition, type RenderedMessage, type RenderedNote } from "../render/render-edition.ts";
import type { ExportInput } from "../cite/exports.ts";
import { EditionCitations } from "./citations.ts";
import { formatSent, messageTitle } from "./format.ts";
import { siteUrls, type SiteUrls } from "./urls.ts";

export interface ThreadPage {
  number: number;
  messages: RenderedMessage[];
}

export interface NoteEntry {
  note: RenderedNote;
  message: RenderedMessage;
}

/**
 * A class instance rather than a plain object, so that Eleventy's data cascade passes it by reference instead of
 * deep-copying it into every template.
 */
export class SiteModel {
  readonly rendered: RenderedEdition;
  readonly urls: SiteUrls;
  readonly citations: EditionCitations;
  readonly threadPages: ThreadPage[];
  readonly threadPageSize: number;
  readonly notes: NoteEntry[];
  /** Messages each source attests, in thread order. */
  readonly messagesBySource: Map<string, Message[]>;
  /** Messages each person sent and received. */
  readonly messagesByPerson: Map<string, { sent: number; received: number }>;
  /** The slice this build writes, in a sharded build (see shards.ts). */
  readonly shard: Shard | undefined;
  /** The messages whose pages this build writes and indexes: all of them, or the shard's slice. */
  readonly pageMessages: RenderedMessage[];
  /** The thread pages this build writes: each belongs to the shard that owns its first message. */
  readonly pageThreadPages: ThreadPage[];
  /** Whether this build writes the pages of the whole edition: search, people, sources, changelog, exports, editorial pages. */
  readonly writesEditionPages: boolean;

  constructor(rendered: RenderedEdition, options: SiteModelOptions = {}) {
    this.rendered = rendered;
    this.urls = siteUrls(rendered.edition.meta.base_url);
    this.citations = new EditionCitations(rendered.edition, this.urls, rendered.cache);
    const size = (this.threadPageSize = options.threadPageSize ?? 200);
    this.threadPages = [];
    for (let i = 0; i < Math.max(1, rendered.messages.length); i += size)
      this.threadPages.push({ number: this.threadPages.length + 1, messages: rendered.messages.slice(i, i + size) });
    this.notes = rendered.messages.flatMap((message) => message.notes.map((note) => ({ note, message })));
    this.shard = options.shard;
    const { start, end } = shardRange(rendered.messages.length, this.shard);
    this.pageMessages = this.shard ? rendered.messages.slice(start, end) : rendered.messages;
    this.pageThreadPages = this.shard ? this.threadPages.filter((page) => {
      const first = (page.number - 1) * size;
      // An empty edition's only thread page goes with shard 1.
      return (first >= start && first < end) || (first === 0 && this.shard!.index === 1);
    }) : this.threadPages;
    this.writesEditionPages = !this.shard || this.shard.index === 1;
    this.messagesBySource = new Map();
    this.messagesByPerson = new Map();
    const count = (id: string) => {
      let entry = this.messagesByPerson.get(id);
      if (!entry) this.messagesByPerson.set(id, (entry = { sent: 0, received: 0 }));
      return entry;
    };
    for (const { message } of rendered.messages) {
      for (const source of new Set(message.sources.map((s) => s.id))) {
        const list = this.messagesBySource.get(source);
        if (list) list.push(message);
        else this.messagesBySource.set(source, [message]);
      }
      count(message.from).sent++;
      for (const to of message.to) count(to).received++;
    }
  }

  get edition() {
    return this.rendered.edition;
  }

  #exportInput: ExportInput | undefined;

  /** The rendered edition as the exports see it: absolute URLs, messages with their lines and notes. Made once. */
  exportInput(): ExportInput {
    const { urls } = this;
    return (this.#exportInput ??= {
      edition: this.edition,
      messages: this.rendered.messages.map(({ message, lines, notes }) => ({
        message,
        lines,
        url: urls.absolute(urls.message(message.id)),
        // Links inside a note are site-relative; an export travels, so they are made absolute.
        notes: notes.map(({ annotation, anchored, html }) => ({
          annotation,
          anchored,
          html: html.replace(/href="(\/[^"]*)"/g, (_, href: string) => `href="${urls.absolute(href)}"`),
          url: urls.absolute(urls.note(annotation.id, message.id)),
        })),
      })),
      exportUrl: (name) => urls.absolute(urls.exportFile(name)),
      describe: (message) => `${messageTitle(message, this.edition.people)}, ${formatSent(message)}`,
    });
  }

  /** The Pagefind bundles a search covers: this build's own, or in a sharded build shard 1's merged with the others'. */
  searchBundles(): { primary: string; merge: string[] } {
    const count = this.shard?.count ?? 1;
    const at = (index: number) => `${this.urls.home()}${searchBundleFolder(index)}`;
    return { primary: at(1), merge: Array.from({ length: count - 1 }, (_, i) => at(i + 2)) };
  }

  /** Site paths that other shards write, which this build links to but cannot check on disk. */
  writtenElsewhere(): { paths: Set<string>; prefixes: string[] } {
    const paths = new Set<string>();
    const prefixes: string[] = [];
    if (!this.shard) return { paths, prefixes };
    const mine = new Set(this.pageMessages.map(({ message }) => message.id));
    for (const { message } of this.rendered.messages) if (!mine.has(message.id)) paths.add(this.urls.message(message.id));
    const myThreadPages = new Set(this.pageThreadPages.map((page) => page.number));
    for (const page of this.threadPages)
      if (!myThreadPages.has(page.number)) {
        paths.add(this.urls.thread(page.number));
        paths.add(this.urls.conversation(page.number));
      }
    if (!this.writesEditionPages) {
      for (const path of [this.urls.people(), this.urls.sources(), this.urls.search(), this.urls.changelog()]) paths.add(path);
      for (const page of this.edition.pages) paths.add(this.urls.page(page.slug));
      prefixes.push(this.urls.exportFile(""));
    }
    for (let index = 1; index <= this.shard.count; index++) if (index !== this.shard.index) prefixes.push(`${this.urls.home()}${searchBundleFolder(index)}`);
    return { paths, prefixes };
  }

  neighbours(id: string): { previous?: RenderedMessage; next?: RenderedMessage } {
    const index = this.rendered.indexById.get(id);
    if (index === undefined) return {};
    return { previous: this.rendered.messages[index - 1], next: this.rendered.messages[index + 1] };
  }

  threadPageOf(id: string): number {
    const index = this.rendered.indexById.get(id) ?? 0;
    return Math.floor(index / this.threadPageSize) + 1;
  }
}

export interface SiteModelResult {
  /** Undefined when the edition has errors. */
  model: SiteModel | undefined;
  /** Every file read, with every problem found in it. */
  files: VFile[];
  /** The rendered edition, even when it has errors (for `check --fix`); undefined if it could not be rendered. */
  rendered?: RenderedEdition;
}

export interface SiteModelOptions {
  /** Messages per page of the thread (default 200). */
  threadPageSize?: number;
  /** Write and index only this slice of the edition. */
  shard?: Shard;
}

/**
 * Loads, validates, anchors and renders an edition: everything before pages are written. Collects every problem
 * in every file before giving up, so that an editor can fix them all in one pass.
 */
export async function createSiteModel(root: string, options: SiteModelOptions & { cache?: boolean } = {}): Promise<SiteModelResult> {
  const loadStart = performance.now();
  const { edition, files } = await loadEdition(root);
  performance.measure("edition.load", { start: loadStart, end: performance.now() });
  // Render even when loading found problems, so that anchoring problems are reported in the same pass.
  if (!edition) return { model: undefined, files };
  const urls = siteUrls(edition.meta.base_url);
  const cache = options.cache === false ? RenderCache.none() : await RenderCache.open(root);
  const rendered = await renderEdition(edition, { urls, cache });
  checkLineStability(edition, new Map(rendered.messages.map(({ message, lines }) => [message.id, lines])));
  if (countErrors(files)) return { model: undefined, files, rendered };
  return { model: new SiteModel(rendered, options), files, rendered };
}
