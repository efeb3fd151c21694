// `npm run build`: load, validate, anchor and render the edition (stopping with a full report on any error),
// write the site with Eleventy, then index it with Pagefind.
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildSearchIndex } from "../index/build-search-index.ts";
import { createEleventy, findEditionError } from "./eleventy.ts";

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
}

/**
 * Eleventy never deletes what an earlier build wrote, so a deleted note's page would stay online and in the
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

export async function build(root = process.cwd(), options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  for (const name of ["edition.load", "edition.anchor", "edition.render"]) performance.clearMeasures(name);
  const eleventy = createEleventy({ root, outputDir: options.outputDir });
  // The CLI reports problems itself, once, as the edition's report; Eleventy would print them a second time.
  eleventy.disableLogger();
  await eleventy.init();
  const outputDir = path.resolve(root, eleventy.directories.output);
  await cleanOutput(root, outputDir);
  await eleventy.write();
  const written = performance.now();
  const { pageCount } = await buildSearchIndex(outputDir);
  const finished = performance.now();

  const load = takeMeasure("edition.load");
  const anchor = takeMeasure("edition.anchor");
  const render = takeMeasure("edition.render");
  return {
    outputDir,
    indexedPages: pageCount,
    timings: {
      load,
      anchor,
      render,
      write: written - started - load - anchor - render,
      index: finished - written,
      total: finished - started,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const outputFlag = process.argv.indexOf("--output");
    const outputDir = outputFlag > 0 ? path.resolve(process.argv[outputFlag + 1] ?? "") : undefined;
    const { outputDir: written, indexedPages, timings } = await build(process.cwd(), { outputDir });
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
