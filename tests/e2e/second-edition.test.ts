// A second, unrelated edition (tests/fixtures/garden-committee: invented garden-committee emails with a table,
// lists, Arabic, Hebrew, Japanese and Greek lines, emoji and a message of hostile markup), published under a path
// prefix: its base_url is https://example.org/garden-letters/, and it is served here only under /garden-letters/,
// with everything outside the prefix a 404. The scenarios of the default edition's end-to-end tests run on it in
// Chromium (search from the home page to the highlighted line and its note, search in other scripts, RTL lines,
// anchored table rows and list items, citing a range, hostile markup shown as text) and its pages pass the quality
// gates (vnu, axe, link check, CSP). Every request the browser makes is recorded: none may leave the prefix.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { check } from "../../src/cli/check.ts";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import { verifySite } from "../../src/site/verify-site.ts";
import { eventually, useChromium } from "../helpers/browser.ts";
import { makeEdition, PROJECT_ROOT, removeEdition } from "../helpers/edition.ts";
import { htmlErrors } from "../helpers/html-checker.ts";
import { startWatchServer, type WatchServer } from "../helpers/watch-server.ts";
import { RESULTS } from "../helpers/search.ts";
import { servePrefixed, type StaticServer } from "../helpers/server.ts";

const PREFIX = "/garden-letters/";
const BASE_URL = `https://example.org${PREFIX}`;
const TOM = "2024-03-02-tom-okafor";
const MARYAM = "2024-03-03-maryam-haddad";
const KEIKO = "2024-03-03-keiko-tanaka";
const NOA = "2024-03-04-noa-levi";
const ELENI = "2024-03-05-eleni-papadopoulou";
const HOSTILE = "2024-03-08-noa-levi";
const NOTICE = "2024-03-10-garden-committee";
// Messages written in other languages (language: in their front matter).
const KEIKO_JA = "2024-03-06-keiko-tanaka";
const ELENI_EL = "2024-03-06-eleni-papadopoulou";
const MARYAM_AR = "2024-03-07-maryam-haddad";
const NOA_HE = "2024-03-07-noa-levi";

/** The second edition, built once for the run (tests/global-setup.ts); read, never written. */
const root = inject("gardenRoot");
const site = inject("gardenSite");
let server: StaticServer;
/** Every URL the browser asked for, in any test of the file, from any origin. */
const requested: string[] = [];

const chromium = useChromium(site, {
  permissions: ["clipboard-read", "clipboard-write"],
  serve: async (dir) => (server = await servePrefixed(dir, PREFIX)),
});

const dialogs: string[] = [];
beforeEach(() => {
  // useChromium's beforeEach ran first and opened this test's context and page.
  chromium.context.on("request", (request) => requested.push(request.url()));
  dialogs.length = 0;
  chromium.page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
});

/** Requests outside the prefix: from the browser (any origin, any path but the prefix) and as the server saw them. */
function outsidePrefix(): string[] {
  const browser = requested.filter((url) => !/^(?:data|blob):/.test(url) && !url.startsWith(`${server.origin}${PREFIX}`));
  return [...browser, ...server.outside.map((url) => `server: ${url}`)];
}

const results = () => chromium.page.locator(RESULTS);
const onScreen = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
};

