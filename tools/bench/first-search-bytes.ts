// What a reader's browser transfers for a first search on the built site: the site is served by a small static
// server that counts the bytes it sends for each response, and Chromium opens /search/?q=… cold (empty cache) and
// waits until the results are on screen. Pagefind's share (/pagefind/) is summed apart from the whole page load.
import type http from "node:http";
import { performance } from "node:perf_hooks";
import { chromium, type Browser } from "playwright-core";
import { gzipSize } from "./site-size.ts";
import { serveStatic } from "./static-server.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface ServedResponse {
  path: string;
  status: number;
  /** Body bytes as sent: the server does not compress, so this is what a host without compression sends. */
  bodyBytes: number;
  /** Headers and body, as counted on the socket. */
  wireBytes: number;
  /** The body gzipped at level 6, for text a compressing host would gzip; the body size for binary data. */
  gzipBytes: number;
  /** Milliseconds after navigation started. */
  atMs: number;
}

export interface ByteTotals {
  requests: number;
  bodyBytes: number;
  wireBytes: number;
  gzipBytes: number;
}

export interface FirstSearchResult {
  url: string;
  query: string;
  /** Navigation start to the first result link on screen. */
  resultsVisibleMs: number;
  /** Result links on screen when the network was quiet: links to lines, on our site. */
  lineLinks: number;
  /** The UI's summary, such as "33 results for should". */
  message: string;
  pagefind: { atResults: ByteTotals; afterIdle: ByteTotals };
  all: { atResults: ByteTotals; afterIdle: ByteTotals };
  responses: ServedResponse[];
  browserErrors: string[];
}

// Pagefind's index, fragments and wasm are gzipped by Pagefind itself; only text is worth compressing again.
const TEXT = /(\/|\.(html|css|js|mjs|json|svg|txt|xml))$/;

/**
 * Wraps the response's write() and end() to keep what the site sends, and records it once sent. Node reports only
 * the socket's total, so the body has to be caught on its way out.
 */
function recordResponse(req: http.IncomingMessage, res: http.ServerResponse, atMs: () => number, record: (response: ServedResponse) => void): void {
  const socketStart = req.socket.bytesWritten;
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), write(chunk, ...rest))) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), end(chunk, ...rest))) as typeof res.end;
  res.on("finish", () => {
    const body = Buffer.concat(chunks);
    const served = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    record({
      path: served,
      status: res.statusCode,
      bodyBytes: body.length,
      wireBytes: req.socket.bytesWritten - socketStart,
      gzipBytes: TEXT.test(served) ? gzipSize(body) : body.length,
      atMs: atMs(),
    });
  });
}

function totals(responses: readonly ServedResponse[]): ByteTotals {
  return responses.reduce(
    (sum, r) => ({ requests: sum.requests + 1, bodyBytes: sum.bodyBytes + r.bodyBytes, wireBytes: sum.wireBytes + r.wireBytes, gzipBytes: sum.gzipBytes + r.gzipBytes }),
    { requests: 0, bodyBytes: 0, wireBytes: 0, gzipBytes: 0 },
  );
}

const isPagefind = (r: ServedResponse) => r.path.startsWith("/pagefind/");

/** A search result's link to a line, in our search page's results. */
export const LINE_RESULT_LINK = '#search-result-list a[href*="#L"]';
/** A result's link in Pagefind's Default UI, as on the baseline's search page (its pages have no line anchors). */
export const DEFAULT_UI_RESULT_LINK = "#search a.pagefind-ui__result-link";
const SUMMARY = ":is(#search .pagefind-ui__message, #search-summary)";

/** Waits until no response has been sent for `quietMs`, for anything the results page loads after showing them. */
async function networkQuiet(responses: readonly ServedResponse[], quietMs = 1000): Promise<void> {
  for (let seen = -1, quietSince = performance.now(); performance.now() - quietSince < quietMs; ) {
    if (responses.length !== seen) {
      seen = responses.length;
      quietSince = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens `/search/?q=query` on the site in `siteDir`, and waits for `resultLink` to be on screen. */
export async function measureFirstSearch(siteDir: string, query: string, resultLink = LINE_RESULT_LINK): Promise<FirstSearchResult> {
  let navigationStart = 0;
  const served: ServedResponse[] = [];
  const server = await serveStatic(siteDir, { onRequest: (req, res) => recordResponse(req, res, () => performance.now() - navigationStart, (r) => served.push(r)) });
  const browserErrors: string[] = [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
    const page = await (await browser.newContext()).newPage();
    page.on("pageerror", (error) => browserErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") browserErrors.push(message.text());
    });
    const url = `/search/?q=${encodeURIComponent(query)}`;
    navigationStart = performance.now();
    await page.goto(server.url + url);
    // A result link is on screen once Pagefind has loaded the index and the fragments.
    await page.locator(resultLink).first().waitFor({ state: "visible", timeout: 60_000 });
    const resultsVisibleMs = performance.now() - navigationStart;
    const atResults = served.slice();
    await networkQuiet(served);
    const lineLinks = await page.locator(resultLink).count();
    const message = (await page.locator(SUMMARY).first().textContent({ timeout: 1000 }).catch(() => null)) ?? "";
    const responses = served.slice();
    return {
      url,
      query,
      resultsVisibleMs,
      lineLinks,
      message: message.trim(),
      pagefind: { atResults: totals(atResults.filter(isPagefind)), afterIdle: totals(responses.filter(isPagefind)) },
      all: { atResults: totals(atResults), afterIdle: totals(responses) },
      responses,
      browserErrors,
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}
