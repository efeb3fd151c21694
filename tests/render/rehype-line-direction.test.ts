// rehypeLineDirection with the rest of the transcript chain: every line's text, in paragraphs, table cells, list
// items and code, gets dir="auto" (kept by the sanitiser), so that an Arabic or Hebrew line reads right to left;
// the line number outside it is untouched, and a transcript's own markup cannot set a direction.
import { VFile } from "vfile";
import { unified } from "unified";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { describe, expect, it } from "vitest";
import { createTranscriptHtmlProcessor, createTranscriptLinesProcessor } from "../../src/render/processors.ts";
import rehypeLineDirection from "../../src/render/rehype-line-direction.ts";

function render(markdown: string): string {
  const lines = createTranscriptLinesProcessor();
  const html = createTranscriptHtmlProcessor();
  const file = new VFile(markdown);
  const tree = lines.runSync(lines.parse(file), file);
  return html.stringify(html.runSync(tree, file), file);
}

describe("line direction", () => {
  it("gives every line's text dir=auto, in paragraphs, tables, lists and code, and nothing else", () => {
    const html = render(["Hello,", "سأزرع النعناع.", "", "| a | b |", "| - | - |", "| תודה | c |", "", "- 紫蘇", "", "```", "code", "```"].join("\n"));
    const texts = [...html.matchAll(/<span class="line-text"([^>]*)>/g)].map((match) => match[1]);
    // Two lines of the paragraph, two cells in each of two table rows, a list item and a line of code.
    expect(texts).toEqual(Array(8).fill(' dir="auto"'));
    expect(html.match(/<[a-z][^<>]*\sdir=/g)).toHaveLength(8);
    expect(html).toContain('<span class="line-text" dir="auto">سأزرع النعناع.</span>');
    expect(html).not.toMatch(/<a class="line-number"[^>]*dir=/);
  });

  it("leaves a transcript's own attempt at a direction as the text it is", () => {
    const html = render('<bdo dir="rtl">x</bdo> <span dir=rtl>y</span>');
    // The only dir attribute in a tag is ours; the transcript's are text.
    expect(html.match(/<[a-z][^<>]*\sdir=[^<>]*>/g)).toEqual(['<span class="line-text" dir="auto">']);
    expect(html).toContain("&#x3C;bdo dir=\"rtl\">x&#x3C;/bdo>");
  });

  it("can give a fixed direction instead", () => {
    const out = String(
      unified().use(rehypeParse, { fragment: true }).use(rehypeLineDirection, { dir: "rtl" }).use(rehypeStringify).processSync('<span class="line"><span class="line-text">שלום</span></span><span class="other">x</span>'),
    );
    expect(out).toBe('<span class="line"><span class="line-text" dir="rtl">שלום</span></span><span class="other">x</span>');
  });
});
