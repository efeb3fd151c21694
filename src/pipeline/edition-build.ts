// The build, stage by stage: load and check the edition, render it, and write the site and its search index; and,
// for a watching server or a repeat build, do it again after an edit by redoing only what the edit changed.
//
// The main thread loads every file (keeping each file's parse until the file changes) and runs every check between
// files, on every build, for the whole edition. Rendering and writing happen in partitions (partitions.ts), on
// worker threads: a partition's transcripts and notes are rendered into its store, and its pages, its Pagefind
// bundle and its slices of the exports are written from there. The main thread keeps an entry per message (its
// lines, where its notes are anchored) and a key per page: a hash of everything the page is made from, so that a
// page is written again exactly when it would come out different.
import { mkdir, readFile, rename, writeFile, copyFile, readdir } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { VFile } from "vfile";
import { checkLineStability, publishedAnchors } from "../anchor/line-stability.ts";
import type { PublishedAnchor } from "../anchor/resolve-anchor.ts";
import { joinExports, labelWidth, type ExportSlices, ANNOTATIONS_EXPORT, CSL_EXPORT, MESSAGES_EXPORT, TRANSCRIPT_EXPORT } from "../cite/exports.ts";
import { countErrors, EditionError, report } from "../load/diagnostics.ts";
import { EditionLoader } from "../load/load-edition.ts";
import type { Annotation, Edition, FileOrigin, Message } from "../load/model.ts";
import { linkSchemes, linksHold, type LinkSchemes, type LinkTargets } from "../render/link-targets.ts";
import { NoteRenderer } from "../render/note-job.ts";
import { contentHash, programHash } from "../render/render-cache.ts";
import type { MessageEntry, NoteEntry } from "../render/rendered.ts";
import { transcriptJob, type StoredMessage, type TranscriptJob } from "../render/transcript-job.ts";
import { bundleClientScripts } from "../site/client-bundle.ts";
import type { EditionPage } from "../site/eleventy-plugin.ts";
import { PREVIEW_IMAGE } from "../site/layout.tsx";
import { EditionModel, type EditionShell, type PageInfo, type PartitionModelData, type SiteModelData } from "../site/site-model.ts";
import { permalinks, siteUrls, type SiteUrls } from "../site/urls.ts";
import { checkLinks, checkPages, MESSAGE_ANCHOR, messageAnchors, SiteVerificationError, type PageChecks } from "../site/verify-site.ts";
import { writePages } from "../site/write-pages.ts";
import { isPrivate } from "../site/conversation.ts";
import { exportSlicesFile, HIGHLIGHTER, SHARED_BUNDLE_FOLDER, type LeanNote, type LeanTranscript, type PartitionPayload, type PartitionResult, type StoreRef } from "./jobs.ts";
import { OutputRecord } from "./output-record.ts";
import { partitionEdition, type Partition, type PartitionOptions, type ThreadUnit } from "./partitions.ts";
import { defaultThreadCount, WorkerPool } from "./worker-pool.ts";
import { shardPartitions, type Shard } from "./shards.ts";

const SITE_ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "site", "assets");
const CLIENT_SOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "site", "client");

export interface EditionBuildOptions extends PartitionOptions {
  root: string;
  /** Where the site goes (default: _site/ in the root). */
  outputDir?: string;
  /** Worker threads (default: one per core). */
  threads?: number;
  /** Keep rendered partitions in the workers' memory between builds: for a watching server. */
  watch?: boolean;
  /** Write one slice of the edition's partitions (see shards.ts). */
  shard?: Shard;
}

/** Wall-clock milliseconds of a build's stages, and the time its threads spent in Eleventy and in Pagefind. */
export interface StageTimings {
  load: number;
  render: number;
  write: number;
  total: number;
  /** Summed over threads, inside the write stage. */
  eleventy: number;
  pagefind: number;
}

export interface CheckOutcome {
  /** Every file read, with every problem found in it. */
  files: VFile[];
  errors: number;
  /** How many transcripts and notes had to be rendered, because nothing rendered earlier could stand for them. */
  rendered?: { transcripts: number; notes: number };
  edition?: Edition;
  entries?: MessageEntry[];
}

export interface BuildOutcome {
  outputDir: string;
  /** Documents indexed for search, in the whole site. */
  indexedPages: number;
  /** Files written by this build, and removed because the site no longer has them. */
  written: number;
  removed: string[];
  timings: StageTimings;
  files: VFile[];
}

interface Cached<T> {
  store: string;
  value: T;
}

interface LeanCache {
  program: string;
  transcripts: Map<string, Cached<LeanTranscript>>;
  notes: Map<string, Cached<LeanNote>>;
}

/** What the last build wrote, by key: which pages, bundles, export slices and exports need writing again. */
interface Manifest {
  program: string;
  /** Page keys by site path. */
  pages: Record<string, string>;
  /** Ids of each page by site path (for message pages, beyond lines and notes): for checking links to it. */
  ids: Record<string, string>;
  bundles: Record<string, { key: string; folder: string; pageCount: number }>;
  slices: Record<string, string>;
  exports: string;
  assets: string;
}

const emptyManifest = (program: string): Manifest => ({ program, pages: {}, ids: {}, bundles: {}, slices: {}, exports: "", assets: "" });

/** A note shares its message's page with the transcript and the other notes: its footnotes are scoped by its id. */
const noteIdScope = (annotation: Annotation) => `note-${annotation.id}-`;

/** A message's month, the thread page it belongs to. */
const monthOf = (message: Message) => message.time.date.slice(0, 7);

/** A message or note as a worker thread gets it: without where its file is, which only the main thread reports on. */
function portable<T extends { origin: FileOrigin }>(value: T): T {
  const { origin: _origin, ...rest } = value;
  return rest as T;
}