describe("the second edition as a fixture", () => {
  it("checks with no errors, and warns exactly about the hostile message's raw HTML and template syntax", async () => {
    const { report, errors } = await check(root);
    expect(errors).toBe(0);
    const warnings = [...report.matchAll(/^(\S+):(\d+):\d+ {2}warning {2}(.*) {2}\[([a-z-]+)\]$/gm)].map(([, file, line, message, rule]) => `${file}:${line} ${rule}: ${message}`);
    expect(warnings).toEqual([
      `content/${HOSTILE}.md:16 raw-html: Raw HTML is shown as text, not interpreted: "<script>alert(1)</script>"`,
      `content/${HOSTILE}.md:18 raw-html: Raw HTML is shown as text, not interpreted: "<img src=x onerror=alert(1)>"`,
      `content/${HOSTILE}.md:21 template-syntax: Line 6 contains template syntax ({{ or {%), which is shown as text`,
    ]);
    expect(report.split("\n").filter((line) => /\s(?:error|warning)\s/.test(line))).toHaveLength(3);
  });

  it("is a different correspondence, says it is fiction written for the tests, and is published under its prefix", async () => {
    const { model } = await readEdition(root);
    const { meta, people } = model!.edition;
    expect(meta.base_url).toBe(BASE_URL);
    expect(meta.license).toMatch(/^CC0/);
    expect(meta.description).toContain("fiction written for this project's tests");
    expect(people.size).toBe(6);
    expect(model!.messages).toHaveLength(11);
    expect(model!.notes).toHaveLength(13);
    expect(model!.messages.filter(({ message }) => message.language).map(({ message }) => message.language)).toEqual(["ja", "el", "ar", "he"]);
    const about = await readFile(path.join(site, "about", "index.html"), "utf8");
    expect(about).toContain("Fiction, written for the tests");
    expect(about).toContain(`href="${PREFIX}messages/${TOM}/#L3"`);
  });
});

