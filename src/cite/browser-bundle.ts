// What esbuild needs to bundle format-citation.ts for the browser (the site's lazily loaded "cite this" panel).
// @citation-js/core 0.8 imports node-fetch, which a browser bundle cannot resolve; in a browser citation-js calls
// the global fetch anyway, so node-fetch is aliased to a stand-in that is exactly that. citation-js 0.9 drops
// node-fetch, but needs Node 22.12, and this project runs on Node 20.
import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";

export const CITE_BROWSER_ENTRY = fileURLToPath(new URL("./format-citation.ts", import.meta.url));

export const citeBrowserBuildOptions = {
  platform: "browser",
  alias: { "node-fetch": fileURLToPath(new URL("./browser/node-fetch.ts", import.meta.url)) },
} satisfies BuildOptions;
