// Printing in Chromium: pages printed to PDF (A4) and read back with pdf.js, as text with its positions, so that
// the assertions are about what is on paper: the transcript with its line numbers and raised note numbers, the
// notes after it as numbered footnotes, links' addresses written out, and none of the screen's navigation.
import path from "node:path";
import type { Browser } from "playwright-core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { editedFixture, makeEdition, removeEdition } from "../helpers/edition.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

interface PrintedPage {
  text: string;
  items: TextItem[];
}

let browser: Browser;
let site: StaticServer;
beforeAll(async () => {
  site = await serveStatic(inject("defaultSite"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function print(url: string, colorScheme: "light" | "dark" = "light"): Promise<PrintedPage[]> {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  await page.goto(url);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  await context.close();
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: PrintedPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    const items = content.items.filter((item): item is TextItem => "str" in item);
    pages.push({ items, text: items.map((item) => item.str + (item.hasEOL ? "\n" : "")).join("") });
  }
  return pages;
}

const allText = (pages: PrintedPage[]) => pages.map((page) => page.text).join("\n");

/** The printed item right after the one whose text ends with `before`, skipping spaces. */
function itemAfter(page: PrintedPage, before: string): { before: TextItem; after: TextItem } {
  const index = page.items.findIndex((item) => item.str.endsWith(before));
  expect(index, `"${before}" ends a piece of printed text`).toBeGreaterThanOrEqual(0);
  const after = page.items.slice(index + 1).find((item) => item.str.trim() !== "");
  return { before: page.items[index]!, after: after! };
}

describe("a message printed", () => {
  // Six lines and three notes of a few sentences each fill about one and a half A4 pages. More than three pages
  // would mean that screen furniture (the cite tool, thread navigation) was printed, or notes forced onto pages
  // of their own; fewer than one is no page at all.
  it("fits on one to three A4 pages", async () => {
    const pages = await print(`${site.url}/messages/2016-09-20-wikileaks/`);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
  });

  it("starts with the title and the numbered transcript, without the site's navigation", async () => {
    const [first] = await print(`${site.url}/messages/2016-09-20-wikileaks/`);
    expect(first!.text).toContain("WikiLeaks to Donald Trump Jr.\n");
    // Notes 1 and 2 overlap and end on this line: their calls stand together after it, told apart by a comma.
    expect(first!.text).toMatch(/^1 A PAC run anti-Trump site ?putintrump\.org is about to launch ?1,2$/m);
    expect(first!.text).toMatch(/^6 Any comments\? ?3$/m);
    for (const chrome of ["Skip to content", "Search the edition", "Conversation", "Copy citation", "← Previous", "The whole thread", "Back to the passage"]) {
      expect(first!.text).not.toContain(chrome);
    }
  });

  it("prints the note calls as raised, smaller numbers right after the words they are about", async () => {
    const [first] = await print(`${site.url}/messages/2016-09-20-wikileaks/`);
    const { before: word, after: call } = itemAfter(first!, "is about to launch");
    expect(call.str).toBe("1,2");
    expect(call.height).toBeLessThan(word.height * 0.75);
    // PDF coordinates grow upwards: a raised number's baseline is higher.
    expect(call.transform[5]).toBeGreaterThan(word.transform[5]);
    const { before: question, after: three } = itemAfter(first!, "Any comments?");
    expect(three.str).toBe("3");
    expect(three.height).toBeLessThan(question.height * 0.75);
    expect(three.transform[5]).toBeGreaterThan(question.transform[5]);
  });

  it("prints the notes after the transcript as footnotes numbered as their calls", async () => {
    const text = allText(await print(`${site.url}/messages/2016-09-20-wikileaks/`));
    const lastLine = text.search(/^6 Any comments\?/m);
    const heading = text.search(/^Notes$/m);
    const footnotes = ["1. When the first message was sent", "2. The site putintrump.org", "3. “Any comments?” or “Any comment?”"].map((head) =>
      text.indexOf(`${head}\n`),
    );
    expect(lastLine).toBeGreaterThan(0);
    expect(heading).toBeGreaterThan(lastLine);
    expect(footnotes[0]).toBeGreaterThan(heading);
    expect(footnotes[1]).toBeGreaterThan(footnotes[0]!);
    expect(footnotes[2]).toBeGreaterThan(footnotes[1]!);
    // A note's text follows its head.
    expect(text.indexOf("The Atlantic dates the message")).toBeGreaterThan(footnotes[0]!);
  });

  it("writes out the path of a link inside the edition, but not of line and note links", async () => {
    const text = allText(await print(`${site.url}/messages/2016-09-20-wikileaks/`));
    expect(text).toMatch(/see\s+the method \(\/method\/\)/);
    expect(text).toContain("on line 1\n");
    expect(text).not.toMatch(/\(#/);
  });

  it("keeps the permanent address and prints light even when the screen is dark", async () => {
    const url = `${site.url}/messages/2016-09-20-wikileaks/`;
    const text = allText(await print(url, "dark"));
    expect(text).toContain("Permanent link: https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/");
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(url);
    await page.emulateMedia({ media: "print" });
    const colours = await page.evaluate(() => ({ paper: getComputedStyle(document.body).backgroundColor, ink: getComputedStyle(document.body).color }));
    await context.close();
    expect(colours).toEqual({ paper: "rgb(255, 255, 255)", ink: "rgb(0, 0, 0)" });
  });
});

describe("the home page printed", () => {
  // Nineteen entries of four short lines each come to four A4 pages; two to six leaves room for the edition's
  // growth and for a figure above the list, but not for one entry per page or for the screen's chrome.
  it("lists the thread on two to six pages, with each message's path and no navigation", async () => {
    const pages = await print(`${site.url}/`);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(6);
    const first = pages[0]!.text;
    expect(first).toMatch(/^WikiLeaks and Donald Trump Jr\.: The Direct\s+Messages, 2016–2017$/m);
    expect(first).toContain("SEPTEMBER 2016");
    expect(first).toMatch(/WikiLeaks to Donald Trump Jr\. \(\/messages\/2016-09-20-wikileaks\/\)/);
    expect(first).toContain("A PAC run anti-Trump site putintrump.org is about to launch");
    for (const chrome of ["Skip to content", "Search the edition", "Conversation", "Editorial notes CC BY 4.0"]) expect(first).not.toContain(chrome);
  });
});

describe("external links printed", () => {
  // The default edition has no external link whose text differs from its address; the small edition is given one
  // in a note, and a bare address beside it.
  let root: string;
  let small: StaticServer;
  beforeAll(async () => {
    const wicks = await editedFixture(
      "small",
      "annotations/wicks.md",
      'The Gazette prints "wick".',
      'The Gazette prints "wick" (see [its front page](https://gazette.example.org/1901/04/01) or https://archive.example.org/gazette).',
    );
    root = await makeEdition("small", { "annotations/wicks.md": wicks });
    await build(root);
    small = await serveStatic(path.join(root, "_site"));
  });
  afterAll(async () => {
    await small?.close();
    await removeEdition(root);
  });

  it("writes the address after the link's text, and a bare address once", async () => {
    const text = allText(await print(`${small.url}/messages/1901-04-01-ada/`));
    expect(text).toMatch(/its front page \(https:\/\/gazette\.example\.org\/1901\/04\/01\)/);
    expect(text.match(/archive\.example\.org\/gazette/g)).toHaveLength(1);
  });
});
