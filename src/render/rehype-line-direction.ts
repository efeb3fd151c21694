// Lets each citable line take its own writing direction: a line of Arabic or Hebrew reads right to left, in a
// transcript whose other lines read left to right. `dir="auto"` on the line's text makes the browser choose by the
// line's first strongly directional character (HTML's "auto" directionality), so the line aligns to its start side
// and its punctuation falls where its writer put it; the line number, outside the text, stays in its gutter.
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";
import { hasClass, LINE_TEXT_CLASS } from "./line-markup.ts";

export interface Options {
  /** The `dir` given to every line's text (default `auto`: each line's own direction, from its first strong character). */
  dir?: "auto" | "ltr" | "rtl";
}

const rehypeLineDirection: Plugin<[Options?], Root> = function (options = {}) {
  const dir = options.dir ?? "auto";
  return (tree) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "span" && hasClass(node, LINE_TEXT_CLASS)) node.properties.dir = dir;
    });
  };
};

export default rehypeLineDirection;
