// `npm run build`: load, validate, anchor and render the edition (stopping with a full report on any error),
// write the site with Eleventy, then index it with Pagefind.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildSearchIndex } from "../index/build-search-index.ts";
import { createEleventy, findEditionError } from "./eleventy.ts";

export interface BuildResult {
  outputDir: string;
  pages: number;
  indexedPages: number;
}

export interface BuildOptions {
  /** Where to write the site (default: _site/ in the root). */
  outputDir?: string;
}

export async function build(root = process.cwd(), options: BuildOptions = {}): Promise<BuildResult> {
  const eleventy = createEleventy({ root, outputDir: options.outputDir });
  // The CLI reports problems itself, once, as the edition's report; Eleventy would print them a second time.
  eleventy.disableLogger();
  await eleventy.init();
  const outputDir = path.resolve(root, eleventy.directories.output);
  const written = (await eleventy.write()) as Array<unknown> | undefined;
  const { pageCount } = await buildSearchIndex(outputDir);
  return { outputDir, pages: Array.isArray(written) ? written.flat().length : 0, indexedPages: pageCount };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  try {
    const result = await build();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Built ${path.relative(process.cwd(), result.outputDir)}/ and indexed ${result.indexedPages} pages for search in ${seconds} s.`);
  } catch (error) {
    const editionError = findEditionError(error);
    console.error(editionError ? editionError.message : error);
    process.exitCode = 1;
  }
}
