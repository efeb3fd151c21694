// The page side of annotating, added to pages as `npm start` serves them and never written to _site/: its script
// and stylesheet are bundled from src/annotate/client/ in memory and served from /.annotate/, and each HTML page
// served gets a <meta> with the session's token and the elements that load them. The built site is the same as
// `npm run build` writes it, with no trace of any of it.
import { readFile } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { API_PATH } from "./annotate-api.ts";
import { isOwnHost } from "./request-guard.ts";

const CLIENT = path.join(path.dirname(fileURLToPath(import.meta.url)), "client");
export const TOKEN_META = "annotate-token";

export interface PageAssets {
  script: string;
  style: string;
}

/** The browser script (TypeScript, bundled by esbuild as the site's own scripts are) and the stylesheet. */
export async function bundlePageTools(): Promise<PageAssets> {
  const result = await build({
    entryPoints: [path.join(CLIENT, "annotate.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "warning",
  });
  return { script: result.outputFiles[0]!.text, style: await readFile(path.join(CLIENT, "annotate.css"), "utf8") };
}

/** Serves /.annotate/annotate.js and annotate.css. */
export function serveAssets(assets: PageAssets) {
  return (req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void => {
    const file = (req.url ?? "").split("?")[0];
    const asset =
      file === `${API_PATH}annotate.js` ? { type: "text/javascript", body: assets.script } : file === `${API_PATH}annotate.css` ? { type: "text/css", body: assets.style } : undefined;
    if (!asset || req.method !== "GET") return next();
    res.writeHead(200, { "content-type": `${asset.type}; charset=utf-8`, "cache-control": "no-store" });
    res.end(asset.body);
  };
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Adds the token and the tools to HTML pages as they are served. Only to a request for this server by its
 * loopback name: a page fetched under another host name (DNS rebinding) gets no token.
 */
export function injectPageTools(token: string, port: () => number | undefined) {
  const tags = [
    `<meta name="${TOKEN_META}" content="${escapeAttribute(token)}">`,
    `<link rel="stylesheet" href="${API_PATH}annotate.css">`,
    `<script type="module" src="${API_PATH}annotate.js"></script>`,
  ].join("");
  return (req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void => {
    if (req.method !== "GET" || !isOwnHost(req.headers.host, port())) return next();
    // The dev server writes a page with one end(string) call once its content type is set (renderFile).
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
    res.end = ((...args: unknown[]) => {
      const [data] = args;
      const type = String(res.getHeader("content-type") ?? "");
      if (typeof data === "string" && type.startsWith("text/html") && data.includes("</head>")) args[0] = data.replace("</head>", `${tags}</head>`);
      return end(...args);
    }) as typeof res.end;
    next();
  };
}
