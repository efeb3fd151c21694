// The build: check the edition (check-edition.ts), then write what changed since the last build into the output
// folder, and remove what the site no longer has. Each partition's pages, its Pagefind bundle and its slices of the
// exports are written on a worker thread from its store; the edition's own pages and exports are written here. A
// page is written again exactly when its key changed: a hash of everything it is made from.
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { VFile } from "vfile";
import { labelWidth, ANNOTATIONS_EXPORT, CSL_EXPORT, MESSAGES_EXPORT, TRANSCRIPT_EXPORT } from "../cite/exports.ts";
import { EditionError } from "../load/diagnostics.ts";
import type { Edition, Message } from "../load/model.ts";
import { contentHash } from "../render/render-cache.ts";
import { bundleClientScripts } from "../site/client-bundle.ts";
import type { EditionPage } from "../site/eleventy-plugin.ts";
import { PREVIEW_IMAGE } from "../site/layout.tsx";
import { EditionModel, type EditionShell, type PageInfo, type SiteModelData } from "../site/site-model.ts";
import { permalinks } from "../site/urls.ts";
import { checkLinks, checkPages, MESSAGE_ANCHOR, messageAnchors, SiteVerificationError, type PageChecks } from "../site/verify-site.ts";
import { writePages } from "../site/write-pages.ts";
import { isPrivate } from "../site/conversation.ts";
import { EditionCheck, Keys, portable, type Checked, type EditionCheckOptions, type StageTimings } from "./check-edition.ts";
import { writeExports } from "./export-files.ts";
import { exportSlicesFile, HIGHLIGHTER, SHARED_BUNDLE_FOLDER, type PartitionPayload, type PartitionResult } from "./jobs.ts";
import { OutputRecord } from "./output-record.ts";
import type { Partition, PartitionOptions } from "./partitions.ts";
import { shardPartitions, type Shard } from "./shards.ts";

export type { CheckOutcome, StageTimings } from "./check-edition.ts";

const SITE_ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "site", "assets");
const CLIENT_SOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "site", "client");

export interface EditionBuildOptions extends EditionCheckOptions {
  /** Where the site goes (default: _site/ in the root). */
  outputDir?: string;
  /** Write one slice of the edition's partitions (see shards.ts). */
  shard?: Shard;
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

export class EditionBuild extends EditionCheck {
  readonly outputDir: string;
  declare protected readonly options: EditionBuildOptions;
  #manifest: Manifest | undefined;
  #record: OutputRecord | undefined;

  constructor(options: EditionBuildOptions) {
    super(options);
    this.outputDir = path.resolve(options.outputDir ?? path.join(this.root, "_site"));
  }

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
    return path.join(this.cacheDir, "builds", `${contentHash(this.outputDir)}.json`);
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
    const { program, pool } = await this.setup();
    this.#record ??= await OutputRecord.open(this.outputDir, this.root);
    const manifest = (this.#manifest ??= await this.#readManifest(program));
    const record = this.#record;
    const plan = planBuild(checked.state, manifest, program, (file) => record.has(file), this.keys, this.options.shard);
    const timings = this.stageTimings;

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
      const ref = this.storeRef(job.payload.store.name);
      const exports = job.payload.exports && { ...job.payload.exports, file: exportSlicesFile(this.cacheDir, job.name) };
      const result: PartitionResult = await pool.run("partition", { ...job.payload, exports, store: ref, root: this.root, outputDir: this.outputDir }, this.placement(job.name));
      this.savedStore(ref);
      eleventyMs += result.eleventyMs;
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
      const urls = checked.state.urls;
      const files = checked.state.partitions.map((partition) => exportSlicesFile(this.cacheDir, partition.name));
      const input = { edition: checked.state.edition, exportUrl: (name: string) => urls.absolute(urls.exportFile(name)), describe: () => "" };
      written.push(...(await writeExports(input, files, (name) => path.join(this.outputDir, permalinks.exportFile(name)))));
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
          hasFile: (file) => record.has(file.slice(prefix.length)) || (this.options.shard !== undefined && file.startsWith(`${prefix}pagefind/`)),
        },
      ),
    );
    if (problems.length) {
      // Nothing of this build is trusted: its keys are forgotten, so that the next build writes everything again.
      this.#manifest = emptyManifest(program);
      clearTimeout(this.pending.get("manifest")?.timer);
      this.pending.delete("manifest");
      await this.save(this.#manifestFile(), JSON.stringify(this.#manifest));
      throw new SiteVerificationError(problems);
    }
    if (written.length || removed.length) await this.later("manifest", () => this.save(this.#manifestFile(), JSON.stringify(manifest)));

    this.settle();
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
