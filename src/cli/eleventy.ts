// Runs Eleventy programmatically with the project's .eleventy.js, and finds our own error in whatever Eleventy
// wrapped it in, so that editors see the edition's report rather than a stack trace.
import Eleventy from "@11ty/eleventy";
import { EditionError } from "../load/diagnostics.ts";

export interface EleventyRunOptions {
  root: string;
  configPath?: string;
  /** Extra configuration, such as event handlers, added beside .eleventy.js. */
  config?: (eleventyConfig: any) => void;
  runMode?: "build" | "watch" | "serve";
}

export function createEleventy(options: EleventyRunOptions): Eleventy {
  return new Eleventy(undefined, undefined, {
    configPath: options.configPath ?? ".eleventy.js",
    quietMode: true,
    runMode: options.runMode ?? "build",
    config: options.config,
  } as ConstructorParameters<typeof Eleventy>[2]);
}

export function findEditionError(error: unknown): EditionError | undefined {
  for (let cause: unknown = error; cause; cause = (cause as { originalError?: unknown; cause?: unknown }).originalError ?? (cause as { cause?: unknown }).cause) {
    if (cause instanceof EditionError) return cause;
  }
  return undefined;
}
