// Raw HTML in a transcript is part of what was written, not markup to obey: it is shown as visible text.
// remark-rehype would otherwise drop it silently, losing words from the record.
import type { Html, Paragraph, Root, Text } from "mdast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

export interface Options {}

const remarkRawHtmlAsText: Plugin<[Options?], Root> = function () {
  return (tree) => {
    visit(tree, "html", (node: Html, index, parent) => {
      if (!parent || index === undefined) return;
      const text: Text = { type: "text", value: node.value, position: node.position };
      // Block-level HTML sits where a paragraph would; inline HTML sits among text.
      const isBlock = parent.type === "root" || parent.type === "blockquote" || parent.type === "listItem";
      const replacement: Paragraph | Text = isBlock
        ? { type: "paragraph", children: [text], position: node.position }
        : text;
      parent.children.splice(index, 1, replacement as never);
    });
  };
};

export default remarkRawHtmlAsText;
