// rehypeCrossLinks: editors' message:/note: links become site URLs; a broken one is reported and not emitted.
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import rehypeCrossLinks from "../../src/render/rehype-cross-links.ts";

const processor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeCrossLinks, {
    schemes: {
      message: (id, fragment) =>
        id === "m1" ? { href: `/messages/m1/${fragment ? `#${fragment}` : ""}` } : { problem: `no message "${id}"`, hint: "Use an existing id." },
    },
  })
  .use(rehypeStringify);

describe("rehypeCrossLinks", () => {
  it("resolves a link to a message line", () => {
    expect(String(processor.processSync("See [line 3](message:m1#L3)."))).toBe('<p>See <a href="/messages/m1/#L3" class="cross-link">line 3</a>.</p>');
  });

  it("reports a broken link at its place and keeps its words without the link", () => {
    const file = new VFile({ path: "note.md", value: "\nSee [it](message:m2)." });
    expect(String(processor.processSync(file))).toBe('<p>See <span class="broken-link">it</span>.</p>');
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason} [${m.ruleId}]`)).toEqual([
      '2:5 Broken link "message:m2": no message "m2" [broken-link]',
    ]);
  });

  it("leaves ordinary links alone", () => {
    expect(String(processor.processSync("[x](https://example.org/)"))).toBe('<p><a href="https://example.org/">x</a></p>');
  });

  // Regression: `message:%zz` threw an unlocated URIError out of the render stage.
  it("reports a link whose id holds a malformed percent-escape at its place, and keeps its words", () => {
    const file = new VFile({ path: "note.md", value: "See [m](message:%zz) and [n](message:%E0%A4)." });
    expect(String(processor.processSync(file))).toBe('<p>See <span class="broken-link">m</span> and <span class="broken-link">n</span>.</p>');
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason} [${m.ruleId}] ${m.fatal}`)).toEqual([
      '1:5 Broken link "message:%zz": the id holds a malformed percent-escape [broken-link] true',
      '1:26 Broken link "message:%E0%A4": the id holds a malformed percent-escape [broken-link] true',
    ]);
  });
});
