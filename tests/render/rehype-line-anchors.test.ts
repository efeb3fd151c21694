// rehypeLineAnchors in a bare unified chain: every non-empty source line becomes a citable line element.
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import rehypeLineAnchors, { type Options } from "../../src/render/rehype-line-anchors.ts";

function render(markdown: string, options?: Options) {
  const file = new VFile(markdown);
  const html = String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeLineAnchors, options).use(rehypeStringify).processSync(file));
  return { html, lines: file.data.lines };
}

describe("rehypeLineAnchors", () => {
  it("numbers each non-empty source line, skipping blank lines", () => {
    const { html, lines } = render("First line.\nSecond line.\n\nThird, after a blank line.");
    expect(lines).toEqual([
      { label: "1", text: "First line.", sourceLine: 1 },
      { label: "2", text: "Second line.", sourceLine: 2 },
      { label: "3", text: "Third, after a blank line.", sourceLine: 4 },
    ]);
    expect(html).toBe(
      '<p><span class="line" id="L1" data-line="1" data-pagefind-title="Line 1"><a class="line-number" href="#L1" aria-label="Line 1" data-n="1" data-pagefind-ignore=""></a><span class="line-text">First line.</span></span>\n' +
        '<span class="line" id="L2" data-line="2" data-pagefind-title="Line 2"><a class="line-number" href="#L2" aria-label="Line 2" data-n="2" data-pagefind-ignore=""></a><span class="line-text">Second line.</span></span></p>\n' +
        '<p><span class="line" id="L3" data-line="3" data-pagefind-title="Line 3"><a class="line-number" href="#L3" aria-label="Line 3" data-n="3" data-pagefind-ignore=""></a><span class="line-text">Third, after a blank line.</span></span></p>',
    );
  });

  it("splits inline markup that crosses a line break into one element per line", () => {
    const { html, lines } = render("a **bold\nclaim** here");
    expect(lines?.map((line) => line.text)).toEqual(["a bold", "claim here"]);
    expect(html).toContain('<span class="line-text">a <strong>bold</strong></span>');
    expect(html).toContain('<span class="line-text"><strong>claim</strong> here</span>');
  });

  it("numbers list items, table rows (cells joined) and code lines", () => {
    const { lines } = render("- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n\n```\nx = 1\n\ny = 2\n```");
    expect(lines?.map((line) => line.text)).toEqual(["one", "two", "a b", "c d", "x = 1", "y = 2"]);
  });

  it("leaves a notice with the anchor of a withdrawn line, where the line was", () => {
    const { html, lines } = render("one\ntwo\nfour", { labels: () => ["1", "2", "4"], withdrawn: () => ["3"] });
    expect(lines?.map((line) => line.label)).toEqual(["1", "2", "4"]);
    const order = ["L1", "L2", "L3", "L4"].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<span class="line line-withdrawn" id="L3" data-line="3">');
    expect(html).toContain("Line 3 was withdrawn in a later version; see the changelog.");
  });

  it("takes labels and sub-result titles from its options", () => {
    const { html, lines } = render("a\nb\nc", { labels: () => ["1", "1a", "2"], title: (label) => `Letter 7, line ${label}` });
    expect(lines?.map((line) => line.label)).toEqual(["1", "1a", "2"]);
    expect(html).toContain('id="L1a" data-line="1a" data-pagefind-title="Letter 7, line 1a"');
  });
});
