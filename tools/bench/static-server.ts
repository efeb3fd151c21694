// The one static file server of the benchmark, the audit and the tests: it serves a built site on a free local
// port, optionally under a path prefix (as a host that publishes it at https://example.org/garden-letters/ would,
// every request outside the prefix a 404), recording every request.
// - By default it answers as plainly as a static host can: no compression and no ETags, so that every request is
//   answered in full and what is sent can be measured (the benchmark's first-search bytes).
// - `host: true` answers as a production host would, for audits that judge delivery as well as pages: text is
//   gzipped, assets are cached briefly and pages revalidated (Lighthouse).
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import sirv from "sirv";
import { decodePercent } from "../../src/render/decode-percent.ts";

export interface ServeOptions {
  /** A path prefix with slashes at both ends (`/garden-letters/`); the site's files are served below it. */
  prefix?: string;
  /** Compress and cache as a production host does (see above). */
  host?: boolean;
  /** Sees each request before the site answers it, to observe the response (see first-search-bytes.ts). */
  onRequest?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface StaticServer {
  /** The origin and the prefix without its trailing slash, so that `${server.url}/search/` reads as usual. */
  url: string;
  /** The origin alone (`http://127.0.0.1:1234`). */
  origin: string;
  /** The prefix, with slashes at both ends (`/` without one). */
  prefix: string;
  /** Every request's path and query, in order. */
  requests: string[];
  /** The requests outside the prefix, each answered with a 404. */
  outside: string[];
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, notFound: () => void) => void | Promise<void>;

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  if (!/^\/(?:[^/]+\/)*$/.test(prefix)) throw new Error(`A path prefix such as /garden-letters/, not ${JSON.stringify(prefix)}`);
  const answer = options.host ? hostHandler(path.resolve(dir)) : plainHandler(dir);
  const requests: string[] = [];
  const outside: string[] = [];
  const notFound = (res: http.ServerResponse, body: string) => res.writeHead(404, { "content-type": "text/plain" }).end(body);
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    requests.push(url);
    options.onRequest?.(req, res);
    if (!url.startsWith(prefix)) {
      outside.push(url);
      return notFound(res, "Outside the site's path prefix");
    }
    // The site's files are at its root: strip the prefix, keeping the slash before the rest.
    req.url = url.slice(prefix.length - 1);
    void answer(req, res, () => notFound(res, "Not found"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${prefix.replace(/\/$/, "")}`,
    origin,
    prefix,
    requests,
    outside,
    close: () =>
      new Promise<void>((resolve) => {
        // A browser may keep a connection open; close() alone would wait for it.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function plainHandler(dir: string): Handler {
  const handler = sirv(dir, { dev: true, etag: false });
  return (req, res, notFound) => handler(req, res, notFound);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".txt", ".xml"]);

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const relative = decodePercent(urlPath)?.replace(/^\/+/, "");
  if (relative === undefined) return undefined;
  const candidate = path.resolve(root, relative);
  if (path.relative(root, candidate).startsWith("..")) return undefined;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = path.join(candidate, "index.html");
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

function hostHandler(root: string): Handler {
  return async (req, res, notFound) => {
    const file = await fileFor(root, new URL(req.url ?? "/", "http://localhost").pathname);
    if (!file) return notFound();
    const extension = path.extname(file);
    let body = await readFile(file);
    const headers: Record<string, string> = {
      "content-type": TYPES[extension] ?? "application/octet-stream",
      "cache-control": extension === ".html" ? "no-cache" : "public, max-age=3600",
      vary: "accept-encoding",
    };
    if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, { ...headers, "content-length": String(body.length) }).end(body);
  };
}
