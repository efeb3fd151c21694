// remarkRawHtmlAsText: raw HTML in a transcript is shown as text, never dropped and never run.
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import remarkRawHtmlAsText from "../../src/render/remark-raw-html-as-text.ts";

const render = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkRawHtmlAsText).use(remarkRehype).use(rehypeStringify).processSync(markdown));

describe("remarkRawHtmlAsText", () => {
  it("keeps inline HTML as visible, escaped text", () => {
    expect(render('Hi <img src=x onerror="alert(1)"> there')).toBe('<p>Hi &#x3C;img src=x onerror="alert(1)"> there</p>');
  });

  it("keeps a block of HTML as a paragraph of text", () => {
    expect(render("<script>\nalert(1)\n</script>")).toBe("<p>&#x3C;script>\nalert(1)\n&#x3C;/script></p>");
  });

  it("without it, remark-rehype would drop the raw HTML from the text", () => {
    expect(String(unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).processSync("a <b>bold</b> claim"))).toBe("<p>a bold claim</p>");
  });
});
