// What the site's templates read: the rendered edition plus everything derived from it once per build (URLs,
// thread pages, per-person and per-source indexes), so that no page repeats work another page has done.
import { performance } from "node:perf_hooks";
import type { VFile } from "vfile";
import { checkLineStability } from "../anchor/line-stability.ts";
import { countErrors } from "../load/diagnostics.ts";
import { loadEdition } from "../load/load-edition.ts";
import { RenderCache } from "../render/render-cache.ts";
import type { Message } from "../load/model.ts";
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

  constructor(rendered: RenderedEdition, options: { threadPageSize?: number } = {}) {
    this.rendered = rendered;
    this.urls = siteUrls(rendered.edition.meta.base_url);
    this.citations = new EditionCitations(rendered.edition, this.urls, rendered.cache);
    const size = (this.threadPageSize = options.threadPageSize ?? 200);
    this.threadPages = [];
    for (let i = 0; i < Math.max(1, rendered.messages.length); i += size)
      this.threadPages.push({ number: this.threadPages.length + 1, messages: rendered.messages.slice(i, i + size) });
    this.notes = rendered.messages.flatMap((message) => message.notes.map((note) => ({ note, message })));
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

  /** The rendered edition as the exports see it: absolute URLs, messages with their lines and notes. */
  exportInput(): ExportInput {
    const { urls } = this;
    return {
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
    };
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

/**
 * Loads, validates, anchors and renders an edition: everything before pages are written. Collects every problem
 * in every file before giving up, so that an editor can fix them all in one pass.
 */
export async function createSiteModel(root: string, options: { threadPageSize?: number; cache?: boolean } = {}): Promise<SiteModelResult> {
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
