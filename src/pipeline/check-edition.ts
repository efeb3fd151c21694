// The check stage: load the edition and check it, render and anchor it, and report every problem in every file, for
// the whole edition, on every run; after an edit, redo only what the edit changed. `npm run check` and
// `npm run line-map` stop here; a build (edition-build.ts) goes on to write the site.
//
// The main thread loads every file (keeping each file's parse until the file changes) and runs every check between
// files. Rendering happens in partitions (partitions.ts), on worker threads: a partition's transcripts and notes are
// rendered into its store (partition-store.ts), and the main thread keeps an entry per message (its lines, where its
// notes are anchored, its problems), never the whole edition's HTML.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { deserialize, serialize } from "node:v8";
import type { VFile } from "vfile";
import { checkLineStability, publishedAnchors } from "../anchor/line-stability.ts";
import type { PublishedAnchor } from "../anchor/resolve-anchor.ts";
import { countErrors, report } from "../load/diagnostics.ts";
import { EditionLoader } from "../load/load-edition.ts";
import type { Annotation, Edition, FileOrigin, Message } from "../load/model.ts";
import { linkSchemes, linksHold, type LinkSchemes, type LinkTargets } from "../render/link-targets.ts";
import { NoteRenderer } from "../render/note-job.ts";
import { contentHash, programHash } from "../render/render-cache.ts";
import type { MessageEntry, NoteEntry } from "../render/rendered.ts";
import { transcriptJob, type StoredMessage, type TranscriptJob } from "../render/transcript-job.ts";
import { siteUrls, type SiteUrls } from "../site/urls.ts";
import type { LeanNote, LeanTranscript, StoreRef } from "./jobs.ts";
import { partitionEdition, type Partition, type PartitionOptions, type ThreadUnit } from "./partitions.ts";
import { defaultThreadCount, WorkerPool } from "./worker-pool.ts";

