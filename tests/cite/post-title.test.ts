// A public post is cited by its own words as a reader sees them. Regression: the citation's title was built from the
// transcript's raw Markdown, so every format, the meta tags and the JSON-LD showed backslash escapes and `**`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITATION_FORMATS, formatCitation, type CslItem } from "../../src/cite/index.ts";
import { build } from "../../src/cli/build.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";

const POST = "1901-05-02-harbour-board";
const MARKDOWN = "Open **today**: the \\*new\\* lamp at [the pier](https://example.org/pier) \\#1 &amp; `tower`";
const READ = "Open today: the *new* lamp at the pier #1 & tower";

let root: string;
let site: string;
beforeAll(async () => {
  root = await makeEdition("small", {
    [`content/${POST}.md`]: `---\nid: ${POST}\nkind: public-post\nplatform: Notice board\ntitle: The board's notice\nfrom: harbour-board\nsent: 1901-05-02\nprecision: day\ncompleteness: complete\nsources: [ledger]\n---\n${MARKDOWN}\n`,
  });
  site = (await build(root)).outputDir;
}, 120_000);
afterAll(() => removeEdition(root));

const page = () => readFile(path.join(site, "messages", POST, "index.html"), "utf8");
const metaContent = (html: string, name: string) => [...html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, "g"))].map((m) => m[1]!.replace(/&#x26;|&amp;/g, "&").replace(/&#x22;/g, '"'));

describe("a public post's citation title", () => {
  it("is the post's rendered text in the CSL item the site exports", async () => {
    const items = JSON.parse(await readFile(path.join(site, "exports", "edition.csl.json"), "utf8")) as CslItem[];
    expect(items.find((item) => item.id === POST)?.title).toBe(READ);
  });

  it("is the rendered text in every citation format, with no Markdown left", async () => {
    const items = JSON.parse(await readFile(path.join(site, "exports", "edition.csl.json"), "utf8")) as CslItem[];
    const item = items.find((candidate) => candidate.id === POST)!;
    for (const format of CITATION_FORMATS) {
      // BibTeX escapes its own specials (\#, \&) and protects capitals with braces: those are BibTeX's, not Markdown's.
      const citation = format === "bibtex" ? formatCitation(item, format).replace(/\\([#&%$_])/g, "$1").replace(/[{}]/g, "") : formatCitation(item, format);
      expect(citation, format).not.toMatch(/\\\*|\*\*|\\#|`|\]\(/);
      expect(citation, format).toContain(READ);
    }
  });

  it("is the rendered text in the meta tags, the JSON-LD and the ready citation on the page", async () => {
    const html = await page();
    expect(metaContent(html, "DC.title")).toEqual([READ]);
    expect(metaContent(html, "citation_title")).toEqual([READ]);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
    expect(Object.values(jsonLd)).toContain(READ);
    expect(html).toContain(`“${READ.replace("&", "&#x26;")},”`);
  });
});
