// Keeps a transcript's or note's links from pointing anywhere but where they say: a link stays live only if it is
// an absolute http(s) or mailto URL, a link between parts of the edition (resolved by rehypeCrossLinks), or a
// footnote within the same text. Anything else (a relative path, an unknown or obfuscated scheme) becomes its
// words; an image becomes "[image: …]", linked when its address is safe, so that no third-party picture loads.
import type { Element, ElementContent, Root } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";
import { hasClass } from "./line-markup.ts";
import { decodePercent } from "./decode-percent.ts";

export interface Options {
  /** Classes of links that our own plugins made, which are always kept. */
  ownClasses?: readonly string[];
}

const SAFE = /^(?:https?:\/\/|mailto:)/i;

const rehypeInertLinks: Plugin<[Options?], Root> = function (options = {}) {
  const own = options.ownClasses ?? ["line-number", "note-call", "cross-link"];
  return (tree, file) => {
    const ids = new Set<string>();
    visit(tree, "element", (node: Element) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
    });
    visit(tree, "element", (node: Element, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName === "img") {
        const src = typeof node.properties.src === "string" ? node.properties.src : "";
        const label: ElementContent = { type: "text", value: `[image: ${String(node.properties.alt ?? "")}]` };
        const replacement: ElementContent = SAFE.test(src)
          ? { type: "element", tagName: "a", properties: { href: src }, children: [label] }
          : label;
        parent.children.splice(index, 1, replacement);
        return;
      }
      if (node.tagName !== "a" || own.some((name) => hasClass(node, name))) return;
      const href = typeof node.properties.href === "string" ? node.properties.href : "";
      const target = href.startsWith("#") ? decodePercent(href.slice(1)) : undefined;
      if (href.startsWith("#") && target === undefined) {
        const message = file.message(`Link "${href}" holds a malformed percent-escape, so it leads nowhere; its words are shown as text`, {
          place: node.position,
          ruleId: "malformed-link",
          source: "rehype-inert-links",
        });
        message.note = "Write a % in a link as %25, and an escape as % and two hexadecimal digits (%20 for a space).";
      }
      const live = SAFE.test(href) || (target !== undefined && ids.has(target));
      if (live) return;
      parent.children.splice(index, 1, { type: "element", tagName: "span", properties: { className: ["inert-link"], title: href ? `Not a link: ${href}` : undefined }, children: node.children });
    });
  };
};

export default rehypeInertLinks;
