// The site's assets that are built rather than copied: the browser scripts, TypeScript bundled by esbuild from each
// entry of src/site/client/ (the cite formatter is its own entry, loaded only when a reader opens the cite panel,
// because it carries citation-js), and the stylesheet, whose partials in src/site/styles/ esbuild inlines and
// minifies into one file (a page loads one stylesheet, and never inline style, which the CSP forbids).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { citeBrowserBuildOptions } from "../cite/browser-bundle.ts";

export const CLIENT_ENTRIES = ["site", "message", "search", "cite", "cite-formatter"] as const;

/** The stylesheet's entry, which imports the partials in cascade order. */
export const STYLESHEET = path.join(path.dirname(fileURLToPath(import.meta.url)), "styles", "edition.css");

export async function bundleClientScripts(sourceDir: string, outputDir: string): Promise<void> {
  await Promise.all([
    build({
      ...citeBrowserBuildOptions,
      entryPoints: CLIENT_ENTRIES.map((name) => path.join(sourceDir, `${name}.ts`)),
      outdir: outputDir,
      bundle: true,
      format: "esm",
      target: "es2022",
      minify: true,
      // citeproc's licence (CPAL/AGPL) asks that its notice travel with it.
      legalComments: "linked",
      logLevel: "warning",
    }),
    bundleStylesheet(outputDir),
  ]);
}

/** Writes assets/edition.css. No browser target is given, so that esbuild rewrites no syntax, only minifies. */
export async function bundleStylesheet(outputDir: string): Promise<void> {
  await build({
    entryPoints: [STYLESHEET],
    outfile: path.join(outputDir, "edition.css"),
    bundle: true,
    minify: true,
    logLevel: "warning",
  });
}