export interface EditionCheckOptions extends PartitionOptions {
  root: string;
  /** Worker threads (default: one per core). */
  threads?: number;
  /** Keep rendered partitions in the workers' memory between builds: for a watching server. */
  watch?: boolean;
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

interface Cached<T> {
  store: string;
  value: T;
}

interface LeanCache {
  program: string;
  transcripts: Map<string, Cached<LeanTranscript>>;
  notes: Map<string, Cached<LeanNote>>;
}

/** A note shares its message's page with the transcript and the other notes: its footnotes are scoped by its id. */
const noteIdScope = (annotation: Annotation) => `note-${annotation.id}-`;

/** A message's month, the thread page it belongs to. */
const monthOf = (message: Message) => message.time.date.slice(0, 7);

/** A message or note as a worker thread gets it: without where its file is, which only the main thread reports on. */
export function portable<T extends { origin: FileOrigin }>(value: T): T {
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
export class Keys {
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
export class EditionCheck {
  readonly root: string;
  protected readonly options: EditionCheckOptions;
  readonly #loader: EditionLoader;
  protected readonly cacheDir: string;
  #pool: WorkerPool | undefined;
  #program: string | undefined;
  #lean: LeanCache | undefined;
  readonly #storeVersions = new Map<string, number>();
  #linkVersion = 0;
  #linkKey = "";
  protected readonly keys = new Keys();
  /** Whether the lean cache has entries not yet saved. */
  #leanDirty = false;
  /** The link targets the cached notes were last checked against: while they stand, the checks stand too. */
  #checkedLinks = "";
  #editorial = new Map<string, { key: string; html: string; messages: StoredMessage[] }>();

  constructor(options: EditionCheckOptions) {
    this.options = options;
    this.root = path.resolve(options.root);
    this.#loader = new EditionLoader(this.root);
    this.cacheDir = path.join(this.root, ".cache");
  }

  protected async setup(partitions = 1): Promise<{ pool: WorkerPool; program: string; lean: LeanCache }> {
    const program = (this.#program ??= await programHash());
    if (!this.#pool) {
      // More threads than partitions would have nothing to do.
      this.#pool = new WorkerPool(Math.min(this.options.threads ?? defaultThreadCount(), Math.max(1, partitions)));
      await this.#pool.broadcast("setup", { program, cacheDir: this.cacheDir, keepStores: this.options.watch === true });
    }
    this.#lean ??= await this.#readLean(program);
    return { pool: this.#pool, program, lean: this.#lean };
  }

  async #readLean(program: string): Promise<LeanCache> {
    try {
      const stored = deserialize(await readFile(path.join(this.cacheDir, "lean.v8"))) as LeanCache;
      if (stored.program === program) return stored;
    } catch {
      // No cache yet, or one written by another version of Node: start empty.
    }
    return { program, transcripts: new Map(), notes: new Map() };
  }

  protected async save(file: string, data: unknown): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${++this.#saves}`;
    await writeFile(temporary, typeof data === "string" ? data : serialize(data));
    await rename(temporary, file);
  }

  /**
   * Where a partition's job runs: in a watching server always on the same thread, which keeps the partition's store
   * in memory between edits; otherwise on the next free one.
   */
  protected placement(partition: string): { on?: string } {
    return this.#settled ? { on: partition } : {};
  }

  protected storeRef(name: string): StoreRef {
    return { name, version: this.#storeVersions.get(name) ?? 0, kept: this.#settled };
  }

  /**
   * Whether a watching server has had its first check: from then on each partition's jobs stay on one thread,
   * while the first, which renders everything, spreads over all of them.
   */
  #settled = false;

  /** A watching server's first build is done (see #settled). */
  protected settle(): void {
    if (this.options.watch) this.#settled = true;
  }

  protected savedStore(ref: StoreRef): void {
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
    this.stageTimings = { load: loaded - started, render: 0, write: 0, total: 0, eleventy: 0, pagefind: 0 };
    // Render even when loading found problems, so that anchoring problems are reported in the same pass.
    if (!edition) {
      this.#current = undefined;
      return { files, errors: countErrors(files) };
    }
    const { units, partitions } = partitionEdition(edition.messages.map(monthOf), this.options);
    const { pool, lean } = await this.setup(partitions.length);
    const partitionOf: Partition[] = [];
    for (const partition of partitions) for (let i = partition.start; i < partition.end; i++) partitionOf[i] = partition;

    // Transcripts: what the lean cache does not hold, rendered in its partition's store.
    const annotationsOf = (message: Message) => edition.annotationsByMessage.get(message.id) ?? [];
    const keys = this.keys;
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
        const ref = this.storeRef(partition.name);
        const { results } = await pool.run("transcripts", { store: ref, jobs: list.map(({ index: _index, ...job }) => job) }, this.placement(partition.name));
        this.savedStore(ref);
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
        const ref = this.storeRef(partition.name);
        const { results } = await pool.run("notes", {
          store: ref,
          linkVersion: this.#linkVersion,
          jobs: list.map(({ key, note }) => ({ key, path: note.annotation.origin.file.path, body: note.annotation.body, bodyStartLine: note.annotation.origin.bodyStartLine, idScope: noteIdScope(note.annotation) })),
        }, this.placement(partition.name));
        this.savedStore(ref);
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
    this.stageTimings.render = performance.now() - loaded;
    const errors = countErrors(files);
    const rendered = { transcripts: [...jobs.values()].reduce((n, list) => n + list.length, 0), notes: [...noteJobs.values()].reduce((n, list) => n + list.length, 0) };
    this.#current = { edition, files, schemes };
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
    await this.later("lean", async () => {
      // The lean cache names the stores its entries are in: they are saved first (kept in memory by a watching server).
      if (this.options.watch) await this.#pool?.broadcast("flush", {});
      await this.save(path.join(this.cacheDir, "lean.v8"), lean);
    });
  }

  protected readonly pending = new Map<string, { timer: NodeJS.Timeout; save: () => Promise<void> }>();
  #saves = 0;

  /**
   * Saves at once in a one-off build; a moment after the last of a run of saves in a watching server, where what is
   * saved matters only to the next process (a save lost costs it work, never a wrong page: the manifest is saved
   * after the pages it describes, and an older one only has more pages written again).
   */
  protected async later(name: string, save: () => Promise<void>): Promise<void> {
    if (!this.options.watch) return save();
    clearTimeout(this.pending.get(name)?.timer);
    const timer = setTimeout(() => {
      this.pending.delete(name);
      void save();
    }, 2000);
    timer.unref();
    this.pending.set(name, { timer, save });
  }

  /** A rendered transcript's problems, at their places in the editor's files. */
  #reportTranscript(message: Message, done: LeanTranscript, annotationsById: Map<string, Annotation>): void {
    for (const stored of done.messages) replayMessage(message.origin, stored);
    for (const line of done.lines)
      if (/\{\{|\{%/.test(line.text))
        report(message.origin.file, `Line ${line.label} contains template syntax ({{ or {%), which is shown as text`, {
          ruleId: "template-syntax",
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
          place: origin.places["anchor.quote"] ?? origin.places.anchor,
          hint: "Check that the note still fits its passage, then run `npm run check -- --fix` to store the new anchor.",
        },
      );
    }
  }

  protected stageTimings: StageTimings = { load: 0, render: 0, write: 0, total: 0, eleventy: 0, pagefind: 0 };

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
    return this.stageTimings;
  }

  async close(): Promise<void> {
    for (const { timer, save } of this.pending.values()) {
      clearTimeout(timer);
      await save();
    }
    this.pending.clear();
    // Stores a watching server kept in memory are written before their threads end.
    if (this.#settled) await this.#pool?.broadcast("flush", {});
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

