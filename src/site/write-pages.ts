// Runs Eleventy for one job (see eleventy-plugin.ts) with the project's .eleventy.js, and reads back what it wrote:
// the files, and each page's ids and links, for the build's check of its own output (verify-site.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { setSiteJob, type SiteJob } from "./eleventy-plugin.ts";

const PROJECT_CONFIG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", ".eleventy.js");

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
  return templates.flatMap((page) => (page.url !== false && page.outputPath !== false ? [{ url: page.url, outputPath: page.outputPath, content: page.content }] : []));
}
