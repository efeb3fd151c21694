// `npm start`: build the edition, index it, and serve it with Eleventy's dev server; every change to content/,
// annotations/ or edition/ rebuilds the site and its search index. When the edition cannot be built, the problems
// are printed in the terminal and every page of the site shows them in the browser, until a save fixes them.
import { readFile } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { parse } from "yaml";
import { indexSite } from "../index/index-site.ts";
import type { EditionBuilt, EditionFailed } from "../site/eleventy-plugin.ts";
import { buildErrorPage } from "./build-error-page.ts";
import { createEleventy } from "./eleventy.ts";
import { editionRoot } from "./edition-root.ts";
import { pathPrefix } from "../site/urls.ts";

const port = Number(process.env.PORT ?? 8080);
const root = editionRoot();
let outputDir = path.resolve(root, "_site");
/** Why the last build failed, or undefined when it succeeded. */
let failure: string | undefined;

/** Answers every page request with the build's report while the edition cannot be built. */
function showFailure(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void {
  if (!failure || !(req.headers.accept ?? "").includes("text/html")) return next();
  res.writeHead(500, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(buildErrorPage(failure));
}

/**
 * The path prefix of the edition's base URL, so that the dev server serves the site where its links point (an
 * edition published at https://example.org/letters/ links to /letters/…). `/` if edition.yaml cannot be read yet:
 * the build then reports why. A changed base_url takes effect when npm start is run again.
 */
async function sitePrefix(): Promise<string> {
  try {
    const meta = parse(await readFile(path.join(root, "edition", "edition.yaml"), "utf8")) as { base_url?: unknown } | null;
    return typeof meta?.base_url === "string" ? pathPrefix(meta.base_url) : "/";
  } catch {
    return "/";
  }
}
const prefix = await sitePrefix();

const eleventy = createEleventy({
  root,
  runMode: "serve",
  pathPrefix: prefix,
  config(eleventyConfig) {
    eleventyConfig.setServerOptions({ middleware: [showFailure] });
    eleventyConfig.on("edition.failed", async ({ error }: EditionFailed) => {
      failure = error.message;
      // Pages already open reload, and get the report instead of a site that no longer matches the files.
      await (eleventy as unknown as { eleventyServe?: { reload(event: object): Promise<void> } }).eleventyServe?.reload({ files: [] });
    });
    eleventyConfig.on("edition.built", async ({ model, outputDir: written }: EditionBuilt) => {
      failure = undefined;
      outputDir = written;
      const started = performance.now();
      const { pageCount } = await indexSite(model, outputDir);
      console.log(`Search index: ${pageCount} pages in ${Math.round(performance.now() - started)} ms.`);
    });
  },
});
await eleventy.init();
await eleventy.watch();
await eleventy.serve(port);
console.log(`Serving the edition at http://localhost:${port}${prefix} — edit content/, annotations/ or edition/ to rebuild.`);
process.on("SIGINT", async () => {
  await eleventy.close();
  process.exit(0);
});
