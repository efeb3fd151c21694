// The browser scripts are TypeScript too; esbuild bundles each entry of src/site/client/ into assets/. The cite
// formatter is its own entry, loaded only when a reader opens the cite panel, because it carries citation-js.
import path from "node:path";
import { build } from "esbuild";
import { citeBrowserBuildOptions } from "../cite/browser-bundle.ts";

export const CLIENT_ENTRIES = ["site", "message", "search", "cite", "cite-formatter"] as const;

export async function bundleClientScripts(sourceDir: string, outputDir: string): Promise<void> {
  await build({
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
  });
}
