// What a reader's browser transfers for a first search on the built site: the site is served by a small static
// server that counts the bytes it sends for each response, and Chromium opens /search/?q=… cold (empty cache) and
// waits until the results are on screen. Pagefind's share (/pagefind/) is summed apart from the whole page load.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import sirv from "sirv";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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
  /** Links to lines on screen when the network was quiet. */
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

interface CountingServer {
  url: string;
  responses: ServedResponse[];
  close(): Promise<void>;
}

async function serveCounting(siteDir: string, since: () => number): Promise<CountingServer> {
  const handler = sirv(siteDir, { dev: true, etag: false });
  const responses: ServedResponse[] = [];
  const server = http.createServer((req, res) => {
    const socketStart = req.socket.bytesWritten;
    const chunks: Buffer[] = [];
    let bodyBytes = 0;
    const count = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      bodyBytes += buffer.length;
      chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk, rest[0]), write(chunk, ...rest))) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => (count(chunk, rest[0]), end(chunk, ...rest))) as typeof res.end;
    res.on("finish", () => {
      const body = Buffer.concat(chunks);
      const served = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      responses.push({
        path: served,
        status: res.statusCode,
        bodyBytes,
        wireBytes: req.socket.bytesWritten - socketStart,
        gzipBytes: TEXT.test(served) ? gzipSync(body, { level: 6 }).length : bodyBytes,
        atMs: since(),
      });
    });
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("Not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    responses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function totals(responses: readonly ServedResponse[]): ByteTotals {
  return responses.reduce(
    (sum, r) => ({ requests: sum.requests + 1, bodyBytes: sum.bodyBytes + r.bodyBytes, wireBytes: sum.wireBytes + r.wireBytes, gzipBytes: sum.gzipBytes + r.gzipBytes }),
    { requests: 0, bodyBytes: 0, wireBytes: 0, gzipBytes: 0 },
  );
}

const isPagefind = (r: ServedResponse) => r.path.startsWith("/pagefind/");

/** A search result's link to a line, wherever the page's search UI renders its results. */
export const RESULT_LINK = ':is(#search, pagefind-results, main) a[href*="#L"]';
const SUMMARY = ":is(#search .pagefind-ui__message, pagefind-summary)";

export async function measureFirstSearch(siteDir: string, query: string, options: { timeoutMs?: number } = {}): Promise<FirstSearchResult> {
  let started = performance.now();
  const server = await serveCounting(siteDir, () => performance.now() - started);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  const browserErrors: string[] = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => browserErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") browserErrors.push(message.text());
    });
    const url = `${server.url}/search/?q=${encodeURIComponent(query)}`;
    started = performance.now();
    await page.goto(url);
    // A line's sub-result links to #L…: it is on screen once Pagefind has loaded the index and the fragments.
    // The results live in #search (Pagefind's default UI) or in <pagefind-results> (its Component UI).
    await page.locator(RESULT_LINK).first().waitFor({ state: "visible", timeout: options.timeoutMs ?? 60_000 });
    const resultsVisibleMs = performance.now() - started;
    const atResults = server.responses.slice();

    // Then until the network has been quiet for a second, for anything the results page loads after showing them.
    for (let seen = -1, quietSince = performance.now(); performance.now() - quietSince < 1000; ) {
      if (server.responses.length !== seen) {
        seen = server.responses.length;
        quietSince = performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lineLinks = await page.locator(RESULT_LINK).count();
    const message = (await page.locator(SUMMARY).first().textContent({ timeout: 1000 }).catch(() => null)) ?? "";
    const responses = server.responses.slice();
    return {
      url: `/search/?q=${encodeURIComponent(query)}`,
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
    await browser.close();
    await server.close();
  }
}