function replayMessage(origin: FileOrigin, stored: StoredMessage): void {
  const message = origin.file.message(stored.reason, {
    place: stored.line !== undefined ? { line: stored.line, column: stored.column ?? 1 } : undefined,
    ruleId: stored.ruleId,
    source: "edition",
  });
  message.fatal = stored.fatal;
  if (stored.note) message.note = stored.note;
}

/**
 * Keys of what the build is made from. The loader gives the same objects while their files are unchanged, so a
 * key is worked out once per object, not once per build: at 10,000 messages, hashing everything again was most of
 * the time a build after one edit spent on the main thread.
 */
class Keys {
  readonly #transcripts = new WeakMap<Message, { annotations: readonly Annotation[]; recorded: string; key: string }>();
  readonly #notes = new WeakMap<Annotation, string>();
  readonly #annotations = new WeakMap<Annotation, string>();
  readonly #fronts = new WeakMap<Message, string>();

  /**
   * Everything a rendered transcript depends on, with where published versions found its notes' quotes; the path is
   * not part of it, so a renamed file is not rendered again.
   */
  transcript(message: Message, annotations: readonly Annotation[], published: ReadonlyMap<string, PublishedAnchor>): string {
    const recorded = annotations.length && published.size ? JSON.stringify(annotations.map((a) => published.get(a.id) ?? null)) : "";
    const known = this.#transcripts.get(message);
    if (known && known.recorded === recorded && known.annotations.length === annotations.length && known.annotations.every((a, i) => a === annotations[i])) return known.key;
    const key = contentHash([message.id, message.body, message.origin.bodyStartLine, message.inserted_after, message.withdrawn_lines, annotations.map((a) => [a.id, a.anchor, a.kind]), recorded]);
    this.#transcripts.set(message, { annotations: [...annotations], recorded, key });
    return key;
  }

  /** What a note's rendered text depends on (its links are checked apart, see link-targets.ts). */
  note(annotation: Annotation): string {
    let key = this.#notes.get(annotation);
    if (key === undefined) this.#notes.set(annotation, (key = contentHash([annotation.body, annotation.origin.bodyStartLine, noteIdScope(annotation)])));
    return key;
  }

  /** A note's front matter and text: what its message's pages show of it. */
  annotation(annotation: Annotation): string {
    let key = this.#annotations.get(annotation);
    if (key === undefined) this.#annotations.set(annotation, (key = contentHash(portable(annotation))));
    return key;
  }

  /** A message's front matter as pages show it: everything but its text and where its file is. */
  front(message: Message): string {
    let key = this.#fronts.get(message);
    if (key === undefined) {
      const { origin: _origin, body: _body, ...front } = message;
      this.#fronts.set(message, (key = contentHash(front)));
    }
    return key;
  }
}

export class EditionBuild {
  readonly root: string;
  readonly outputDir: string;
  readonly #options: EditionBuildOptions;
  readonly #loader: EditionLoader;
  readonly #cacheDir: string;
  #pool: WorkerPool | undefined;
  #program: string | undefined;
  #lean: LeanCache | undefined;
  readonly #storeVersions = new Map<string, number>();
  #linkVersion = 0;
  #linkKey = "";
  #manifest: Manifest | undefined;
  #record: OutputRecord | undefined;
  readonly #keys = new Keys();
  /** Whether the lean cache has entries not yet saved. */
  #leanDirty = false;
  /** The link targets the cached notes were last checked against: while they stand, the checks stand too. */
  #checkedLinks = "";
  #editorial = new Map<string, { key: string; html: string; messages: StoredMessage[] }>();

  constructor(options: EditionBuildOptions) {
    this.#options = options;
    this.root = path.resolve(options.root);
    this.outputDir = path.resolve(options.outputDir ?? path.join(this.root, "_site"));
    this.#loader = new EditionLoader(this.root);
    this.#cacheDir = path.join(this.root, ".cache");
  }

