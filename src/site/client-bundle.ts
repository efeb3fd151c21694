// The browser scripts are TypeScript too; esbuild bundles each entry (src/site/client/*.ts) into assets/.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

export async function bundleClientScripts(sourceDir: string, outputDir: string): Promise<void> {
  const entries = (await readdir(sourceDir)).filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts") && !name.startsWith("_"));
  await build({
    entryPoints: entries.map((name) => path.join(sourceDir, name)),
    outdir: outputDir,
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
}
