// The whole pipeline on a fixture edition, through Eleventy's programmatic API: the built HTML has every page,
// every line anchor, every mark and every note, and the site is indexed.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";

let root: string;
let site: string;
const page = (url: string) => readFile(path.join(site, url, "index.html"), "utf8");
const transcriptOf = (html: string) => html.slice(html.indexOf('<section class="transcript"'), html.indexOf("</section>", html.indexOf('<section class="transcript"')));
/** The markup of line `label` of a transcript, up to the next line. */
const lineOf = (html: string, label: number) => {
  const start = html.indexOf(`id="L${label}"`);
  const next = html.indexOf(`<span class="line" id="L${label + 1}"`, start);
  return html.slice(start, next === -1 ? html.indexOf("</section>", start) : next);
};

beforeAll(async () => {
  root = await makeEdition("small");
  site = path.join(root, "_site");
  await build(root);
});
afterAll(() => removeEdition(root));

describe("building the fixture edition", () => {
  it("writes the home page, one page per message, and the people, sources and search pages", () => {
    for (const url of [
      "",
      "messages/1901-04-01-ada",
      "messages/1901-04-02-ben",
      "messages/1901-05-harbour-board",
      "people",
      "sources",
      "search",
      "about",
    ])
      expect(existsSync(path.join(site, url, "index.html")), url).toBe(true);
    expect(existsSync(path.join(site, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("gives every transcript line an id, a visible number and a Pagefind sub-result title", async () => {
    const html = await page("messages/1901-04-01-ada");
    for (const n of [1, 2, 3, 4]) {
      expect(html).toContain(`id="L${n}" data-line="${n}" data-pagefind-title="Line ${n}"`);
      expect(html).toContain(`<a class="line-number" href="#L${n}" aria-label="Line ${n}" data-n="${n}"`);
    }
    expect(html).not.toContain('id="L5"');
  });

  it("splits a paragraph at its source lines, even inside emphasis", async () => {
    const html = await page("messages/1901-04-01-ada");
    expect(lineOf(html, 2).replace(/<(?!\/?em)[^>]+>/g, "")).toBe('id="L2" data-line="2" data-pagefind-title="Line 2">We must order new wicks before the <em>spring</em>\n');
    const textOf = (markup: string) => markup.replace(/^[^>]*>/, "").replace(/<[^>]+>/g, "").trim();
    expect(textOf(lineOf(html, 2))).toBe("We must order new wicks before the spring");
    expect(textOf(lineOf(html, 3))).toBe("tides arrive.");
    expect(lineOf(html, 3).replace(/<(?!\/?em)[^>]+>/g, "")).toContain("><em>tides</em> arrive.");
  });

  it("marks each annotated passage, links it to its note, and links the note back", async () => {
    const html = await page("messages/1901-04-01-ada");
    for (const id of ["lamp-failing", "spring-tides", "wicks", "whole-letter"]) {
      expect(html).toContain(`href="#note-${id}" id="ref-${id}"`);
      expect(html).toContain(`id="note-${id}"`);
      expect(html).toContain(`href="#ref-${id}"`);
    }
    expect(html.match(/<mark class="annotated[^"]*" data-notes="[^"]*lamp-failing/g)).toHaveLength(1);
  });

  it("nests overlapping notes: a passage under two notes carries both", async () => {
    const html = await page("messages/1901-04-01-ada");
    expect(html).toContain('data-notes="whole-letter spring-tides wicks" data-depth="3">wicks</mark>');
    expect(html).toContain('data-notes="whole-letter spring-tides" data-depth="2">new </mark>');
  });

  it("keeps an annotation that spans two lines on both of them", async () => {
    const html = await page("messages/1901-04-01-ada");
    const l2 = html.slice(html.indexOf('id="L2"'), html.indexOf('id="L3"'));
    const l3 = html.slice(html.indexOf('id="L3"'), html.indexOf('id="L4"'));
    expect(l2).toContain("spring-tides");
    expect(l3).toContain("spring-tides");
    expect(l3).toContain('id="ref-spring-tides"');
  });

  it("anchors a quote with a prefix to the second of two identical passages", async () => {
    const html = await page("messages/1901-04-02-ben");
    expect(html).toContain('leaves at six; the <mark class="annotated note-kind-silence" data-notes="morning-boat" data-depth="1">morning boat</mark>');
    expect(html.match(/<mark/g)).toHaveLength(1);
  });

  it("resolves cross-links between notes, messages and lines to site URLs", async () => {
    const html = await page("messages/1901-04-01-ada");
    expect(html).toContain('<a href="/messages/1901-04-02-ben/#L1" class="cross-link">');
    expect(html).toContain('<a href="/messages/1901-04-01-ada/#note-lamp-failing" class="cross-link">');
  });

  it("renders raw HTML and template syntax in a transcript as visible text", async () => {
    const transcript = transcriptOf(await page("messages/1901-05-harbour-board"));
    expect(transcript).toContain("&#x3C;b>Visitors&#x3C;/b> are welcome {{ as ever }}.");
    expect(transcript).not.toContain("<b>");
    const about = await page("about");
    expect(about).toContain("{{ this is not a template }}");
  });

  it("lists the thread on the home page in time order with sender, time and first line", async () => {
    const html = await page("");
    const order = ["1901-04-01-ada", "1901-04-02-ben", "1901-05-harbour-board"].map((id) => html.indexOf(`id="message-${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain("<strong>Ada Quill</strong> to Ben Moor");
    expect(html).toContain("The lighthouse lamp is failing again.");
    expect(html).toContain("April 1, 1901, 9:30 a.m. (UTC+00:00)");
    expect(html).toContain("May 1901");
  });

  it("shows each message's metadata, sources and neighbours in the thread", async () => {
    const html = await page("messages/1901-04-02-ben");
    expect(html).toContain("<dt>From</dt><dd><a href=\"/people/#person-ben\">Ben Moor</a></dd>");
    expect(html).toContain('<time datetime="1901-04-02">April 2, 1901</time>');
    expect(html).toContain("(date only)");
    expect(html).toContain("Excerpt: the sources quote only part of this message");
    expect(html).toContain('<dt>Attested by</dt><dd><a href="/sources/#source-gazette">The Gazette</a></dd>');
    expect(html).toContain('<a rel="prev" href="/messages/1901-04-01-ada/">');
    expect(html).toContain('<a rel="next" href="/messages/1901-05-harbour-board/">');
  });

  it("records what a source does not say as unknown", async () => {
    const html = await page("sources");
    expect(html).toMatch(/id="source-ledger"[^]*<dt>Title<\/dt><dd><span class="unknown">unknown<\/span>/);
  });
});
