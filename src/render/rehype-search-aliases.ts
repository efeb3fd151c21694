// Makes words that Pagefind reads as one run-together token findable by the words a reader types: a URL
// ("http://wlsearch.tk/" is found by "wlsearch.tk") and a handle glued to a word ("Wednesday@HillaryClinton" is
// found by "HillaryClinton"). The element gets a title with the readable form, which Pagefind is told to index;
// the transcript's text itself is untouched.
import type { Element, Root, Text } from "hast";
import { toString } from "hast-util-to-string";
import type { Plugin } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { wrapMatches } from "./wrap-matches.ts";

export interface Options {}

const URL_TEXT = /^\s*(?:https?:\/\/)?(?:www\.)?([^\s/]+\.[a-z]{2,}(?:\/\S*)?)\s*$/i;
const GLUED_HANDLE = /([\p{L}\p{N}]+)@([\p{L}\p{N}_]+)/gu;

function alias(node: Element, title: string): void {
  node.properties.title = title;
  node.properties.dataPagefindIndexAttrs = "title";
}

const rehypeSearchAliases: Plugin<[Options?], Root> = function () {
  return (tree) => {
    visit(tree, (node, index, parent) => {
      if (node.type === "element" && node.tagName === "a" && typeof node.properties.href === "string") {
        const match = URL_TEXT.exec(toString(node));
        if (match) alias(node, match[1]!.replace(/\/$/, ""));
        return SKIP;
      }
      if (node.type !== "text" || !parent || index === undefined) return;
      const text = (node as Text).value;
      if (!text.includes("@")) return;
      return wrapMatches(parent, index, text, GLUED_HANDLE, (match) => {
        const span: Element = { type: "element", tagName: "span", properties: {}, children: [{ type: "text", value: match[0] }] };
        alias(span, `${match[1]} @${match[2]} ${match[2]}`);
        return span;
      });
    });
  };
};

export default rehypeSearchAliases;
