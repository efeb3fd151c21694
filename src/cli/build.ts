// `npm run build`: load, validate, anchor and render the edition (stopping with a full report on any error),
// write the site with Eleventy, then index it with Pagefind.
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { SearchIndexResult } from "../index/build-search-index.ts";
import { indexSite } from "../index/index-site.ts";
import type { EditionBuilt } from "../site/eleventy-plugin.ts";
import { parseShard } from "../site/shards.ts";
import { createEleventy, findEditionError } from "./eleventy.ts";
import { editionRoot } from "./edition-root.ts";
import { isMain } from "./is-main.ts";

/** Milliseconds spent in each stage of one build. */
export interface StageTimings {
  load: number;
  anchor: number;
  render: number;
  /** Eleventy's share: templates, layouts and writing files, without our load, anchor and render. */
  write: number;
  index: number;
  total: number;
}

export interface BuildResult {
  outputDir: string;
  indexedPages: number;
  timings: StageTimings;
}

export interface BuildOptions {
  /** Where to write the site (default: _site/ in the root). */
  outputDir?: string;
  /** Write and index one slice of the edition, as "k/n" (see site/shards.ts). */
  shard?: string;
}

/**
 * Eleventy never deletes what an earlier build wrote, so a deleted message's page would stay online and in the
 * search index. The output folder is emptied first, unless it holds the edition itself.
 */
async function cleanOutput(root: string, outputDir: string): Promise<void> {
  const relative = path.relative(outputDir, path.resolve(root));
  const outputHoldsRoot = relative === "" || !relative.startsWith("..");
  if (outputHoldsRoot) throw new Error(`Refusing to empty ${outputDir}: it contains the edition's own files.`);
  await rm(outputDir, { recursive: true, force: true });
}

/** The stages measure themselves with performance.measure(); this collects and clears those measures. */
function takeMeasure(name: string): number {
  const total = performance.getEntriesByName(name, "measure").reduce((sum, entry) => sum + entry.duration, 0);
  performance.clearMeasures(name);
  return total;
}

export async function build(root = editionRoot(), options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  // .eleventy.js registers the plugin before anything configured here runs, so the shard reaches it through the
  // environment, for as long as Eleventy reads its configuration.
  const previousShard = process.env.EDITION_SHARD;
  if (options.shard !== undefined) {
    const { index, count } = parseShard(options.shard);
    process.env.EDITION_SHARD = `${index}/${count}`;
  }
  for (const name of ["edition.load", "edition.anchor", "edition.render"]) performance.clearMeasures(name);
  let indexed: SearchIndexResult | undefined;
  let indexTime = 0;
  const eleventy = createEleventy({
    root,
    outputDir: options.outputDir,
    config(eleventyConfig) {
      eleventyConfig.on("edition.built", async ({ model, outputDir }: EditionBuilt) => {
        const indexStart = performance.now();
        indexed = await indexSite(model, outputDir);
        indexTime = performance.now() - indexStart;
      });
    },
  });
  // The CLI reports problems itself, once, as the edition's report; Eleventy would print them a second time.
  eleventy.disableLogger();
  try {
    await eleventy.init();
  } finally {
    if (previousShard === undefined) delete process.env.EDITION_SHARD;
    else process.env.EDITION_SHARD = previousShard;
  }
  const outputDir = path.resolve(root, eleventy.directories.output);
  await cleanOutput(root, outputDir);
  await eleventy.write();
  const finished = performance.now();
  if (!indexed) throw new Error("The site was written but never indexed: the edition plugin did not report a built edition.");

  const load = takeMeasure("edition.load");
  const anchor = takeMeasure("edition.anchor");
  const render = takeMeasure("edition.render");
  return {
    outputDir,
    indexedPages: indexed.pageCount,
    timings: {
      load,
      anchor,
      render,
      write: finished - started - load - anchor - render - indexTime,
      index: indexTime,
      total: finished - started,
    },
  };
}

if (isMain(import.meta.url)) {
  try {
    const outputFlag = process.argv.indexOf("--output");
    const outputDir = outputFlag > 0 ? path.resolve(process.argv[outputFlag + 1] ?? "") : undefined;
    const shardFlag = process.argv.indexOf("--shard");
    const shard = shardFlag > 0 ? (process.argv[shardFlag + 1] ?? "") : undefined;
    const { outputDir: written, indexedPages, timings } = await build(editionRoot(), { outputDir, shard });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `Built ${path.relative(process.cwd(), written) || "."}/ and indexed ${indexedPages} pages for search in ${seconds(timings.total)}` +
        ` (load ${seconds(timings.load)}, anchor ${seconds(timings.anchor)}, render ${seconds(timings.render)},` +
        ` Eleventy ${seconds(timings.write)}, Pagefind ${seconds(timings.index)}).`,
    );
  } catch (error) {
    const editionError = findEditionError(error);
    console.error(editionError ? editionError.message : error);
    process.exitCode = 1;
  }
}
