// `npm start`: build the edition and serve it with Eleventy's dev server; every save in content/, annotations/ or
// edition/ rebuilds what the edit changed (the pages and the search bundle it touches) and reloads open pages.
// When the edition cannot be built, the problems are printed in the terminal and every page of the site shows
// them in the browser, until a save fixes them. PORT sets the port (default 8080); if it is taken, the next free
// one is used, and the address printed is the one served.
//
// Annotating is on unless `--read-only` is given: the pages served get a script that adds notes from a selection,
// edits and deletes them (src/annotate/), and the server then listens on this computer only. None of it is written
// to _site/.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { AnnotateApi } from "../annotate/annotate-api.ts";
import { LoopbackDevServer } from "../annotate/loopback-dev-server.ts";
import { bundlePageTools, injectPageTools, serveAssets } from "../annotate/page-tools.ts";
import { watch } from "chokidar";
import { parse } from "yaml";
import { formatReport } from "../load/diagnostics.ts";
import { EditionBuild } from "../pipeline/edition-build.ts";
import { pathPrefix } from "../site/urls.ts";
import { buildErrorPage } from "./build-error-page.ts";
import { findEditionError } from "./eleventy.ts";
import { editionRoot } from "../load/edition-root.ts";

const { values: options } = parseArgs({ options: { "partition-size": { type: "string" }, "read-only": { type: "boolean" } } });
const annotating = !options["read-only"];
const partitionSize = options["partition-size"] === undefined ? undefined : Number(options["partition-size"]);
const requestedPort = Number(process.env.PORT ?? 8080);
const root = editionRoot();
const outputDir = path.resolve(root, "_site");
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

const builder = new EditionBuild({ root, outputDir, watch: true, partitionSize });
/** The port served, once the server listens: annotating's requests must name it. */
let port: number | undefined;
const middleware = [showFailure];
if (annotating) {
  // One token per run: a page served by an earlier run of npm start, or by anything else, has none that works.
  const token = randomBytes(32).toString("base64url");
  const api = new AnnotateApi({ root, token, port: () => port, current: () => builder.current, log: (line) => console.log(line) });
  // The tools are added to pages after showFailure, which answers with the build's report while there is one.
  middleware.unshift(serveAssets(await bundlePageTools()), api.middleware);
  middleware.push(injectPageTools(token, () => port));
}
const serverOptions = {
  pathPrefix: prefix,
  middleware,
  // The address is printed below, once the port is known.
  messageOnStart: () => false as const,
  logger: { info: () => {}, log: () => {}, error: (message: string) => console.error(message) },
};
const server = annotating ? new LoopbackDevServer("annotated-edition", outputDir, serverOptions) : EleventyDevServer.getServer("annotated-edition", outputDir, serverOptions);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One build, reported in the terminal; the browser gets the site, or the report in its place. */
async function rebuild(changed?: string[]): Promise<void> {
  const started = performance.now();
  try {
    const outcome = await builder.build({ changed });
    failure = undefined;
    const warnings = formatReport(outcome.files, root);
    if (warnings) console.warn(warnings);
    const removed = outcome.removed.length ? `, removed ${outcome.removed.length}` : "";
    console.log(`${changed ? "Rebuilt" : "Built"} in ${seconds(performance.now() - started)}: wrote ${outcome.written} files${removed}; ${outcome.indexedPages} pages searchable.`);
  } catch (error) {
    const reported = findEditionError(error);
    failure = reported ? reported.message : String((error as Error)?.stack ?? error);
    console.error(failure);
  }
  // Pages already open reload, and get the site again, or the report instead of a site that no longer matches.
  server.reload({ files: [] });
}

await rebuild();
server.serve(requestedPort);
port = await server.getPort();
const taken = port !== requestedPort ? ` (port ${requestedPort} is taken)` : "";
console.log(`Serving the edition at http://localhost:${port}${prefix}${taken} — edit content/, annotations/ or edition/ to rebuild.`);
console.log(
  annotating
    ? "Annotating is on: select words on a message page to add a note. Served to this computer only; npm start -- --read-only turns it off."
    : "Read-only: annotating from the page is off.",
);

// Saves that arrive while a build runs are gathered into the next one.
let pending = new Set<string>();
let running: Promise<void> | undefined;
let timer: NodeJS.Timeout | undefined;
const schedule = (file: string) => {
  pending.add(path.resolve(root, file));
  clearTimeout(timer);
  // Editors write a file in several steps; a short pause lets a save settle before it is read.
  timer = setTimeout(drain, 25);
};
const drain = async () => {
  if (running) return;
  while (pending.size) {
    const changed = [...pending];
    pending = new Set();
    running = rebuild(changed);
    await running;
    running = undefined;
  }
};
const watcher = watch(["content", "annotations", "edition"].map((folder) => path.join(root, folder)), { ignoreInitial: true });
watcher.on("all", (_event, file) => schedule(file));

process.on("SIGINT", async () => {
  await watcher.close();
  await server.close();
  await builder.close();
  process.exit(0);
});
