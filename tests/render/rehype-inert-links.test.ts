// rehypeInertLinks with the rest of the transcript chain: only safe absolute links stay live, external ones get
// rel="nofollow noopener noreferrer", and images become text so that nothing loads from elsewhere.
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { createTranscriptHtmlProcessor, createTranscriptLinesProcessor } from "../../src/render/processors.ts";

function render(markdown: string): string {
  const lines = createTranscriptLinesProcessor();
  const html = createTranscriptHtmlProcessor();
  const file = new VFile(markdown);
  const tree = lines.runSync(lines.parse(file), file);
  return html.stringify(html.runSync(tree, file), file).replace(/<a class="line-number"[^>]*><\/a>/g, "").replace(/<\/?span class="(line|line-text)"[^>]*>/g, "");
}

describe("links in transcripts", () => {
  it("keeps an https link live, with rel noopener noreferrer", () => {
    expect(render("[the site](https://example.org/a)")).toContain('<a href="https://example.org/a" rel="nofollow noopener noreferrer">the site</a>');
  });

  it("never emits javascript:, data: or relative links as live links, and keeps their words", () => {
    for (const markdown of ["[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,hi)", "[x](relative/page)", "[x](jav&#x09;ascript:alert(1))"]) {
      const html = render(markdown);
      expect(html, markdown).not.toMatch(/<a [^>]*href/);
      expect(html, markdown).toContain(">x</span>");
    }
  });

  it("turns an image into text, linked only when its address is safe", () => {
    expect(render("![a photo](https://example.org/p.jpg)")).toContain('<a href="https://example.org/p.jpg" rel="nofollow noopener noreferrer">[image: a photo]</a>');
    expect(render("![a photo](javascript:alert(1))")).toContain("[image: a photo]");
    expect(render("![a photo](javascript:alert(1))")).not.toContain("<img");
  });
});
