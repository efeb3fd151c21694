// `npm run build`: check the edition (stopping with a full report on any error), then write the site and index
// it for search. A repeat build writes only what changed since the last one into the same folder.
import path from "node:path";
import { parseArgs } from "node:util";
import { EditionBuild, type StageTimings } from "../pipeline/edition-build.ts";
import { parseShard } from "../pipeline/shards.ts";
import { findEditionError } from "./eleventy.ts";
import { editionRoot } from "../load/edition-root.ts";
import { isMain } from "./is-main.ts";

export type { StageTimings };

export interface BuildResult {
  outputDir: string;
  indexedPages: number;
  timings: StageTimings;
}

export interface BuildOptions {
  /** Where to write the site (default: _site/ in the root). */
  outputDir?: string;
  /** Write one slice of the edition's partitions, as "k/n" (see pipeline/shards.ts). */
  shard?: string;
  /** Messages a partition aims at (see pipeline/partitions.ts). */
  partitionSize?: number;
}

export async function build(root = editionRoot(), options: BuildOptions = {}): Promise<BuildResult> {
  const run = new EditionBuild({ root, outputDir: options.outputDir, shard: options.shard ? parseShard(options.shard) : undefined, partitionSize: options.partitionSize });
  try {
    const { outputDir, indexedPages, timings } = await run.build();
    return { outputDir, indexedPages, timings };
  } finally {
    await run.close();
  }
}

if (isMain(import.meta.url)) {
  try {
    const { values } = parseArgs({ options: { output: { type: "string" }, shard: { type: "string" }, "partition-size": { type: "string" } } });
    const partitionSize = values["partition-size"] === undefined ? undefined : Number(values["partition-size"]);
    if (partitionSize !== undefined && !(Number.isInteger(partitionSize) && partitionSize > 0))
      throw new Error(`--partition-size must be a whole number of messages, such as 500, not "${values["partition-size"]}"`);
    const outputDir = values.output === undefined ? undefined : path.resolve(values.output);
    const { outputDir: written, indexedPages, timings } = await build(editionRoot(), { outputDir, shard: values.shard, partitionSize });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `Built ${path.relative(process.cwd(), written) || "."}/ and indexed ${indexedPages} pages for search in ${seconds(timings.total)}` +
        ` (load ${seconds(timings.load)}, render ${seconds(timings.render)}, write ${seconds(timings.write)};` +
        ` across threads: Eleventy ${seconds(timings.eleventy)}, Pagefind ${seconds(timings.pagefind)}).`,
    );
  } catch (error) {
    const editionError = findEditionError(error);
    console.error(editionError ? editionError.message : error instanceof TypeError && "code" in error ? error.message : error);
    process.exitCode = 1;
  }
}
