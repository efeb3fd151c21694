// The work a build sends to its worker threads (worker-pool.ts), as plain data in and out: rendering a
// partition's transcripts, rendering its notes, and writing its pages, its Pagefind bundle and its slices of the
// exports. A partition's rendered HTML stays with the worker in the partition's store; what comes back to the main
// thread is what the rest of the edition needs to know: lines, anchors, links and problems.
import { copyFile, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { concatSlices, exportSlices } from "../cite/exports.ts";
import { buildSearchIndex } from "../index/build-search-index.ts";
import { linkSchemes, type LinkTargets } from "../render/link-targets.ts";
import { NoteRenderer, type NoteJob, type RenderedNoteText } from "../render/note-job.ts";
import type { MessageEntry, RenderedMessage } from "../render/rendered.ts";
import { TranscriptRenderer, type RenderedTranscript, type TranscriptJob } from "../render/transcript-job.ts";
import { searchDocuments } from "../site/search-documents.ts";
import { PartitionModel, type PartitionModelData } from "../site/site-model.ts";
import { siteUrls } from "../site/urls.ts";
import { checkPages, type PageChecks } from "../site/verify-site.ts";
import { writePages } from "../site/write-pages.ts";
import { messageTitle, formatSent } from "../site/format.ts";
import { writeSlicesFile } from "./export-files.ts";
import { PartitionStore } from "./partition-store.ts";

export type LeanTranscript = Omit<RenderedTranscript, "html">;
export type LeanNote = Omit<RenderedNoteText, "html">;

/** A partition's store, and how many times the main thread has seen it saved (to tell a worker's copy is current). */
export interface StoreRef {
  name: string;
  version: number;
  /**
   * The partition's jobs all run on this thread now (a watching server after its first build): the store may stay
   * here, changed but not yet saved, until the next flush.
   */
  kept?: boolean;
}

export interface WorkerSetup {
  /** The hash of the program (render-cache.ts), under which stores are valid. */
  program: string;
  cacheDir: string;
  /** Keep stores in memory between jobs (a watching server), rather than reading each from disk per job. */
  keepStores: boolean;
}

export interface PartitionPayload {
  store: StoreRef;
  root: string;
  outputDir: string;
  /** The partition's model, its messages without their HTML, which the store holds under `keys`. */
  data: Omit<PartitionModelData, "partition"> & { partition: Omit<PartitionModelData["partition"], "messages"> & { messages: MessageEntry[] } };
  keys: {
    transcripts: string[];
    notes: string[][];
    /** A key per message of everything its pages and exports are made from (its text, notes and front matter). */
    entries: string[];
  };
  write: { messages: string[]; units: string[] };
  /** Index the partition's messages and notes for search, into this bundle folder of the site. */
  index?: { bundleFolder: string; language: string };
  /**
   * Write the partition's slices of the exports to this file; `key` stands for what they depend on beyond the
   * messages themselves (the edition's metadata and people, the width of line numbers).
   */
  exports?: { file: string; width: number; key: string };
}

export interface PartitionResult {
  written: string[];
  /** Of the job's time, what Eleventy (writing and checking the pages) and Pagefind took. */
  eleventyMs: number;
  pagefindMs: number;
  checks: PageChecks;
  bundle?: { files: string[]; pageCount: number };
  saved: boolean;
}

interface Jobs {
  setup: { payload: WorkerSetup; result: void };
  /** Saves every store kept in memory that has changed since it was last saved. */
  flush: { payload: Record<string, never>; result: void };
  linkTargets: { payload: { version: number; targets: LinkTargets; baseUrl: string }; result: void };
  transcripts: { payload: { store: StoreRef; jobs: Array<TranscriptJob & { key: string }> }; result: { results: LeanTranscript[]; saved: boolean } };
  notes: { payload: { store: StoreRef; linkVersion: number; jobs: Array<NoteJob & { key: string }> }; result: { results: LeanNote[]; saved: boolean } };
  partition: { payload: PartitionPayload; result: PartitionResult };
}

export type JobKind = keyof Jobs;
export type JobPayload<K extends JobKind> = Jobs[K]["payload"];
export type JobResult<K extends JobKind> = Jobs[K]["result"];

/** One thread's state between jobs: its renderers, the link targets notes resolve against, and kept stores. */
class WorkerState {
  setup: WorkerSetup | undefined;
  readonly transcripts = new TranscriptRenderer();
  notes: { version: number; renderer: NoteRenderer } | undefined;
  readonly #stores = new Map<string, { version: number; store: PartitionStore }>();

  async store(ref: StoreRef): Promise<PartitionStore> {
    const setup = this.setup!;
    const kept = this.#stores.get(ref.name);
    if (kept && kept.version === ref.version) return kept.store.reuse();
    const store = await PartitionStore.open(PartitionStore.fileFor(setup.cacheDir, ref.name), setup.program);
    if (setup.keepStores) this.#stores.set(ref.name, { version: ref.version, store });
    return store;
  }

  /**
   * After a job changed a store: saved at once, or, in a watching server, kept here (the copy the main thread now
   * counts as current) until the next flush.
   */
  async saved(ref: StoreRef, store: PartitionStore): Promise<boolean> {
    const kept = this.#stores.get(ref.name);
    if (kept) kept.version = ref.version + 1;
    if (kept && ref.kept) this.#unsaved.add(ref.name);
    else {
      await store.save();
      this.#unsaved.delete(ref.name);
    }
    return true;
  }

  readonly #unsaved = new Set<string>();

  async flush(): Promise<void> {
    for (const name of this.#unsaved) await this.#stores.get(name)!.store.save();
    this.#unsaved.clear();
  }
}

/** Where the site's search bundles live, and the file of Pagefind's that every message page loads from there. */
export const SHARED_BUNDLE_FOLDER = "pagefind/";
export const HIGHLIGHTER = "pagefind-highlight.js";

const TRANSCRIPT = (key: string) => `transcript:${key}`;
const NOTE = (key: string) => `note:${key}`;

/** Export slices are written beside the stores, one file per partition, for the main thread to stream into the exports. */
export const exportSlicesFile = (cacheDir: string, partition: string) => path.join(cacheDir, "exports", `${partition}.slices`);

export function createJobHandlers(): { [K in JobKind]: (payload: JobPayload<K>) => Promise<JobResult<K>> } {
  const state = new WorkerState();
  return {
    async setup(payload) {
      state.setup = payload;
    },

    async flush() {
      await state.flush();
    },

    async linkTargets({ version, targets, baseUrl }) {
      state.notes = { version, renderer: new NoteRenderer(linkSchemes(targets, siteUrls(baseUrl))) };
    },

    async transcripts({ store: ref, jobs }) {
      const store = await state.store(ref);
      const results = jobs.map((job) => {
        const { html, ...lean } = state.transcripts.render(job);
        store.set(TRANSCRIPT(job.key), html);
        return lean;
      });
      return { results, saved: await state.saved(ref, store) };
    },

    async notes({ store: ref, linkVersion, jobs }) {
      if (state.notes?.version !== linkVersion) throw new Error(`A worker was asked to render notes against link targets it does not have (version ${linkVersion})`);
      const store = await state.store(ref);
      const renderer = state.notes.renderer;
      const results = jobs.map((job) => {
        const { html, ...lean } = renderer.render(job);
        store.set(NOTE(job.key), html);
        return lean;
      });
      return { results, saved: await state.saved(ref, store) };
    },

    async partition(payload) {
      const t0 = performance.now();
      const store = await state.store(payload.store);
      const t1s = performance.now();
      const { data, keys } = payload;
      const messages: RenderedMessage[] = data.partition.messages.map((entry, i) => ({
        ...entry,
        html: required(store.get<string>(TRANSCRIPT(keys.transcripts[i]!)), entry.message.id),
        notes: entry.notes.map((note, j) => ({ ...note, html: required(store.get<string>(NOTE(keys.notes[i]![j]!)), note.annotation.id) })),
      }));
      const model = new PartitionModel({ ...data, partition: { ...data.partition, messages } }, (key, make) => store.memo(key, make));
      const pages = await writePages(
        { kind: "partition", model, messages: new Set(payload.write.messages), units: new Set(payload.write.units) },
        { root: payload.root, outputDir: payload.outputDir },
      );
      const t1 = performance.now();
      const pagesStart = t0;
      const checks = checkPages(new URL(model.edition.meta.base_url).pathname, pages, new Map(messages.map((entry) => [model.urls.message(entry.message.id), entry])));
      if (process.env.EDITION_TRACE) console.error(`[${payload.store.name}] pages ${pages.length} in ${Math.round(t1 - t0)} ms, check ${Math.round(performance.now() - t1)} ms`);
      const written = pages.map((page) => page.outputPath);
      const eleventyMs = performance.now() - pagesStart;

      let bundle: PartitionResult["bundle"];
      const indexStart = performance.now();
      if (payload.index) {
        // Pagefind writes into a folder beside the bundle's, which then takes its place, so that the bundle's files are
        // exactly the ones written now (Pagefind leaves old files behind) and a reader never meets half a bundle.
        const target = path.join(payload.outputDir, payload.index.bundleFolder);
        const writing = `${target.replace(/[\\/]$/, "")}.writing-${process.pid}-${payload.store.version}`;
        await rm(writing, { recursive: true, force: true });
        // Each document says its language (<html lang>): Pagefind indexes each language apart.
        const { pageCount } = await buildSearchIndex(payload.outputDir, searchDocuments(model), { bundleFolder: path.relative(payload.outputDir, writing) });
        const replaced = `${target.replace(/[\\/]$/, "")}.replaced-${process.pid}-${payload.store.version}`;
        await rename(target, replaced).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        });
        await rename(writing, target);
        await rm(replaced, { recursive: true, force: true });
        const files = (await readdir(target, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
        // Message pages load Pagefind's highlighter from pagefind/, whichever partition's bundle a reader came from:
        // every bundle has the same one, so it is copied up to where the pages look for it.
        if (payload.index.bundleFolder !== SHARED_BUNDLE_FOLDER) {
          const shared = path.join(payload.outputDir, SHARED_BUNDLE_FOLDER, HIGHLIGHTER);
          await copyFile(path.join(target, HIGHLIGHTER), shared);
          files.push(shared);
        }
        bundle = { files, pageCount };
      }
      const pagefindMs = performance.now() - indexStart;
      if (process.env.EDITION_TRACE) console.error(`[${payload.store.name}] pagefind ${Math.round(pagefindMs)} ms`);

      const exportsStart = performance.now();
      if (payload.exports) {
        const { urls, citations } = model;
        const { width, key } = payload.exports;
        // Each message's slices are kept with the partition, so that an edit serialises one message again.
        const slices = concatSlices(
          messages.map(({ message, lines, notes }, i) =>
            store.memo(`exports:${key}:${keys.entries[i]}`, () =>
              exportSlices(
                {
                  edition: model.edition,
                  messages: [
                    {
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
                    },
                  ],
                  exportUrl: (name) => urls.absolute(urls.exportFile(name)),
                  describe: (described) => `${messageTitle(described, model.edition.people)}, ${formatSent(described)}`,
                },
                { message: (cited) => citations.messageItem(cited, lines), note: (note, cited) => citations.noteItem(note, cited) },
                width,
              ),
            ),
          ),
        );
        await writeSlicesFile(payload.exports.file, slices);
      }

      // Writing every page touched every entry the partition still has: the rest is pruned.
      const prune = payload.write.messages.length === data.partition.messages.length && payload.write.units.length === data.partition.units.length;
      const saveStart = performance.now();
      if (prune) store.prune();
      if (process.env.EDITION_TRACE) console.error(`[${payload.store.name}] open ${Math.round(t1s - t0)} ms, exports ${Math.round(saveStart - exportsStart)} ms, save ${Math.round(performance.now() - saveStart)} ms`);
      return { written, checks, bundle, eleventyMs, pagefindMs, saved: await state.saved(payload.store, store) };
    },
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The rendered text of ${what} is missing from its partition's store`);
  return value;
}