describe("reading and searching the second edition in Chromium, under its path prefix", () => {
  it("searches from the home page and lands on the line, highlighted, with its note", async () => {
    const { page, errors } = chromium;
    await page.goto(`${server.url}/`);
    await page.getByRole("searchbox", { name: "Search the edition" }).fill("wheelbarrow");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.origin}${PREFIX}search/?q=wheelbarrow`);
    const line = page.locator("#search-result-list a.result-line-link").first();
    await line.waitFor();
    expect(await line.getAttribute("href")).toBe(`${PREFIX}messages/${TOM}/?pagefind-highlight=wheelbarrow#L9`);
    await line.click();
    await page.waitForURL(`${server.origin}${PREFIX}messages/${TOM}/?pagefind-highlight=wheelbarrow#L9`);

    const target = page.locator(".line:target");
    await eventually(() => target.getAttribute("id")).toBe("L9");
    expect(await target.locator(".line-text").innerText()).toBe("The wheelbarrow is back from repair; the shed key is under the blue pot.");
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 246, 216)");
    expect(await target.evaluate(onScreen)).toBe(true);
    await eventually(() => target.locator("mark.pagefind-highlight").allInnerTexts()).toEqual(["wheelbarrow"]);

    await target.locator('a.note-call[href="#note-wheelbarrow"]').click();
    expect(await page.locator("#note-wheelbarrow .note-body").innerText()).toBe("Its wheel was replaced with a solid tyre, which the minutes record at £18.");
    expect(await page.evaluate(() => location.hash)).toBe("#note-wheelbarrow");
    expect(errors).toEqual([]);
    expect(outsidePrefix()).toEqual([]);
  });

  // Each query is typed in the search page; its first line result is the line, and following it marks the words as
  // the reader knows them: with or without accents, with or without the prefixes Hebrew and Arabic attach, inside
  // unspaced Japanese, whatever the message's language and the edition's.
  it.each([
    ["an Arabic word", "النعناع", MARYAM, 4, "سأزرع النعناع والبقدونس في القطعة رقم ٤.", ["النعناع"]],
    ["an Arabic word without its prefixes", "بقدونس", MARYAM, 4, "سأزرع النعناع والبقدونس في القطعة رقم ٤.", ["والبقدونس"]],
    ["a Hebrew word", "העגבניות", NOA, 2, "תודה רבה! אני אביא את העגבניות מהחממה.", ["העגבניות"]],
    ["a Hebrew word without its prefixes", "חממה", NOA, 2, "תודה רבה! אני אביא את העגבניות מהחממה.", ["מהחממה"]],
    ["a Japanese word", "紫蘇", KEIKO, 4, "紫蘇 (shiso), green and red", ["紫蘇"]],
    ["a Japanese word inside an unspaced sentence of an English message", "土曜日", KEIKO, 6, "種は土曜日に持っていきます。", ["土曜日"]],
    ["a Greek word", "βασιλικός", ELENI, 3, "Ο βασιλικός θέλει πολύ ήλιο, so plot 3 is ideal.", ["βασιλικός"]],
    ["a Greek word typed without its accent", "βασιλικος", ELENI, 3, "Ο βασιλικός θέλει πολύ ήλιο, so plot 3 is ideal.", ["βασιλικός"]],
    ["an emoji of four code points joined by zero-width joiners", "👩🏽‍🌾", MARYAM, 6, "Maryam 👩🏽‍🌾", ["👩🏽‍🌾"]],
    ["a flag", "🇯🇵", KEIKO, 2, "My sister in Osaka 🇯🇵 sent seeds for the swap:", ["🇯🇵"]],
    ["a word of a message in Japanese", "苗床", KEIKO_JA, 3, "苗床は北側の花壇がいいと思います。", ["苗床"]],
    ["a word of a message in Greek, unaccented", "θυμαρι", ELENI_EL, 3, "Θα φέρω δυόσμο και θυμάρι το Σάββατο.", ["θυμάρι"]],
    ["a word of a message in Arabic, without its article", "شتلات", MARYAM_AR, 3, "سأحضر الشتلات والسماد إلى الحديقة يوم السبت.", ["الشتلات"]],
    ["a word of a message in Hebrew, without its prefixes", "כפפות", NOA_HE, 3, "אביא גם את המזמרה והכפפות בשבת.", ["והכפפות"]],
  ])("finds %s and lands on its line, marked", async (_, query, id, n, text, marked) => {
    const { page, errors } = chromium;
    await page.goto(`${server.url}/search/`);
    await page.locator("#search-input").fill(query);
    await eventually(() => results().count()).toBeGreaterThan(0);
    const line = results().first().locator(".result-line-link").first();
    const href = (await line.getAttribute("href"))!;
    expect(href.startsWith(`${PREFIX}messages/${id}/?pagefind-highlight=`)).toBe(true);
    expect(href.endsWith(`#L${n}`)).toBe(true);
    expect(await line.locator(".result-line-text").innerText()).toBe(text);
    expect(await line.locator(".result-line-text mark").allInnerTexts()).toEqual(marked);
    await line.click();
    await eventually(() => page.locator(".line:target").getAttribute("id")).toBe(`L${n}`);
    expect(await page.locator(".line:target .line-text").innerText()).toBe(text);
    await eventually(() => page.locator(".line:target mark.pagefind-highlight").allInnerTexts()).toEqual(marked);
    expect(errors).toEqual([]);
    expect(outsidePrefix()).toEqual([]);
  });

  it("sorts results in every language into the thread's date order, both ways", async () => {
    const { page } = chromium;
    const { model } = await readEdition(root);
    const thread = model!.messages.map(({ message }) => `${PREFIX}messages/${message.id}/`);
    // Every message's date says 2024: a result from each of the five languages' indexes.
    const order = async (sort: string) => {
      await page.goto(`${server.url}/search/?q=2024&sort=${sort}`);
      await eventually(() => page.locator("#search-summary").innerText()).toBe("11 results for 2024");
      await eventually(() => results().count()).toBe(6);
      await page.locator("#search-more").click();
      await eventually(() => results().count()).toBe(11);
      return page.locator(`${RESULTS} .result-link`).evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    };
    expect(await order("date:asc")).toEqual(thread);
    expect(await order("date:desc")).toEqual([...thread].reverse());
  });

  it("says which language a message is in, on its page, in the conversation and in the search results", async () => {
    const { page } = chromium;
    for (const [id, language] of [[KEIKO_JA, "ja"], [ELENI_EL, "el"], [MARYAM_AR, "ar"], [NOA_HE, "he"]] as const) {
      await page.goto(`${server.url}/messages/${id}/`);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.locator("section.transcript").getAttribute("lang")).toBe(language);
      expect(await page.locator(".line").first().evaluate((line) => line.closest("[lang]")!.getAttribute("lang"))).toBe(language);
    }
    // A message in the edition's language carries none of its own.
    await page.goto(`${server.url}/messages/${TOM}/`);
    expect(await page.locator("section.transcript").getAttribute("lang")).toBeNull();
    // Its note's quoted words are in the message's language.
    await page.goto(`${server.url}/messages/${KEIKO_JA}/`);
    expect(await page.locator("#note-seed-bed .note-quote p").getAttribute("lang")).toBe("ja");
    await page.goto(`${server.url}/conversation/`);
    expect(await page.locator(`[id="message-${ELENI_EL}"] .transcript`).getAttribute("lang")).toBe("el");
    await page.goto(`${server.url}/search/?q=${encodeURIComponent("苗床")}`);
    await eventually(() => results().count()).toBe(1);
    expect(await results().first().locator(".result-line-text").getAttribute("lang")).toBe("ja");
    expect(outsidePrefix()).toEqual([]);
  });

  it("shows right-to-left lines right to left, each line in its own direction, with the line numbers in place", async () => {
    const { page } = chromium;
    const layout = (selector: string) =>
      page.locator(selector).evaluate((line) => {
        const text = line.querySelector(".line-text")!;
        const range = document.createRange();
        range.selectNodeContents(text);
        const words = range.getBoundingClientRect();
        const box = text.getBoundingClientRect();
        return {
          direction: getComputedStyle(text).direction,
          // Where the words sit in the line's box: flush with its left or its right edge.
          flushLeft: Math.abs(words.left - box.left) < 2,
          flushRight: Math.abs(words.right - box.right) < 2,
          numberLeftOfText: line.querySelector(".line-number")!.getBoundingClientRect().right <= box.left,
        };
      });
    await page.goto(`${server.url}/messages/${MARYAM}/`);
    expect(await layout("#L2")).toEqual({ direction: "ltr", flushLeft: true, flushRight: false, numberLeftOfText: true });
    expect(await layout("#L3")).toEqual({ direction: "rtl", flushLeft: false, flushRight: true, numberLeftOfText: true });
    expect(await layout("#L4")).toEqual({ direction: "rtl", flushLeft: false, flushRight: true, numberLeftOfText: true });
    await page.goto(`${server.url}/messages/${NOA}/`);
    expect(await layout("#L2")).toEqual({ direction: "rtl", flushLeft: false, flushRight: true, numberLeftOfText: true });
    // A line that begins in English is English, whatever it quotes.
    await page.goto(`${server.url}/messages/${NOTICE}/`);
    expect((await layout("#L3")).direction).toBe("ltr");

    // The same holds where the words are quoted: a note's quoted passage, and a line in the search results.
    await page.goto(`${server.url}/messages/${MARYAM}/`);
    const quotes = await page.locator(".note-quote p").evaluateAll((ps) => ps.map((p) => [p.textContent, getComputedStyle(p).direction]));
    expect(quotes.some(([text, direction]) => /[\u0600-\u06ff]/.test(text!) && direction === "rtl")).toBe(true);
    expect(quotes.filter(([text]) => /^[A-Za-z]/.test(text!)).every(([, direction]) => direction === "ltr")).toBe(true);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent("النعناع")}`);
    const resultLine = page.locator("#search-result-list .result-line-text").first();
    await resultLine.waitFor();
    expect(await resultLine.evaluate((text) => getComputedStyle(text).direction)).toBe("rtl");
    await page.screenshot({ path: path.join(PROJECT_ROOT, "test-results", "second-edition-rtl.png") });
    expect(outsidePrefix()).toEqual([]);
  });

  it("keeps a line anchor on every row of a table and every item of a list", async () => {
    const { page } = chromium;
    await page.goto(`${server.url}/messages/${TOM}/#L7`);
    expect(await page.locator("table thead th > .line[id]").evaluateAll((lines) => lines.map((l) => l.id))).toEqual(["L3"]);
    expect(await page.locator("table tbody tr td > .line[id]").evaluateAll((lines) => lines.map((l) => l.id))).toEqual(["L4", "L5", "L6", "L7", "L8"]);
    const row = page.locator(".line:target");
    await eventually(() => row.getAttribute("id")).toBe("L7");
    expect(await row.evaluate(onScreen)).toBe(true);
    expect(await page.locator("table tbody tr").nth(3).innerText()).toMatch(/^4\s+Maryam\s+mint and parsley$/);
    // The note on the table covers its header and rows, and says so.
    expect(await page.locator("#note-rota-table .note-where").innerText()).toContain("lines 3–8");

    await page.goto(`${server.url}/messages/${KEIKO}/#L4`);
    expect(await page.locator("ul > li .line[id]").evaluateAll((lines) => lines.map((l) => l.id))).toEqual(["L3", "L4", "L5"]);
    await eventually(() => page.locator(".line:target").getAttribute("id")).toBe("L4");
    expect(await page.locator("li:has(> .line:target), li:has(> p > .line:target)").count()).toBe(1);
    expect(outsidePrefix()).toEqual([]);
  });

  it("cites a range of table rows in Chicago with the prefixed URL, and a note at its permalink", async () => {
    const { page, errors } = chromium;
    const today = new Date().toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric" });
    await page.goto(`${server.url}/messages/${TOM}/`);
    await page.locator('.transcript a.line-number[data-n="4"]').click();
    await page.locator('.transcript a.line-number[data-n="8"]').click({ modifiers: ["Shift"] });
    expect(new URL(page.url()).pathname).toBe(`${PREFIX}messages/${TOM}/`);
    expect(new URL(page.url()).hash).toBe("#L4-L8");
    expect(await page.locator(".transcript .line.selected").evaluateAll((lines) => lines.map((l) => l.id))).toEqual(["L4", "L5", "L6", "L7", "L8"]);
    await eventually(() => page.locator(".cite-output").innerText()).toContain("lines 4–8");
    // The citation of the chosen rows shows under them, with its own copy button.
    await page.getByRole("region", { name: "Citation of the selected lines" }).getByRole("button", { name: "Copy citation" }).click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      // The cited rows where a page would go (CMOS 14.111), and the editors, who publish the edition, named once.
      "Tom Okafor, Email to Maryam Haddad, Keiko Tanaka, Eleni Papadopoulou, and Noa Levi, March 2, 2024, " +
        "in The Hollybrook Garden Letters, 2024, ed. The Test Fixture Editors, version 1.0.0, lines 4–8, " +
        `accessed ${today}, ${BASE_URL}messages/${TOM}/#L4-L8.`,
    );

    await page.getByRole("radio", { name: "BibTeX" }).check();
    await eventually(() => page.locator(".cite-output").innerText()).toContain(`url = {${BASE_URL}messages/${TOM}/#L4-L8}`);

    // A single line: its text-fragment link is on the published, prefixed address.
    await page.locator('.transcript a.line-number[data-n="9"]').click();
    await eventually(async () => (await page.locator(".cite-fragment-link").getAttribute("href"))?.startsWith(`${BASE_URL}messages/${TOM}/#:~:text=`)).toBe(true);

    const option = page.locator("#cite-what option", { hasText: "Note 1" });
    await page.locator("#cite-what").selectOption({ label: (await option.textContent()) ?? "" });
    await page.getByRole("radio", { name: "Chicago (notes)" }).check();
    await eventually(() => page.locator(".cite-output").innerText()).toContain(`${BASE_URL}messages/${TOM}/#note-rota-table`);
    expect(await page.locator("#note-rota-table a", { hasText: "Permalink" }).getAttribute("href")).toBe(`${PREFIX}messages/${TOM}/#note-rota-table`);
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(`${BASE_URL}messages/${TOM}/`);
    expect(errors).toEqual([]);
    expect(outsidePrefix()).toEqual([]);
  });

  it("shows the hostile message's markup as text, runs none of it, and leaves its javascript: link dead", async () => {
    const { page, errors } = chromium;
    await page.goto(`${server.url}/messages/${HOSTILE}/`);
    await page.waitForLoadState("networkidle");
    const lineText = (n: number) => page.locator(`#L${n} .line-text`).innerText();
    expect(await lineText(3)).toBe("<script>alert(1)</script>");
    expect(await lineText(4)).toBe("<img src=x onerror=alert(1)>");
    expect(await lineText(5)).toBe("free seeds here");
    expect(await lineText(6)).toBe("Total plots: {{ 7*7 }} and {% raw %}nothing to see{% endraw %}");
    // The link's words are not a link, and nothing on the page links to or runs script from the transcript.
    expect(await page.locator("#L5 .line-text").evaluate((text) => text.querySelector("a") === null && text.closest("a") === null)).toBe(true);
    expect(await page.getByRole("link", { name: "free seeds here" }).count()).toBe(0);
    const live = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        const url = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
        if (/^\s*javascript:/i.test(url)) found.push(`${element.tagName} ${url}`);
      }
      for (const element of document.querySelectorAll(".transcript img, .transcript script, .transcript iframe")) found.push(`<${element.tagName}>`);
      return found;
    });
    expect(live).toEqual([]);
    expect(await page.locator(".transcript").innerText()).not.toContain("49");
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);

    // The same lines, as search results, stay text.
    await page.goto(`${server.url}/search/?q=onerror`);
    await eventually(() => results().count()).toBe(1);
    expect(await results().first().locator(".result-line-text").innerText()).toBe("<img src=x onerror=alert(1)>");
    // Settled: the result is drawn (above) and painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(PROJECT_ROOT, "test-results", "second-edition-hostile.png"), fullPage: true });
    expect(outsidePrefix()).toEqual([]);
  });
});

