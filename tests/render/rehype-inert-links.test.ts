// rehypeInertLinks with the rest of the transcript chain: only safe absolute links stay live, external ones get
// rel="nofollow noopener noreferrer", and images become text so that nothing loads from elsewhere.
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { createTranscriptHtmlProcessor, createTranscriptLinesProcessor } from "../../src/render/processors.ts";

function render(markdown: string, file = new VFile(markdown)): string {
  const lines = createTranscriptLinesProcessor();
  const html = createTranscriptHtmlProcessor();
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

  // Regression: decodeURIComponent threw an unlocated URIError out of the render stage.
  it("turns a same-page link with a malformed percent-escape into its words, with a located warning", () => {
    const file = new VFile({ path: "content/x.md", value: "Line one\nSee [x](#%zz) and [y](#L1%E0%A4)." });
    const html = render(String(file.value), file);
    expect(html).toContain('See <span class="inert-link" title="Not a link: #%zz">x</span> and <span class="inert-link" title="Not a link: #L1%E0%A4">y</span>.');
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason} [${m.ruleId}]`)).toEqual([
      '2:5 Link "#%zz" holds a malformed percent-escape, so it leads nowhere; its words are shown as text [malformed-link]',
      '2:19 Link "#L1%E0%A4" holds a malformed percent-escape, so it leads nowhere; its words are shown as text [malformed-link]',
    ]);
  });
});
