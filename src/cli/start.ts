// `npm start`: build the edition, index it, and serve it with Eleventy's dev server; every change to content/,
// annotations/ or edition/ rebuilds the site and its search index. Problems are reported and the server keeps
// running, so an editor can fix them and save again.
import path from "node:path";
import { indexSite } from "../index/index-site.ts";
import type { EditionBuilt } from "../site/eleventy-plugin.ts";
import { createEleventy } from "./eleventy.ts";
import { editionRoot } from "./edition-root.ts";

const port = Number(process.env.PORT ?? 8080);
const root = editionRoot();
let outputDir = path.resolve(root, "_site");

const eleventy = createEleventy({
  root,
  runMode: "serve",
  config(eleventyConfig) {
    eleventyConfig.on("edition.built", async ({ model, outputDir: written }: EditionBuilt) => {
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
console.log(`Serving the edition at http://localhost:${port}/ — edit content/, annotations/ or edition/ to rebuild.`);
process.on("SIGINT", async () => {
  await eleventy.close();
  process.exit(0);
});
