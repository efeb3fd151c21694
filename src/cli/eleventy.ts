// Runs Eleventy programmatically with the project's .eleventy.js on an edition folder, and finds our own error in
// whatever Eleventy wrapped it in, so that editors see the edition's report rather than a stack trace.
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";

const PROJECT_CONFIG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", ".eleventy.js");

export interface EleventyRunOptions {
  /** The edition's root folder (content/, annotations/, edition/). */
  root: string;
  /** Where to write the site (default: _site/ in the root). */
  outputDir?: string;
  /** Extra configuration, such as event handlers, added beside .eleventy.js. */
  config?: (eleventyConfig: any) => void;
  runMode?: "build" | "watch" | "serve";
  /** The site's path prefix (`/garden-letters/`), under which Eleventy's dev server serves the output (default `/`). */
  pathPrefix?: string;
}

export function createEleventy(options: EleventyRunOptions): Eleventy {
  const root = path.resolve(options.root);
  return new Eleventy(path.join(root, "edition", "pages"), options.outputDir ?? path.join(root, "_site"), {
    configPath: PROJECT_CONFIG,
    quietMode: true,
    runMode: options.runMode ?? "build",
    pathPrefix: options.pathPrefix,
    config: options.config,
  });
}

/** Our errors that carry a report for the editor, rather than a bug's stack trace. */
const REPORTED_ERRORS = new Set(["EditionError", "SiteVerificationError", "SearchIndexError", "ShardError"]);

export function findEditionError(error: unknown): Error | undefined {
  for (let cause: unknown = error; cause; cause = (cause as { originalError?: unknown; cause?: unknown }).originalError ?? (cause as { cause?: unknown }).cause) {
    // Compared by name, not instanceof: Eleventy loads the plugin through its own import, which can give the
    // error class a second identity.
    if (cause instanceof Error && REPORTED_ERRORS.has(cause.name)) return cause;
  }
  return undefined;
}
