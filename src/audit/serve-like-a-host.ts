// Serves a built site as a production static host would, for audits that judge delivery as well as pages: text is
// gzipped, fingerprint-free assets are cached briefly and pages revalidated. The benchmark's server (bench/
// static-server.ts) deliberately does neither, because it measures what is sent.
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { listenLocally, type StaticServer } from "../bench/static-server.ts";
import { decodePercent } from "../render/decode-percent.ts";

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

export async function serveLikeAHost(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = await fileFor(root, url.pathname);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
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
  });
  return listenLocally(server);
}
