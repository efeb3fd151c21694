// No id names two elements of a page, whatever the content, and every reference to an id finds its element: on
// every page of both editions, and of an edition whose ids are chosen to collide with the site's own. Regression:
// a person whose id was "main" got id="main" on the people page, as <main> has; GFM footnotes in two notes on one
// page shared their ids, so a footnote link jumped into the other note.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";

/** Every page's duplicate ids and its references (aria-*, for, #fragments) to ids it does not have. */
async function idProblems(site: string): Promise<{ pages: number; problems: string[] }> {
  const files = (await readdir(site, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith(".html"));
  const problems: string[] = [];
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name);
    const page = path.relative(site, file);
    const counts = new Map<string, number>();
    const references: string[] = [];
    visit(fromHtml(await readFile(file, "utf8")), "element", (node: Element) => {
      const { id, ariaLabelledBy, ariaDescribedBy, ariaControls, htmlFor, href } = node.properties;
      if (typeof id === "string") counts.set(id, (counts.get(id) ?? 0) + 1);
      for (const list of [ariaLabelledBy, ariaDescribedBy, ariaControls, htmlFor]) if (Array.isArray(list)) references.push(...list.map(String));
      if (typeof href === "string" && href.startsWith("#") && href.length > 1 && !href.startsWith("#:~:")) {
        const target = decodeURIComponent(href.slice(1));
        // A range of lines (#L2-L4) is two anchors.
        references.push(...(/^L\d+[a-z]?-L\d+[a-z]?$/.test(target) ? target.split("-") : [target]));
      }
    });
    for (const [id, n] of counts) if (n > 1) problems.push(`${page}: id "${id}" ×${n}`);
    for (const id of new Set(references)) if (!counts.has(id)) problems.push(`${page}: nothing has id "${id}"`);
  }
  return { pages: files.length, problems };
}

const person = (id: string) => `- id: ${id}\n  name: Someone called ${id}\n  kind: person\n`;
const source = (id: string) => `- id: ${id}\n  short: Source ${id}\n  kind: news article\n  publisher: null\n  title: null\n  author: null\n  published: null\n  url: null\n`;
const letter = (id: string, sent: string, body: string) =>
  `---\nid: ${id}\nkind: letter\nplatform: Letter\nfrom: main\nto: [cite]\nsent: ${sent}\nprecision: day\ncompleteness: complete\nsources: [main, matrix-title]\n---\n${body}\n`;
const note = (id: string, target: string, quote: string, body: string) => `---\nid: ${id}\ntarget: ${target}\nanchor:\n  quote: ${quote}\nkind: context\nsources: [main]\n---\n${body}\n`;

/** Ids an editor could choose that are, or make, the ids of the site's own parts and of each other's. */
const HOSTILE = {
  "edition/people.yaml": ["main", "cite", "cite-heading", "site-search-input", "timeline-heading", "on-1901-04-01", "notes-heading"].map(person).join(""),
  "edition/sources.yaml": ["main", "matrix-title", "main-title", "source-main"].map(source).join(""),
  "edition/pages/about.md": "---\ntitle: About\nnav_order: 1\n---\nAn editorial page with a footnote[^1], linking to [the letter called main](message:main).\n\n[^1]: The page's own.\n",
  "content/1901-04-01-ada.md": null,
  "content/1901-04-02-ben.md": null,
  "content/1901-05-harbour-board.md": null,
  "annotations/lamp-failing.md": null,
  "annotations/morning-boat.md": null,
  "annotations/spring-tides.md": null,
  "annotations/whole-letter.md": null,
  "annotations/wicks.md": null,
  "content/main.md": letter("main", "1901-04-01", "The lamp is out[^1] and the boat is late[^late].\n\n[^1]: Since Monday.\n[^late]: By an hour."),
  "content/on-1901-04-01.md": letter("on-1901-04-01", "1901-04-01", "A letter whose id is a day's heading."),
  "content/a.md": letter("a", "1901-04-02", "The first of two."),
  "content/a-heading.md": letter("a-heading", "1901-04-02", "Its id is the first one's heading's, as the conversation once made it."),
  "content/a-ref-b.md": letter("a-ref-b", "1901-04-03", "Its id is what a note call's id once became."),
  "content/message-a.md": letter("message-a", "1901-04-04", "Its id is the first one's entry's, with the namespace."),
  "annotations/b.md": note("b", "a", "The first", "A note with a footnote[^1].\n\n[^1]: The first note's footnote."),
  "annotations/heading.md": note("heading", "main", "The lamp", "Another with the same footnote label[^1].\n\n[^1]: The second note's footnote."),
  "annotations/main.md": note("main", "main", "the boat", "A third, whose id is main[^1].\n\n[^1]: The third note's footnote."),
  "annotations/fn-1.md": note("fn-1", "main", "and the", "A note named like a footnote."),
};

describe("ids on every page", () => {
  it("are unique on every page of the default edition, and every reference finds its element", async () => {
    const { pages, problems } = await idProblems(inject("defaultSite"));
    expect(pages).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  describe("of built editions", () => {
    const roots: string[] = [];
    afterAll(() => Promise.all(roots.map(removeEdition)));
    let garden: string;
    let hostile: string;
    beforeAll(async () => {
      garden = inject("gardenSite");
      const hostileRoot = await makeEdition("small", HOSTILE);
      roots.push(hostileRoot);
      // The build checks its own output for the same, and would stop.
      hostile = (await build(hostileRoot)).outputDir;
    }, 180_000);

    it("are unique on every page of the second edition", async () => {
      const { pages, problems } = await idProblems(garden);
      expect(pages).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    });

    it("are unique on every page of an edition whose ids are the site's own and each other's", async () => {
      const { pages, problems } = await idProblems(hostile);
      expect(pages).toBeGreaterThan(10);
      expect(problems).toEqual([]);
      // The footnotes of the transcript and of each note on one page each have their own, and link to them.
      const page = await readFile(path.join(hostile, "messages", "main", "index.html"), "utf8");
      for (const scope of ["", "note-heading-", "note-main-"]) {
        expect(page).toContain(`href="#${scope}Fn-1" id="${scope}FnRef-1"`);
        expect(page).toContain(`<li id="${scope}Fn-1">`);
      }
      expect(page).toContain('<li id="Fn-2">');
      const people = await readFile(path.join(hostile, "people", "index.html"), "utf8");
      expect(people).toContain('<main id="main"');
      expect(people).toContain('id="person-main"');
    });
  });
});
