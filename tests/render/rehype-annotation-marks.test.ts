// rehypeAnnotationMarks in a bare unified chain: anchored passages are marked and called, overlaps nest, and a
// passage across lines is marked on each.
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { anchorAnnotations, type AnnotationToAnchor } from "../../src/anchor/anchor-annotations.ts";
import rehypeAnnotationMarks from "../../src/render/rehype-annotation-marks.ts";
import rehypeLineAnchors from "../../src/render/rehype-line-anchors.ts";

function render(markdown: string, annotations: AnnotationToAnchor[]) {
  const file = new VFile({ path: "letter.md", value: markdown });
  const toLines = unified().use(remarkParse).use(remarkRehype).use(rehypeLineAnchors);
  const tree = toLines.runSync(toLines.parse(file), file);
  const { anchored, failures } = anchorAnnotations("letter", file.data.lines!, annotations);
  const toHtml = unified().use(rehypeAnnotationMarks, { anchored }).use(rehypeStringify);
  const html = toHtml.stringify(toHtml.runSync(tree, file), file);
  const text = html.replace(/<a class="line-number"[^>]*><\/a>/g, "").replace(/<\/?span[^>]*>/g, "");
  return { html, text, anchored, failures };
}

describe("rehypeAnnotationMarks", () => {
  it("wraps the passage in a mark and follows it with a call to its note, after the full stop that closes it", () => {
    const { text, anchored } = render("We have guessed the password.", [{ id: "pw", anchor: { quote: "password" }, kind: "context" }]);
    expect(text).toBe(
      '<p>We have guessed the <mark class="annotated note-kind-context" data-notes="pw" data-depth="1">password</mark>.<a class="note-call" href="#note-pw" id="ref-pw" aria-label="Note 1" data-n="1" data-pagefind-ignore=""></a></p>',
    );
    expect(anchored).toMatchObject([{ id: "pw", number: 1, exact: "password", prefix: "We have guessed the ", suffix: ".", firstLine: "1", lastLine: "1" }]);
  });

  it("nests overlapping passages, numbers notes in reading order, and puts their calls together, in that order, at the end", () => {
    const { text } = render("one two three", [
      { id: "b", anchor: { quote: "two three" } },
      { id: "a", anchor: { quote: "one two" } },
    ]);
    expect(text).toContain('data-notes="a" data-depth="1">one </mark><mark class="annotated note-kind-note" data-notes="a b" data-depth="2">two</mark><mark class="annotated note-kind-note" data-notes="b" data-depth="1"> three</mark><a class="note-call" href="#note-a" id="ref-a" aria-label="Note 1" data-n="1" data-pagefind-ignore=""></a><a class="note-call" href="#note-b" id="ref-b" aria-label="Note 2"');
  });

  it("marks a passage across two lines on each of them, with one call at its end", () => {
    const { html } = render("first half\nsecond half", [{ id: "x", anchor: { quote: "half second" } }]);
    expect(html.match(/<mark/g)).toHaveLength(2);
    expect(html.match(/class="note-call"/g)).toHaveLength(1);
    expect(html.indexOf("note-call")).toBeGreaterThan(html.indexOf('id="L2"'));
  });

  it("marks nothing for annotations that could not be anchored, which the anchor stage reports", () => {
    const { html, failures } = render("alpha beta alpha", [
      { id: "missing", anchor: { quote: "gamma" } },
      { id: "twice", anchor: { quote: "alpha" } },
    ]);
    expect(html).not.toContain("<mark");
    expect(failures.map(({ annotation, problem }) => [annotation.id, problem.rule, problem.message])).toEqual([
      ["missing", "quote-not-found", 'Quote "gamma" not found in letter'],
      ["twice", "ambiguous-quote", 'Quote "alpha" matches 2 places in letter (lines 1, 1)'],
    ]);
  });
});