describe("the search index of an edition in several languages", () => {
  it("indexes each message in its own language, with that language's word splitting and stemming", async () => {
    // Pagefind keeps an index per language: the English messages', and one for each message in another language.
    const entry = JSON.parse(await readFile(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number; wasm: string | null }>;
    };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([language, index]) => [language, index.page_count]))).toEqual({
      en: 7,
      ja: 1,
      el: 1,
      ar: 1,
      he: 1,
    });
    // Greek and Arabic have stemmers, and so WebAssembly of their own; Japanese and Hebrew have none.
    expect(entry.languages.el?.wasm).toBe("el");
    expect(entry.languages.ar?.wasm).toBe("ar");
    expect(entry.languages.ja?.wasm).toBeNull();
    // The search page knows where each is, so as to load nothing it does not need.
    const searchPage = await readFile(path.join(site, "search", "index.html"), "utf8");
    const config = JSON.parse(/<script type="application\/json" id="search-config">([^<]*)/.exec(searchPage)![1]!);
    expect(config.bundles).toEqual([{ path: `${PREFIX}pagefind/`, languages: { en: null, ja: [5], el: [6], ar: [7], he: [8] } }]);
  });

  it("downloads a second WebAssembly only for a language with a stemmer of its own", async () => {
    const { page } = chromium;
    const wasm: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith(".pagefind")) wasm.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent("ντομάτα")}`);
    await eventually(() => results().count()).toBe(1);
    expect(wasm.sort()).toEqual([`${PREFIX}pagefind/wasm.ar.pagefind`, `${PREFIX}pagefind/wasm.el.pagefind`, `${PREFIX}pagefind/wasm.en.pagefind`]);
  });
});

describe("quality gates on the second edition", () => {
  it("has no HTML errors on any page, by the W3C Nu HTML checker", async () => {
    expect(await htmlErrors(site)).toEqual([]);
  });

  it.each([
    ["home", "/"],
    ["table message", `/messages/${TOM}/`],
    ["Arabic message", `/messages/${MARYAM}/`],
    ["hostile message", `/messages/${HOSTILE}/`],
    ["search, with results in Arabic", "/search/?q=%D8%A3%D9%87%D9%84%D8%A7%D9%8B"],
    ["Japanese message", `/messages/${KEIKO_JA}/`],
    ["about", "/about/"],
    ["people", "/people/"],
    ["sources", "/sources/"],
    ["conversation", "/conversation/"],
  ])("has no WCAG 2.2 A or AA violations on the %s page", async (_, url) => {
    const { page } = chromium;
    await page.goto(`${server.url}${url}`);
    if (url.startsWith("/search/")) await eventually(() => results().count()).toBe(2);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(outsidePrefix()).toEqual([]);
  });

  it("has no broken internal link or anchor", async () => {
    const { model } = await readEdition(root);
    expect(await verifySite(site, model!)).toEqual([]);
  });

  it("forbids inline script on every page, and every address on every page carries the prefix", async () => {
    const pages = (await readdir(site, { recursive: true })).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(12);
    const unprefixed: string[] = [];
    for (const file of pages) {
      const html = await readFile(path.join(site, file), "utf8");
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#x27;/g, "'");
      expect(policy, file).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy, file).not.toContain("unsafe-inline");
      for (const [, type] of html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)) expect(type, file).toMatch(/type="application\/(?:ld\+)?json"/);
      // Root-relative addresses in attributes, and absolute ones on the edition's host, all under the prefix.
      for (const [, attribute, value] of html.matchAll(/\s(href|src|action|content|bundle-path|data-merge-bundles)="(\/[^"]*)"/g))
        if (!value!.startsWith(PREFIX)) unprefixed.push(`${file}: ${attribute}="${value}"`);
      for (const [url] of html.matchAll(/https:\/\/example\.org\/[^"'\s<>\\]*/g))
        if (!url.startsWith(BASE_URL)) unprefixed.push(`${file}: ${url}`);
    }
    expect(unprefixed).toEqual([]);
  });
});

describe("nothing outside the prefix", () => {
  it("was requested by any test, and the search bundle, its WebAssembly and the highlighter came from under it", () => {
    expect(outsidePrefix()).toEqual([]);
    const paths = requested.map((url) => new URL(url).pathname);
    for (const file of ["pagefind/pagefind-entry.json", "pagefind/pagefind.js", "pagefind/wasm.en.pagefind", "assets/search.js", "assets/edition.css", "assets/message.js"])
      expect(paths, file).toContain(`${PREFIX}${file}`);
    expect(server.requests.length).toBeGreaterThan(50);
  });
});

describe("npm start on an edition with a path prefix", () => {
  let startRoot: string;
  let start: WatchServer;
  beforeAll(async () => {
    startRoot = await makeEdition("garden-committee");
    start = await startWatchServer(startRoot, 20_000);
  }, 90_000);
  afterAll(async () => {
    start?.stop();
    if (startRoot) await removeEdition(startRoot);
  });

  it("serves the site where its links point, under the prefix, and says so", async () => {
    const { port } = start;
    expect(start.output()).toContain(`Serving the edition at http://localhost:${port}${PREFIX}`);
    const home = await fetch(`http://localhost:${port}/`);
    expect(home.url).toBe(`http://localhost:${port}${PREFIX}`);
    expect(await home.text()).toContain(`<link rel="stylesheet" href="${PREFIX}assets/edition.css">`);
    for (const file of ["assets/edition.css", `messages/${TOM}/`, "pagefind/pagefind-entry.json"])
      expect((await fetch(`http://localhost:${port}${PREFIX}${file}`)).status, file).toBe(200);
    expect((await fetch(`http://localhost:${port}/messages/${TOM}/`)).status).toBe(404);
  });
});
