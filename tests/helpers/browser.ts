// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with the flags this machine needs.
import { chromium, type Browser } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}

/** Polls until an assertion holds: the first search loads Pagefind's index and WebAssembly, which takes a moment. */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 100 });
}
