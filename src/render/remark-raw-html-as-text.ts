// Raw HTML in a transcript is part of what was written, not markup to obey: it is shown as visible text.
// remark-rehype would otherwise drop it silently, losing words from the record.
import type { Html, Paragraph, Root, Text } from "mdast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

export interface Options {
  /** Tell the editor, with a warning, that raw HTML was found and will be shown as text (default: true). */
  warn?: boolean;
}

const remarkRawHtmlAsText: Plugin<[Options?], Root> = function (options = {}) {
  const warn = options.warn ?? true;
  return (tree, file) => {
    visit(tree, "html", (node: Html, index, parent) => {
      if (!parent || index === undefined) return;
      if (warn) {
        const message = file.message(`Raw HTML is shown as text, not interpreted: ${JSON.stringify(node.value.slice(0, 40))}`, {
          place: node.position,
          ruleId: "raw-html",
          source: "remark-raw-html-as-text",
        });
        message.fatal = false;
        message.note = "Nothing to do if the transcript really contains these characters; otherwise write Markdown instead of HTML.";
      }
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
