// Real Chromium driven by playwright-core, with the flags this machine needs.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { serveStatic, type StaticServer } from "./server.ts";

/**
 * Debian's chromium-headless-shell when it is installed, else Debian's chromium; CHROMIUM_PATH names another. The
 * shell is the same Chromium build (the same Blink, V8 and Skia, so the same pages, layout and pixels) without the
 * browser's own interface, which headless tests never show: the end-to-end layer took 251.9 s with it, where it had
 * taken 361.1 s with the full browser on a machine of the same kind the day before.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}

/**
 * Polls until an assertion holds: the first search loads Pagefind's index and WebAssembly, which takes a moment.
 * Every 20 ms: a poll is one round trip to the page, cheap beside the up to 100 ms a test waited after the page was
 * ready when it polled every 100 ms.
 */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 20 });
}

export interface ChromiumSession {
  /** The built site, served for the whole test file. */
  server: StaticServer;
  browser: Browser;
  /** The current test's own context (1280×900) and page. */
  context: BrowserContext;
  page: Page;
  /** The page's uncaught exceptions and console errors, since the current test began. */
  errors: string[];
}

/**
 * For a test file that reads a built site in Chromium: serves `site` and launches the browser once, and opens a
 * fresh context and page for every test, collecting the page's errors. Call at the top level of the file; read the
 * session's fields inside tests, where they belong to the test that is running.
 */
export function useChromium(
  site: string | (() => string),
  options: {
    permissions?: string[];
    /** How to serve the site (default: at the root, with serveStatic); servePrefixed (server.ts) for a path prefix. */
    serve?: (site: string) => Promise<StaticServer>;
  } = {},
): ChromiumSession {
  const session = { errors: [] as string[] } as ChromiumSession;
  beforeAll(async () => {
    // A function gives the folder of a site that an earlier beforeAll builds.
    session.server = await (options.serve ?? serveStatic)(typeof site === "function" ? site() : site);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  beforeEach(async () => {
    await session.context?.close();
    session.context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (options.permissions) await session.context.grantPermissions(options.permissions, { origin: new URL(session.server.url).origin });
    const page = (session.page = await session.context.newPage());
    const errors: string[] = (session.errors = []);
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
  });
  return session;
}
