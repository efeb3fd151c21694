// Every text-fragment link the cite panel gives lands, in Chromium, on exactly the words it cites: for every line
// and every pair of adjacent lines of both editions, the link is taken from the panel as a reader would (click a
// line number, shift-click the next), followed in a fresh page, and what Chromium highlights is read off the screen.
// Chromium exposes a text fragment to scripts neither as the selection nor as a CSS highlight (both stay empty); it
// paints it with ::target-text. So the test paints ::target-text in a colour the site never uses, and reads which
// characters of the page are drawn in it: the highlighted text must be the cited lines' words, and nothing else.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { servePrefixed, serveStatic, type StaticServer } from "../helpers/server.ts";

const MARKER = [255, 0, 255] as const;

interface Sample {
  /** A visible character of the page, where it is drawn, and the line of the transcript it belongs to, if any. */
  ch: string;
  x: number;
  y: number;
  line: string | null;
}

interface Link {
  message: string;
  first: string;
  last: string;
  href: string | null;
  expected: string;
}

/** Pages working at once: each link is followed in a fresh page load, and loads wait on the network and on paint. */
const PAGES = 3;

/** Runs `work` on every item with PAGES pages of one browser at once, and returns the results in the items' order. */
async function inPages<T, R>(items: readonly T[], work: (page: Page, item: T) => Promise<R>, options: Parameters<Browser["newPage"]>[0] = {}): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PAGES, items.length) }, async () => {
      const page = await browser.newPage(options);
      try {
        while (next < items.length) {
          const index = next++;
          results[index] = await work(page, items[index]!);
        }
      } finally {
        await page.close();
      }
    }),
  );
  return results;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The links the cite panel gives for every line and every pair of adjacent lines of every message. */
async function collectLinks(server: StaticServer, site: string, base: string): Promise<Link[]> {
  const { messages } = JSON.parse(await readFile(path.join(site, "exports", "messages.json"), "utf8")) as {
    messages: Array<{ id: string; url: string; lines: Array<{ label: string; text: string }> }>;
  };
  const perMessage = await inPages(
    messages,
    async (page, message) => {
      const links: Link[] = [];
      await page.goto(`${server.url}/${message.url.slice(base.length)}`);
      const link = page.locator(".cite-fragment-link");
      // The panel's citation names the lines once it has caught up with the click (citation-js loads on the first).
      const read = async (first: string, last: string) => {
        const lines = first === last ? `line ${first},` : `lines ${first}–${last},`;
        await page.locator(".cite-output", { hasText: lines }).waitFor();
        return (await page.locator(".cite-fragment").isHidden()) ? null : await link.getAttribute("href");
      };
      for (let i = 0; i < message.lines.length; i++) {
        const line = message.lines[i]!;
        await page.locator(`.transcript a.line-number[data-n="${line.label}"]`).click();
        links.push({ message: message.id, first: line.label, last: line.label, href: await read(line.label, line.label), expected: line.text });
        const next = message.lines[i + 1];
        if (!next) continue;
        await page.locator(`.transcript a.line-number[data-n="${next.label}"]`).click({ modifiers: ["Shift"] });
        links.push({ message: message.id, first: line.label, last: next.label, href: await read(line.label, next.label), expected: `${line.text} ${next.text}` });
        // Back to the single line, so that the next click starts afresh.
        await page.locator(`.transcript a.line-number[data-n="${line.label}"]`).click();
      }
      return links;
    },
    { viewport: { width: 1280, height: 900 } },
  );
  return perMessage.flat();
}

/** The window height at which a page last fitted on one screen, by address without the fragment. */
const fittedHeight = new Map<string, number>();

/**
 * Where each visible character of a page is drawn, by address and window size. The same page at the same size is laid
 * out the same whichever words its fragment highlights (::target-text paints; it does not move text), so the page's
 * characters are walked once, and each link's picture is read at those places.
 */
const charactersOf = new Map<string, Sample[]>();

/** One DevTools session per page, for the screenshots. */
const sessions = new WeakMap<Page, CDPSession>();

/** Follows a link and returns the characters Chromium highlights, and which lines they are on. */
async function highlighted(page: Page, url: string): Promise<Array<{ ch: string; line: string | null }>> {
  const address = url.replace(/#.*$/, "");
  // A fresh document for every link: from one fragment of a page to another, Chromium stays in the document and keeps
  // the old highlight. Coming from another page already loads a new one; the same page is left for a blank one first.
  if (page.url().replace(/#.*$/, "") === address) await page.goto("about:blank");
  // At the height the same page fitted in last time, if it has been seen: the loop below then only confirms it.
  await page.setViewportSize({ width: 1280, height: fittedHeight.get(address) ?? 900 });
  await page.goto(url);
  // Paints the highlight in the marker colour and waits for the fonts, in one round trip.
  let height = await page.evaluate(async (css) => {
    const style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
    await document.fonts.ready;
    return document.documentElement.scrollHeight;
  }, `::target-text { background-color: rgb(${MARKER}) !important; color: rgb(${MARKER}) !important; }`);
  // The whole page on one screen, so that every character can be read off one picture.
  // (A taller window can make the page taller, so it is measured again until it fits.)
  for (let tries = 0; height > page.viewportSize()!.height; tries++) {
    if (tries === 4) throw new Error(`${address} does not fit in a window of its own height (${height}px)`);
    await page.setViewportSize({ width: 1280, height });
    height = await page.evaluate(() => document.documentElement.scrollHeight);
  }
  const windowHeight = page.viewportSize()!.height;
  fittedHeight.set(address, windowHeight);
  const key = `${address} ${windowHeight} ${height}`;
  const walked = await page.evaluate(async (walk) => {
    window.scrollTo(0, 0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    if (!walk) return null;
    const out: Array<{ ch: string; x: number; y: number; line: string | null }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !parent.checkVisibility() || parent.closest("script, style")) continue;
      const line = parent.closest<HTMLElement>(".transcript .line[data-line]")?.dataset.line ?? null;
      const text = node.nodeValue ?? "";
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i]!)) continue;
        // A character outside the Basic Multilingual Plane is two code units: one sample for both.
        const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
        range.setStart(node, i);
        range.setEnd(node, i + width);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 && rect.height > 0)
          out.push({ ch: text.slice(i, i + width), x: rect.left + scrollX + rect.width / 2, y: rect.top + scrollY + rect.height / 2, line });
        i += width - 1;
      }
    }
    return out;
  }, !charactersOf.has(key));
  if (walked) charactersOf.set(key, walked);
  const samples = charactersOf.get(key)!;
  // The window holds the whole page, so a picture of the window is one of the page. DevTools' own capture, with the
  // fast PNG encoder, takes half the time of Playwright's full-page screenshot; PNG stays lossless either way.
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = await page.context().newCDPSession(page)));
  const { data } = await session.send("Page.captureScreenshot", { format: "png", optimizeForSpeed: true });
  const marked = await markerAt(data, samples);
  return samples.filter((_, i) => marked[i] === "1").map(({ ch, line }) => ({ ch, line }));
}