  async #setup(partitions = 1): Promise<{ pool: WorkerPool; program: string; lean: LeanCache }> {
    const program = (this.#program ??= await programHash());
    if (!this.#pool) {
      // More threads than partitions would have nothing to do.
      this.#pool = new WorkerPool(Math.min(this.#options.threads ?? defaultThreadCount(), Math.max(1, partitions)));
      await this.#pool.broadcast("setup", { program, cacheDir: this.#cacheDir, keepStores: this.#options.watch === true });
    }
    this.#lean ??= await this.#readLean(program);
    return { pool: this.#pool, program, lean: this.#lean };
  }

  async #readLean(program: string): Promise<LeanCache> {
    try {
      const stored = deserialize(await readFile(path.join(this.#cacheDir, "lean.v8"))) as LeanCache;
      if (stored.program === program) return stored;
    } catch {
      // No cache yet, or one written by another version of Node: start empty.
    }
    return { program, transcripts: new Map(), notes: new Map() };
  }

  async #save(file: string, data: unknown): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${++this.#saves}`;
    await writeFile(temporary, typeof data === "string" ? data : serialize(data));
    await rename(temporary, file);
  }

  #store(name: string): StoreRef {
    return { name, version: this.#storeVersions.get(name) ?? 0 };
  }

  #savedStore(ref: StoreRef): void {
    this.#storeVersions.set(ref.name, ref.version + 1);
  }

  /**
   * Loads, checks and renders the edition: every problem in every file, collected before giving up, so that an
   * editor can fix them all in one pass. `changed` names the files that may have changed since the last check.
   */
  async check(options: { changed?: Iterable<string> } = {}): Promise<CheckOutcome & { state?: Checked }> {
    const started = performance.now();
    const { edition, files } = await this.#loader.load({ changed: options.changed });
    const loaded = performance.now();
    this.#timings = { load: loaded - started, render: 0, write: 0, total: 0, eleventy: 0, pagefind: 0 };
    // Render even when loading found problems, so that anchoring problems are reported in the same pass.
    if (!edition) {
      this.#current = undefined;
      return { files, errors: countErrors(files) };
    }
    const { units, partitions } = partitionEdition(edition.messages.map(monthOf), this.#options);
    const { pool, lean } = await this.#setup(partitions.length);
    const partitionOf: Partition[] = [];
    for (const partition of partitions) for (let i = partition.start; i < partition.end; i++) partitionOf[i] = partition;

    // Transcripts: what the lean cache does not hold, rendered in its partition's store.
    const annotationsOf = (message: Message) => edition.annotationsByMessage.get(message.id) ?? [];
    const keys = this.#keys;
    const published = publishedAnchors(edition);
    const tKeys = edition.messages.map((message) => keys.transcript(message, annotationsOf(message), published));
    const transcripts: LeanTranscript[] = new Array(edition.messages.length);
    const jobs = new Map<Partition, Array<TranscriptJob & { key: string; index: number }>>();
    edition.messages.forEach((message, i) => {
      const partition = partitionOf[i]!;
      const cached = lean.transcripts.get(tKeys[i]!);
      if (cached && cached.store === partition.name) return void (transcripts[i] = cached.value);
      const list = jobs.get(partition) ?? [];
      list.push({ key: tKeys[i]!, index: i, ...transcriptJob(message, annotationsOf(message), published) });
      jobs.set(partition, list);
    });
    await Promise.all(
      [...jobs].map(async ([partition, list]) => {
        const ref = this.#store(partition.name);
        const { results } = await pool.run("transcripts", { store: ref, jobs: list.map(({ index: _index, ...job }) => job) });
        this.#savedStore(ref);
        results.forEach((result, j) => {
          const { index, key } = list[j]!;
          transcripts[index] = result;
          lean.transcripts.set(key, { store: partition.name, value: result });
          this.#leanDirty = true;
        });
      }),
    );

    const annotationsById = new Map<string, Annotation>();
    for (const group of edition.annotationsByMessage.values()) for (const annotation of group) annotationsById.set(annotation.id, annotation);
    const entries: MessageEntry[] = edition.messages.map((message, i) => {
      const done = transcripts[i]!;
      this.#reportTranscript(message, done, annotationsById);
      return { message, lines: done.lines, notes: done.anchored.map((anchored) => ({ annotation: annotationsById.get(anchored.id)!, anchored })) };
    });

    // Notes: rendered again when their text changed or a link of theirs no longer resolves as it did.
    const targets: LinkTargets = {
      anchors: new Map(entries.map(({ message, lines }) => [message.id, [...lines.map((line) => line.label), ...(message.withdrawn_lines ?? [])]])),
      invalidMessages: edition.invalidMessageIds,
      noteTargets: new Map([...annotationsById.values()].map((annotation) => [annotation.id, annotation.target])),
      pageSlugs: edition.pages.map((page) => page.slug),
    };
    const urls = siteUrls(edition.meta.base_url);
    const schemes = linkSchemes(targets, urls);
    // A message's line labels follow from its transcript's key, so the keys stand for the anchors.
    const linkKey = contentHash([edition.messages.map((message, i) => `${message.id} ${tKeys[i]}`).join("\n"), [...targets.invalidMessages], [...targets.noteTargets].join("\n"), targets.pageSlugs, edition.meta.base_url]);
    const linksStand = linkKey === this.#checkedLinks;
    const nKeys: string[][] = entries.map(({ notes }) => notes.map(({ annotation }) => keys.note(annotation)));
    const noteJobs = new Map<Partition, Array<{ key: string; note: NoteEntry }>>();
    const noteResults = new Map<string, LeanNote>();
    entries.forEach(({ notes }, i) => {
      const partition = partitionOf[i]!;
      notes.forEach((note, j) => {
        const key = nKeys[i]![j]!;
        const cached = lean.notes.get(key);
        if (cached && cached.store === partition.name && (linksStand || linksHold(schemes, cached.value.links))) return void noteResults.set(key, cached.value);
        const list = noteJobs.get(partition) ?? [];
        list.push({ key, note });
        noteJobs.set(partition, list);
      });
    });
    if (noteJobs.size && linkKey !== this.#linkKey) {
      this.#linkVersion++;
      await pool.broadcast("linkTargets", { version: this.#linkVersion, targets, baseUrl: edition.meta.base_url });
      this.#linkKey = linkKey;
    }
    await Promise.all(
      [...noteJobs].map(async ([partition, list]) => {
        const ref = this.#store(partition.name);
        const { results } = await pool.run("notes", {
          store: ref,
          linkVersion: this.#linkVersion,
          jobs: list.map(({ key, note }) => ({ key, path: note.annotation.origin.file.path, body: note.annotation.body, bodyStartLine: note.annotation.origin.bodyStartLine, idScope: noteIdScope(note.annotation) })),
        });
        this.#savedStore(ref);
        results.forEach((result, j) => {
          const { key } = list[j]!;
          noteResults.set(key, result);
          lean.notes.set(key, { store: partition.name, value: result });
          this.#leanDirty = true;
        });
      }),
    );
    entries.forEach(({ notes }, i) => notes.forEach(({ annotation }, j) => { for (const stored of noteResults.get(nKeys[i]![j]!)!.messages) replayMessage(annotation.origin, stored); }));
    this.#checkedLinks = linkKey;

    checkLineStability(edition, new Map(entries.map(({ message, lines }) => [message.id, lines])));

    // Editorial pages, rendered here with the notes' cross-links so that `check` reports their broken links too.
    let markdown: NoteRenderer | undefined;
    const editorial = new Map<string, string>();
    for (const page of edition.pages) {
      const key = contentHash([page.body, page.origin.bodyStartLine, linkKey]);
      let done = this.#editorial.get(page.origin.file.path);
      if (done?.key !== key) {
        const rendered = (markdown ??= new NoteRenderer(schemes)).render({ path: page.origin.file.path, body: page.body, bodyStartLine: page.origin.bodyStartLine });
        this.#editorial.set(page.origin.file.path, (done = { key, html: rendered.html, messages: rendered.messages }));
      }
      for (const stored of done.messages) replayMessage(page.origin, stored);
      editorial.set(page.origin.file.path, done.html);
    }

    if (this.#pruneLean(lean, tKeys, nKeys.flat()) || this.#leanDirty) await this.#saveLean(lean);
    this.#timings.render = performance.now() - loaded;
    const errors = countErrors(files);
    this.#current = { edition, files, schemes };
    const rendered = { transcripts: [...jobs.values()].reduce((n, list) => n + list.length, 0), notes: [...noteJobs.values()].reduce((n, list) => n + list.length, 0) };
    return { files, errors, edition, entries, rendered, state: { edition, entries, units, partitions, tKeys, nKeys, editorial, urls } };
  }

  /** Keeps only what this build used, so that the cache does not grow with every edit; says whether it removed any. */
  #pruneLean(lean: LeanCache, tKeys: string[], nKeys: string[]): boolean {
    if (lean.transcripts.size === tKeys.length && lean.notes.size === nKeys.length) return false;
    const keepT = new Set(tKeys);
    const keepN = new Set(nKeys);
    let pruned = false;
    for (const key of lean.transcripts.keys()) if (!keepT.has(key)) pruned = lean.transcripts.delete(key);
    for (const key of lean.notes.keys()) if (!keepN.has(key)) pruned = lean.notes.delete(key) || pruned;
    return pruned;
  }

  /**
   * Saves the lean cache: at once in a one-off build, and a moment after the last of a run of saves in a watching
   * server, where it only matters to the next process (a lost save costs that process a render, never a wrong page).
   */
  async #saveLean(lean: LeanCache): Promise<void> {
    this.#leanDirty = false;
    await this.#later("lean", () => this.#save(path.join(this.#cacheDir, "lean.v8"), lean));
  }

  readonly #pending = new Map<string, { timer: NodeJS.Timeout; save: () => Promise<void> }>();
  #saves = 0;

  /**
   * Saves at once in a one-off build; a moment after the last of a run of saves in a watching server, where what is
   * saved matters only to the next process (a save lost costs it work, never a wrong page: the manifest is saved
   * after the pages it describes, and an older one only has more pages written again).
   */
  async #later(name: string, save: () => Promise<void>): Promise<void> {
    if (!this.#options.watch) return save();
    clearTimeout(this.#pending.get(name)?.timer);
    const timer = setTimeout(() => {
      this.#pending.delete(name);
      void save();
    }, 2000);
    timer.unref();
    this.#pending.set(name, { timer, save });
  }

  /** A rendered transcript's problems, at their places in the editor's files. */
  #reportTranscript(message: Message, done: LeanTranscript, annotationsById: Map<string, Annotation>): void {
    for (const stored of done.messages) replayMessage(message.origin, stored);
    for (const line of done.lines)
      if (/\{\{|\{%/.test(line.text))
        report(message.origin.file, `Line ${line.label} contains template syntax ({{ or {%), which is shown as text`, {
          ruleId: "template-syntax",
          severity: "warning",
          place: { line: line.sourceLine ?? message.origin.bodyStartLine, column: 1 },
          hint: "Nothing to do if the transcript really contains these characters: they are never run as a template.",
        });
    for (const problem of done.labelProblems)
      report(message.origin.file, problem.message, { ruleId: "line-labels", place: message.origin.places.inserted_after, hint: problem.hint });
    for (const { id, problem } of done.failures) {
      const { origin } = annotationsById.get(id)!;
      report(origin.file, problem.message, { ruleId: problem.rule, place: origin.places[problem.field] ?? origin.places.anchor, hint: problem.hint });
    }
    for (const note of done.anchored) {
      if (!note.moved) continue;
      const { origin } = annotationsById.get(note.id)!;
      const { moved } = note;
      report(
        origin.file,
        moved.reason === "context"
          ? `Note moved: the words around "${moved.old}" changed; it is now anchored on line ${note.firstLine}`
          : `Note moved: "${moved.old}" is no longer in ${message.id}; it is now anchored to "${moved.found}" on line ${note.firstLine}, where it was in version ${moved.version} (${Math.round(moved.similarity * 100)}% similar)`,
        {
          ruleId: "moved-note",
          severity: "warning",
          place: origin.places["anchor.quote"] ?? origin.places.anchor,
          hint: "Check that the note still fits its passage, then run `npm run check -- --fix` to store the new anchor.",
        },
      );
    }
  }

  #timings: StageTimings = { load: 0, render: 0, write: 0, total: 0, eleventy: 0, pagefind: 0 };

  async #readManifest(program: string): Promise<Manifest> {
    try {
      const manifest = JSON.parse(await readFile(this.#manifestFile(), "utf8")) as Manifest;
      if (manifest.program === program) return manifest;
    } catch {
      // No manifest: everything is written.
    }
    return emptyManifest(program);
  }

  #manifestFile(): string {
    return path.join(this.#cacheDir, "builds", `${contentHash(this.outputDir)}.json`);
  }

  /**
   * Checks the edition, then writes what changed since the last build into the output folder, and removes what
   * the site no longer has. Throws the edition's report if it has errors, before writing anything.
   */
  async build(options: { changed?: Iterable<string> } = {}): Promise<BuildOutcome> {
    const started = performance.now();
    const checked = await this.check(options);
    if (checked.errors || !checked.state) throw new EditionError(checked.files, this.root);
    const writeStart = performance.now();
    const { program, pool } = await this.#setup();
    this.#record ??= await OutputRecord.open(this.outputDir, this.root);
    const manifest = (this.#manifest ??= await this.#readManifest(program));
    const record = this.#record;
    const plan = planBuild(checked.state, manifest, program, (file) => record.has(file), this.#keys, this.#options.shard);
    const timings = this.#timings;

    const previousBundles = Object.entries(manifest.bundles).map(([name, bundle]) => [name, bundle.folder] as const);
    const prefix = new URL(checked.state.edition.meta.base_url).pathname;
    const fileOfPage = (page: string) => `${page.slice(prefix.length)}${page.endsWith("/") ? "index.html" : ""}`;
    await record.writing(
      [...plan.pageKeys.keys()].map(fileOfPage).concat([...plan.exportFiles], [`assets/${PREVIEW_IMAGE}`, `${SHARED_BUNDLE_FOLDER}${HIGHLIGHTER}`]),
      // A bundle is written in folders beside its own (jobs.ts), named after it.
      plan.partitions.flatMap((job) => (job.payload.index ? [job.payload.index.bundleFolder.replace(/\/$/, "")] : [])).concat(plan.assets ? ["assets/"] : []),
    );

    // Partitions' jobs on the workers; the edition's pages on this thread meanwhile, and its exports after them.
    const pageChecks: PageChecks[] = [];
    const written: string[] = [];
    let pagefindMs = 0;
    let eleventyMs = 0;
    const partitionJobs = plan.partitions.map(async (job) => {
      const ref = this.#store(job.payload.store.name);
      const jobStart = performance.now();
      const exports = job.payload.exports && { ...job.payload.exports, file: exportSlicesFile(this.#cacheDir, job.name) };
      const result: PartitionResult = await pool.run("partition", { ...job.payload, exports, store: ref, root: this.root, outputDir: this.outputDir });
      this.#savedStore(ref);
      eleventyMs += performance.now() - jobStart - result.pagefindMs;
      pagefindMs += result.pagefindMs;
      pageChecks.push(result.checks);
      written.push(...result.written);
      if (result.bundle) {
        written.push(...result.bundle.files);
        manifest.bundles[job.name] = { key: job.bundleKey!, folder: job.payload.index!.bundleFolder, pageCount: result.bundle.pageCount };
      }
      if (job.payload.exports) manifest.slices[job.name] = job.slicesKey!;
    });
    const editionStart = performance.now();
    const editionPages = this.#writeEditionPages(checked.state, plan, pageChecks, written).then(() => {
      if (process.env.EDITION_TRACE) console.error(`[edition] pages in ${Math.round(performance.now() - editionStart)} ms`);
    });
    await editionPages;
    eleventyMs += performance.now() - editionStart;
    await Promise.all(partitionJobs);
    if (plan.exports) {
      const slices: ExportSlices[] = [];
      for (const partition of checked.state.partitions)
        slices.push(JSON.parse(await readFile(exportSlicesFile(this.#cacheDir, partition.name), "utf8")) as ExportSlices);
      const urls = checked.state.urls;
      const texts = joinExports(
        {
          edition: checked.state.edition,
          exportUrl: (name) => urls.absolute(urls.exportFile(name)),
          describe: () => "",
        },
        slices,
      );
      const model = new EditionModel(editionModelData(checked.state, plan));
      const pages = await writePages(
        { kind: "edition", model, pages: new Set(), units: new Set(), editorial: new Map(), exports: new Map([...texts].map(([name, text]) => [name, () => Promise.resolve(text)])) },
        { root: this.root, outputDir: this.outputDir },
      );
      written.push(...pages.map((page) => page.outputPath));
      manifest.exports = plan.exportsKey;
    }

    // Keys are recorded only now that every page is written: a failed build writes them all again next time.
    for (const [page, key] of plan.pageKeys) manifest.pages[page] = key;
    for (const page of Object.keys(manifest.pages)) if (!plan.pageKeys.has(page)) delete manifest.pages[page];
    for (const checks of pageChecks) for (const [page, ids] of checks.ids) manifest.ids[page] = ids;
    for (const page of Object.keys(manifest.ids)) if (!plan.pageKeys.has(page)) delete manifest.ids[page];
    for (const name of Object.keys(manifest.bundles)) if (!plan.bundleNames.has(name)) delete manifest.bundles[name];
    for (const name of Object.keys(manifest.slices)) if (!plan.bundleNames.has(name)) delete manifest.slices[name];

    record.wrote(written);
    // What the site no longer has: pages it no longer makes, and the old files of every search bundle rebuilt or gone.
    const pageFiles = new Set([...plan.pageKeys.keys()].map(fileOfPage));
    const stale = [...record.files()].filter((file) => file.endsWith("index.html") && !pageFiles.has(file));
    for (const [name, folder] of previousBundles)
      if (!plan.bundleNames.has(name) || plan.partitions.some((job) => job.name === name && job.payload.index)) stale.push(...record.filesUnder(folder));
    if (plan.assets) stale.push(...record.filesUnder("assets/"));
    const removed = await record.finish(stale);

    // The site checks its own output: every link of every page written now, against the site as it now stands.
    const problems = pageChecks.flatMap((checks) => checks.problems);
    const idsOf = new Map<string, Set<string>>();
    const entriesByPage = new Map(checked.state.entries.map((entry) => [checked.state!.urls.message(entry.message.id), entry]));
    problems.push(
      ...checkLinks(
        pageChecks.flatMap((checks) => checks.links),
        {
          prefix,
          pageIds(page) {
            if (plan.elsewhere.has(page)) {
              // Another shard writes it: its line and note anchors are known from the edition; the rest is its own.
              const entry = entriesByPage.get(page);
              const anchors = new Set(entry ? messageAnchors(entry) : []);
              return { has: (id: string) => anchors.has(id) || !(entry && MESSAGE_ANCHOR.test(id)) };
            }
            let ids = idsOf.get(page);
            if (ids) return ids;
            const own = manifest.ids[page];
            if (own === undefined) return undefined;
            const entry = entriesByPage.get(page);
            ids = new Set([...(own ? own.split(" ") : []), ...(entry ? messageAnchors(entry) : [])]);
            idsOf.set(page, ids);
            return ids;
          },
          // Other shards' search bundles are linked to from the search page.
          hasFile: (file) => record.has(file.slice(prefix.length)) || (this.#options.shard !== undefined && file.startsWith(`${prefix}pagefind/`)),
        },
      ),
    );
    if (problems.length) {
      // Nothing of this build is trusted: its keys are forgotten, so that the next build writes everything again.
      this.#manifest = emptyManifest(program);
      clearTimeout(this.#pending.get("manifest")?.timer);
      this.#pending.delete("manifest");
      await this.#save(this.#manifestFile(), JSON.stringify(this.#manifest));
      throw new SiteVerificationError(problems);
    }
    if (written.length || removed.length) await this.#later("manifest", () => this.#save(this.#manifestFile(), JSON.stringify(manifest)));

    const finished = performance.now();
    timings.write = finished - writeStart;
    timings.total = finished - started;
    timings.eleventy = eleventyMs;
    timings.pagefind = pagefindMs;
    const indexedPages = Object.values(manifest.bundles).reduce((sum, bundle) => sum + bundle.pageCount, 0);
    return { outputDir: this.outputDir, indexedPages, written: written.length, removed, timings, files: checked.files };
  }

  async #writeEditionPages(state: Checked, plan: BuildPlan, pageChecks: PageChecks[], written: string[]): Promise<void> {
    if (!plan.edition.pages.size && !plan.edition.units.size && !plan.edition.editorial.size && !plan.assets && !plan.preview) return;
    const model = new EditionModel(editionModelData(state, plan));
    const editorial = new Map([...state.editorial].filter(([file]) => plan.edition.editorial.has(file)));
    const pages = await writePages(
      {
        kind: "edition",
        model,
        pages: plan.edition.pages,
        units: plan.edition.units,
        editorial,
        exports: new Map(),
      },
      { root: this.root, outputDir: this.outputDir },
    );
    written.push(...pages.map((page) => page.outputPath));
    pageChecks.push(checkPages(new URL(model.edition.meta.base_url).pathname, pages, new Map()));
    if (plan.assets) {
      const assets = path.join(this.outputDir, "assets");
      await mkdir(assets, { recursive: true });
      for (const name of await readdir(SITE_ASSETS)) {
        await copyFile(path.join(SITE_ASSETS, name), path.join(assets, name));
        written.push(path.join(assets, name));
      }
      await bundleClientScripts(CLIENT_SOURCES, assets);
      for (const name of await readdir(assets)) written.push(path.join(assets, name));
      plan.assetFiles.clear();
      for (const name of await readdir(assets)) plan.assetFiles.add(`assets/${name}`);
      this.#manifest!.assets = plan.assetsKey;
    }
    if (plan.preview && state.edition.previewImage) {
      const target = path.join(this.outputDir, "assets", PREVIEW_IMAGE);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(state.edition.previewImage.path, target);
      written.push(target);
      plan.assetFiles.add(`assets/${PREVIEW_IMAGE}`);
    }
  }

  #current: CurrentEdition | undefined;

  /**
   * The edition as the last check loaded it, its files with their problems, and the link targets its notes were
   * rendered with: what annotating in `npm start` (src/annotate/) checks a note against and previews it with, so
   * that it needs no second load of the edition.
   */
  get current(): CurrentEdition | undefined {
    return this.#current;
  }

  get timings(): StageTimings {
    return this.#timings;
  }

  async close(): Promise<void> {
    for (const { timer, save } of this.#pending.values()) {
      clearTimeout(timer);
      await save();
    }
    this.#pending.clear();
    await this.#pool?.close();
    this.#pool = undefined;
  }
}


export interface CurrentEdition {
  edition: Edition;
  files: VFile[];
  schemes: LinkSchemes;
}

/** What a check found, for the build to plan from. */
export interface Checked {
  edition: Edition;
  entries: MessageEntry[];
  units: ThreadUnit[];
  partitions: Partition[];
  tKeys: string[];
  nKeys: string[][];
  /** Editorial pages' HTML, by file. */
  editorial: Map<string, string>;
  urls: SiteUrls;
}

interface PartitionPlan {
  name: string;
  payload: Omit<PartitionPayload, "root" | "outputDir">;
  bundleKey?: string;
  slicesKey?: string;
}

interface BuildPlan {
  pageKeys: Map<string, string>;
  /** Pages of the site that other shards write. */
  elsewhere: Set<string>;
  partitions: PartitionPlan[];
  edition: { pages: Set<EditionPage>; units: Set<string>; editorial: Set<string> };
  bundles: SiteModelData["bundles"];
  bundleNames: Set<string>;
  exports: boolean;
  exportsKey: string;
  exportFiles: Set<string>;
  assets: boolean;
  assetsKey: string;
  assetFiles: Set<string>;
  preview: boolean;
}

function shellOf(edition: Edition): EditionShell {
  return {
    meta: edition.meta,
    people: edition.people,
    sources: edition.sources,
    pages: edition.pages.map((page): PageInfo => portable(page)),
    changelog: edition.changelog,
    previewImage: edition.previewImage,
  };
}

function editionModelData(state: Checked, plan: BuildPlan) {
  return {
    shell: shellOf(state.edition),
    units: state.units,
    totals: { messages: state.entries.length, notes: state.edition.annotationCount },
    bundles: plan.bundles,
    messages: state.entries,
  };
}

/** The folder of a partition's Pagefind bundle: the site's pagefind/, or one per partition under it. */
const bundleFolder = (partitions: readonly Partition[], partition: Partition) => (partitions.length === 1 ? SHARED_BUNDLE_FOLDER : `${SHARED_BUNDLE_FOLDER}${partition.name}/`);

/** The site paths of the partitions' bundles, in reading order: the first is the primary, merged with the others. */
function searchBundles(partitions: readonly Partition[], prefix: string): SiteModelData["bundles"] {
  const folders = partitions.length ? partitions.map((partition) => bundleFolder(partitions, partition)) : ["pagefind/"];
  return {
    primary: `${prefix}${folders[0]}`,
    merge: folders.slice(1).map((folder) => `${prefix}${folder}`),
    ranges: partitions.length ? partitions.map((partition): [number, number] => [partition.start, partition.end]) : [[0, 0]],
  };
}

/** Works out, from each page's key, what this build writes. */
function planBuild(state: Checked, manifest: Manifest, program: string, onDisk: (file: string) => boolean, keys: Keys, shard?: Shard): BuildPlan {
  const { edition, entries, units, partitions, urls } = state;
  const shell = shellOf(edition);
  const shellKey = contentHash([program, shell.meta, [...shell.people], [...shell.sources], shell.pages.map(({ body: _body, ...info }) => info), shell.previewImage]);
  const fronts = entries.map(({ message }) => keys.front(message));
  // A transcript's key stands for its lines and where its notes are anchored, which follow from it.
  const entryKeys = entries.map((entry, i) => contentHash(`${fronts[i]} ${state.tKeys[i]} ${entry.notes.map(({ annotation }, j) => `${state.nKeys[i]![j]}:${keys.annotation(annotation)}`).join(" ")}`));
  const summaries = entries.map(({ lines, notes }, i) => contentHash(`${fronts[i]} ${lines.length} ${notes.length} ${lines[0]?.text ?? ""}`));
  const unitsKey = contentHash(units.map(({ key, start, end, pages }) => [key, end - start, pages]));
  const prefix = new URL(edition.meta.base_url).pathname;
  const bundles = searchBundles(partitions, prefix);
  const pageKeys = new Map<string, string>();
  const fileOf = (page: string) => `${page.slice(prefix.length)}${page.endsWith("/") || page === prefix ? "index.html" : ""}`;
  const changed = (page: string, key: string) => {
    pageKeys.set(page, key);
    return manifest.pages[page] !== key || !onDisk(fileOf(page));
  };
  const opener = entries.find(({ message }) => isPrivate(message))?.message.from;
  const width = labelWidth(entries);

  const plans: PartitionPlan[] = [];
  const slicesKeys: string[] = [];
  const bundleNames = new Set<string>();
  const mine = shardPartitions(partitions, shard);
  // Shard 1 writes the edition's own pages and its exports, for which it needs every partition's slices.
  const writesEdition = !shard || shard.index === 1;
  /** Pages other shards write: links to them are checked against what they will hold. */
  const elsewhere = new Set<string>();
  let lastPrivate: Message | undefined;
  partitions.forEach((partition) => {
    const own = entries.slice(partition.start, partition.end);
    const before = lastPrivate;
    for (const { message } of own) if (isPrivate(message)) lastPrivate = message;
    const ours = mine.has(partition.name);
    if (ours) bundleNames.add(partition.name);
    const writeMessages: string[] = [];
    for (let i = partition.start; i < partition.end; i++) {
      const { message } = entries[i]!;
      const page = urls.message(message.id);
      if (!ours) {
        elsewhere.add(page);
        continue;
      }
      const unit = partition.units.find((u) => i >= u.start && i < u.end)!;
      if (changed(page, contentHash([shellKey, entryKeys[i], fronts[i - 1] ?? "", fronts[i + 1] ?? "", unit.key, units.length > 1 || unit.key !== "all"]))) writeMessages.push(message.id);
    }
    const writeUnits: string[] = [];
    let unitBefore = before;
    for (const unit of partition.units) {
      const page = urls.conversation(unit.key);
      const key = contentHash([shellKey, unitsKey, opener, unitBefore ? keys.front(unitBefore) : "", entryKeys.slice(unit.start, unit.end)]);
      if (!ours) elsewhere.add(page);
      else if (changed(page, key)) writeUnits.push(unit.key);
      for (let i = unit.start; i < unit.end; i++) if (isPrivate(entries[i]!.message)) unitBefore = entries[i]!.message;
    }
    const folder = bundleFolder(partitions, partition);
    const bundleKey = contentHash([shellKey, folder, entryKeys.slice(partition.start, partition.end)]);
    const previousBundle = manifest.bundles[partition.name];
    const index = ours && (!previousBundle || previousBundle.key !== bundleKey || !onDisk(`${folder}pagefind-entry.json`));
    const slicesKey = contentHash([shellKey, width, entryKeys.slice(partition.start, partition.end)]);
    slicesKeys.push(slicesKey);
    const slices = writesEdition && manifest.slices[partition.name] !== slicesKey;
    if (writesEdition) bundleNames.add(partition.name);
    if (!writeMessages.length && !writeUnits.length && !index && !slices) return;
    const data: PartitionPayload["data"] = {
      shell,
      units,
      totals: { messages: entries.length, notes: edition.annotationCount },
      bundles,
      partition: {
        name: partition.name,
        offset: partition.start,
        units: partition.units,
        messages: own.map(({ message, lines, notes }) => ({ message: portable(message), lines, notes: notes.map(({ annotation, anchored }) => ({ annotation: portable(annotation), anchored })) })),
        previous: entries[partition.start - 1] ? portable(entries[partition.start - 1]!.message) : undefined,
        next: entries[partition.end] ? portable(entries[partition.end]!.message) : undefined,
        before: before ? portable(before) : undefined,
        opener,
      },
    };
    plans.push({
      name: partition.name,
      bundleKey,
      slicesKey,
      payload: {
        store: { name: partition.name, version: 0 },
        data,
        keys: { transcripts: state.tKeys.slice(partition.start, partition.end), notes: state.nKeys.slice(partition.start, partition.end), entries: entryKeys.slice(partition.start, partition.end) },
        write: { messages: writeMessages, units: writeUnits },
        index: index ? { bundleFolder: folder, language: edition.meta.language } : undefined,
        exports: slices ? { file: "", width, key: contentHash([shellKey, width]) } : undefined,
      },
    });
  });

  // The edition's own pages.
  const pages = new Set<EditionPage>();
  if (!writesEdition) {
    for (const page of [urls.home(), urls.conversation(), urls.people(), urls.sources(), urls.search(), urls.changelog(), ...edition.pages.map((p) => urls.page(p.slug)), ...units.map((u) => urls.thread(u.key))]) elsewhere.add(page);
    return {
      pageKeys,
      elsewhere,
      partitions: plans,
      edition: { pages, units: new Set(), editorial: new Set() },
      bundles,
      bundleNames,
      exports: false,
      exportsKey: "",
      exportFiles: new Set(),
      assets: manifest.assets !== contentHash([program]) || !onDisk("assets/site.js"),
      assetsKey: contentHash([program]),
      assetFiles: new Set(),
      preview: false,
    };
  }
  const allFronts = contentHash(fronts);
  const paged = units.length > 1 || units[0]?.key !== "all";
  if (changed(urls.home(), contentHash([shellKey, unitsKey, edition.annotationCount, allFronts, paged ? "" : summaries]))) pages.add("home");
  const threadUnits = new Set<string>();
  if (paged) {
    for (const unit of units) if (changed(urls.thread(unit.key), contentHash([shellKey, unitsKey, summaries.slice(unit.start, unit.end)]))) threadUnits.add(unit.key);
    if (changed(urls.conversation(), contentHash([shellKey, unitsKey, opener]))) pages.add("conversation-index");
  }
  const counts = contentHash(entries.map(({ message }) => [message.from, message.to]));
  if (changed(urls.people(), contentHash([shellKey, counts]))) pages.add("people");
  if (changed(urls.sources(), contentHash([shellKey, allFronts, entries.map(({ notes }) => notes.map(({ annotation }) => [annotation.id, annotation.kind, annotation.sources]))]))) pages.add("sources");
  if (changed(urls.search(), contentHash([shellKey, bundles]))) pages.add("search");
  if (changed(urls.changelog(), contentHash([shellKey, edition.changelog, [...edition.annotationsByMessage.values()].flat().map((a) => [a.id, a.target])]))) pages.add("changelog");
  const editorial = new Set<string>();
  for (const page of edition.pages) {
    const file = state.editorial.get(page.origin.file.path)!;
    if (changed(urls.page(page.slug), contentHash([shellKey, portable(page), file]))) editorial.add(page.origin.file.path);
  }

  const assetsKey = contentHash([program]);
  const exportNames = [ANNOTATIONS_EXPORT, MESSAGES_EXPORT, CSL_EXPORT, TRANSCRIPT_EXPORT];
  const exportsKey = contentHash([shellKey, partitions.map((partition) => partition.name), slicesKeys]);
  const exportFiles = new Set(exportNames.map((name) => permalinks.exportFile(name).slice(1)));
  return {
    pageKeys,
    elsewhere,
    partitions: plans,
    edition: { pages, units: threadUnits, editorial },
    bundles,
    bundleNames,
    exports: manifest.exports !== exportsKey || [...exportFiles].some((file) => !onDisk(file)),
    exportsKey,
    exportFiles,
    assets: manifest.assets !== assetsKey || !onDisk("assets/site.js"),
    assetsKey,
    assetFiles: new Set(),
    preview: true,
  };
}

/**
 * The edition as the pages of the whole edition see it (every message's entry, without HTML), for commands and
 * tests that read an edition without building it. Undefined `model` when the edition has errors.
 */
export async function readEdition(root: string, options: PartitionOptions = {}): Promise<{ files: VFile[]; model?: EditionModel; edition?: Edition }> {
  const run = new EditionBuild({ root, ...options });
  try {
    const { files, errors, state } = await run.check();
    if (errors || !state) return { files };
    const bundles = searchBundles(state.partitions, new URL(state.edition.meta.base_url).pathname);
    return { files, edition: state.edition, model: new EditionModel({ shell: shellOf(state.edition), units: state.units, totals: { messages: state.entries.length, notes: state.edition.annotationCount }, bundles, messages: state.entries }) };
  } finally {
    await run.close();
  }
}
