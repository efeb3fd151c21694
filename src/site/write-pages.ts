// Runs Eleventy for one job (see eleventy-plugin.ts) with the project's .eleventy.js, and reads back what it wrote:
// the files, and each page's ids and links, for the build's check of its own output (verify-site.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { setSiteJob, type SiteJob } from "./eleventy-plugin.ts";

const PROJECT_CONFIG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", ".eleventy.js");

/**
 * Eleventy's global event bus (a module of its own, which the package does not export). Eleventy keeps compiled
 * templates in a cache shared by every instance in the process, keyed by the instance's configuration, and layouts
 * in another: a process that runs Eleventy again and again, as npm start does after every save, would keep each
 * run's compiled editorial pages and, through them, that run's configuration and job. Eleventy clears both caches
 * on these two events, which its own watch mode sends (the Markdown library, the other thing Eleventy keeps for the
 * life of the process, is made once: see eleventy-plugin.ts).
 */
const eventBus = (await import(new URL("./EventBus.js", import.meta.resolve("@11ty/eleventy")).href)).default as { emit(event: string, ...args: unknown[]): unknown };

export interface WriteOptions {
  /** The edition's root folder: Eleventy's input is its edition/pages/. */
  root: string;
  outputDir: string;
}

export interface WrittenPage {
  /** The page's site path, as Eleventy's permalink gives it (without the path prefix). */
  url: string;
  outputPath: string;
  content: string;
}

/** Writes a job's pages; returns every page written, with its content. */
export async function writePages(job: SiteJob, options: WriteOptions): Promise<WrittenPage[]> {
  const eleventy = new Eleventy(path.join(path.resolve(options.root), "edition", "pages"), options.outputDir, {
    configPath: PROJECT_CONFIG,
    quietMode: true,
    config: (eleventyConfig: object) => setSiteJob(eleventyConfig, job),
  });
  // The build reports problems itself, once, as the edition's report; Eleventy would print them a second time.
  eleventy.disableLogger();
  await eleventy.init();
  const [, templates] = (await eleventy.write()) as [unknown, Array<{ url: string | false; outputPath: string | false; content: string }>];
  // This run's pages are written: nothing of it is kept for the next (see eventBus above).
  await eventBus.emit("eleventy.compileCacheReset");
  await eventBus.emit("eleventy.resourceModified", "", [], {});
  return templates.flatMap((page) => (page.url !== false && page.outputPath !== false ? [{ url: page.url, outputPath: page.outputPath, content: page.content }] : []));
}