let decoderPage: Promise<Page> | undefined;

/**
 * Which of the samples are drawn in the marker colour in a PNG picture, as a string of 0s and 1s. The picture is
 * decoded by Chromium, on a blank page of its own, rather than in JavaScript here: pngjs spent 24 s of this file's
 * thread decoding the 815 million pixels of both editions' pictures.
 */
async function markerAt(png: string, samples: readonly Sample[]): Promise<string> {
  const decoder = await (decoderPage ??= browser.newPage());
  return decoder.evaluate(
    async ({ png, points, marker }) => {
      const blob = await (await fetch(`data:image/png;base64,${png}`)).blob();
      // The bytes as stored: no colour-space conversion, no premultiplied alpha.
      const bitmap = await createImageBitmap(blob, { colorSpaceConversion: "none", premultiplyAlpha: "none" });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d", { willReadFrequently: true })!;
      context.drawImage(bitmap, 0, 0);
      const { data, width } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let out = "";
      for (let i = 0; i < points.length; i += 2) {
        const at = (Math.round(points[i + 1]!) * width + Math.round(points[i]!)) * 4;
        const near = Math.abs(data[at]! - marker[0]) < 8 && data[at + 1]! < 8 && Math.abs(data[at + 2]! - marker[2]) < 8;
        out += near ? "1" : "0";
      }
      return out;
    },
    { png, points: samples.flatMap((sample) => [sample.x, sample.y]), marker: MARKER },
  );
}

/** The lines from `first` to `last`, by their labels in document order. */
function linesBetween(labels: string[], first: string, last: string): Set<string> {
  return new Set(labels.slice(labels.indexOf(first), labels.indexOf(last) + 1));
}

async function sweep(server: StaticServer, site: string, base: string): Promise<string[]> {
  const links = await collectLinks(server, site, base);
  const labelsOf = new Map<string, string[]>();
  for (const link of links) {
    const labels = labelsOf.get(link.message) ?? [];
    if (!labels.includes(link.first)) labels.push(link.first);
    labelsOf.set(link.message, labels);
  }
  // Taken a message at a time in turn, so that a page mostly goes from one message to another, which loads a new
  // document without a blank page between.
  const turn = new Map<Link, number>();
  const count = new Map<string, number>();
  for (const link of links) {
    turn.set(link, count.get(link.message) ?? 0);
    count.set(link.message, turn.get(link)! + 1);
  }
  const interleaved = [...links].sort((a, b) => turn.get(a)! - turn.get(b)!);
  const outcomes = await inPages(
    interleaved,
    async (page, link) => {
      const where = `${link.message} ${link.first === link.last ? `line ${link.first}` : `lines ${link.first}-${link.last}`}`;
      if (!link.href) return `${where}: no link offered`;
      const url = new URL(link.href);
      const marked = await highlighted(page, `${server.url}/${url.pathname.slice(new URL(base).pathname.length)}${url.hash}`);
      const wanted = linesBetween(labelsOf.get(link.message)!, link.first, link.last);
      const outside = marked.filter((sample) => sample.line === null || !wanted.has(sample.line));
      const text = marked.map((sample) => sample.ch).join("");
      const expected = link.expected.replace(/\s+/g, "");
      return outside.length || text !== expected
        ? `${where}: ${url.hash} highlights "${text}"${outside.length ? ` (${outside.length} characters outside the lines)` : ""}, not "${expected}"`
        : undefined;
    },
    { bypassCSP: true } as never,
  );
  const failures = outcomes.filter((failure): failure is string => failure !== undefined);
  expect(links.length).toBeGreaterThan(20);
  return failures;
}

describe("text-fragment links, followed in Chromium", () => {
  it("land on exactly the cited words, for every line and pair of adjacent lines of the default edition", async () => {
    const site = inject("defaultSite");
    const server = await serveStatic(site);
    try {
      expect(await sweep(server, site, "https://wikileaks-trump-jr-dms.example.org/")).toEqual([]);
    } finally {
      await server.close();
    }
  }, 600_000);

  it("land on exactly the cited words, for every line and pair of adjacent lines of the second edition (tables, lists, right-to-left lines, emoji)", async () => {
    const server = await servePrefixed(inject("gardenSite"), "/garden-letters/");
    try {
      expect(await sweep(server, inject("gardenSite"), "https://example.org/garden-letters/")).toEqual([]);
    } finally {
      await server.close();
    }
  }, 600_000);
});
