// rehype-sanitize runs last in every chain, after every plugin that adds markup, as its documentation requires.
// Regression: three plugins (inert links, search aliases, external links) ran after it, so whatever they added was
// never checked. What the chains emit for hostile content is exactly what the schema allows: sanitising it again
// changes nothing, and no script, handler, unsafe URL or embedding element is left.
import type { Element } from "hast";
import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { anchorAnnotations } from "../../src/anchor/anchor-annotations.ts";
import { createNoteProcessor, createTranscriptHtmlProcessor, createTranscriptLinesProcessor } from "../../src/render/processors.ts";
import { sanitizeSchema } from "../../src/render/sanitize-schema.ts";

const RUN = "window.__pwned=1";
/** Markdown that our own late plugins act on (links, URLs, handles, footnotes, images), made hostile. */
const HOSTILE = [
  `[a link](javascript:${RUN}) and [another](JaVaScRiPt:${RUN}) and [a third](data:text/html,<script>${RUN}</script>)`,
  `<a href="javascript:${RUN}" onclick="${RUN}">raw</a> <img src=x onerror=${RUN}> <script>${RUN}</script>`,
  `A URL http://example.org/"onmouseover="${RUN} and https://example.org/?q=<script> and www.evil.example/"><b>`,
  `Glued handles Wednesday@"onmouseover=${RUN} and x@<script>${RUN}</script>`,
  `A footnote[^" onmouseover="${RUN}] and another[^<script>${RUN}</script>] and a third[^x].`,
  `[^" onmouseover="${RUN}]: A hostile label, [a link](javascript:${RUN}).`,
  `[^<script>${RUN}</script>]: Another.`,
  `[^x]: ![an image](javascript:${RUN}) ![another](https://example.org/"onerror="${RUN}.png)`,
  `[a same-page link](#L1" onclick="${RUN}) [a fragment](#%zz) <https://example.org/a"b>`,
  `<svg><a xlink:href="javascript:${RUN}"><text>x</text></a></svg> <math href="javascript:${RUN}">x</math>`,
].join("\n");

/** What a transcript or note may contain: text markup, tables, lists, links and our own spans and marks. */
const ALLOWED_TAGS = new Set(["p", "span", "a", "mark", "sup", "section", "h2", "ol", "li", "em", "strong", "code", "del", "br"]);
const reSanitize = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);
const parseOnly = unified().use(rehypeParse, { fragment: true }).use(rehypeStringify);

function transcriptHtml(markdown: string): string {
  const lines = createTranscriptLinesProcessor();
  const html = createTranscriptHtmlProcessor();
  const file = new VFile({ path: "content/hostile.md", value: markdown });
  const tree = lines.runSync(lines.parse(file), file);
  // A note on the hostile words, so that marks and note calls are part of what is checked.
  file.data.anchored = anchorAnnotations("hostile", file.data.lines!, [{ id: "on-the-link", anchor: { quote: "A URL" }, kind: "context" }]).anchored;
  return html.stringify(html.runSync(tree, file), file);
}

function noteHtml(markdown: string): string {
  const file = new VFile({ path: "annotations/hostile.md", value: markdown });
  file.data.idScope = "note-hostile-";
  return String(createNoteProcessor({ schemes: { message: () => ({ href: "/messages/m/" }) } }).processSync(file));
}

describe("sanitising last", () => {
  it("is the last step before stringifying in the transcript and note chains", () => {
    for (const processor of [createTranscriptHtmlProcessor(), createNoteProcessor({ schemes: {} })]) {
      const names = processor.attachers.map(([plugin]) => plugin.name);
      expect(names.slice(-2)).toEqual(["rehypeSanitize", "rehypeStringify"]);
    }
  });

  it.each([
    ["a transcript", transcriptHtml],
    ["a note", noteHtml],
  ])("leaves in %s only what the schema allows: sanitising its HTML again changes nothing", (_, render) => {
    const html = render(HOSTILE);
    expect(String(reSanitize.processSync(html))).toBe(String(parseOnly.processSync(html)));
    const elements: Element[] = [];
    visit(unified().use(rehypeParse, { fragment: true }).parse(html), "element", (node: Element) => void elements.push(node));
    expect(elements.map((node) => node.tagName).filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
    expect(elements.flatMap((node) => Object.keys(node.properties)).filter((name) => /^on/i.test(name))).toEqual([]);
    const hrefs = elements.map((node) => node.properties.href).filter((href) => href !== undefined).map(String);
    expect(hrefs.filter((href) => !/^(?:https?:\/\/|#|\/)/.test(href))).toEqual([]);
    // Our own plugins' work survived it: the safe link is live with its rel, and the marks and calls are there.
    expect(html).toMatch(/<a href="http:\/\/example\.org\/%22onmouseover=%22window\.__pwned=1"[^>]* rel="nofollow noopener noreferrer"/);
  });

  it("keeps footnotes working with ids of their own, whatever their labels", () => {
    const html = noteHtml(HOSTILE);
    expect(html).toContain('<a href="#note-hostile-Fn-1" id="note-hostile-FnRef-1" data-footnote-ref aria-describedby="note-hostile-FnLabel">1</a>');
    expect(html).toContain('<h2 class="sr-only" id="note-hostile-FnLabel">Footnotes</h2>');
    expect(html).toContain('<li id="note-hostile-Fn-2">');
    expect(html).not.toContain("user-content-");
    const transcript = transcriptHtml(HOSTILE);
    expect(transcript).toContain('id="FnRef-1"');
    expect(transcript).toContain('<mark class="annotated note-kind-context" data-notes="on-the-link" data-depth="1">A URL</mark>');
  });
});
