// Resolves links between the parts of an edition, written by editors as `message:<id>#L3`, `message:<id>#L2-L4`
// or `note:<id>`, into site URLs; a link to a message, line or note that does not exist is reported, never emitted.
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";
import { decodePercent } from "./decode-percent.ts";

export type LinkResolution = { href: string } | { problem: string; hint: string };

export interface Options {
  /** Resolvers by scheme (without the colon): given the target id and the fragment (without `#`), return a URL. */
  schemes: Record<string, (id: string, fragment: string | undefined) => LinkResolution>;
}

declare module "vfile" {
  interface DataMap {
    /** Every cross-link met, with what it resolved to: a cache of the rendered text is valid while these hold. */
    crossLinks: Array<{ url: string; result: LinkResolution }>;
  }
}

const rehypeCrossLinks: Plugin<[Options], Root> = function (options) {
  return (tree, file) => {
    const seen: Array<{ url: string; result: LinkResolution }> = (file.data.crossLinks = []);
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "a" || typeof node.properties.href !== "string") return;
      const match = /^([a-z][a-z-]*):([^#]*)(?:#(.*))?$/.exec(node.properties.href);
      const resolver = match && options.schemes[match[1]!];
      if (!match || !resolver) return;
      const id = decodePercent(match[2]!);
      const result: LinkResolution =
        id === undefined
          ? { problem: "the id holds a malformed percent-escape", hint: "Write the id as its file's front matter has it: ids need no escapes (a % must be followed by two hexadecimal digits)." }
          : resolver(id, match[3]);
      seen.push({ url: node.properties.href, result });
      if ("href" in result) {
        node.properties.href = result.href;
        node.properties.className = ["cross-link"];
        return;
      }
      const message = file.message(`Broken link "${node.properties.href}": ${result.problem}`, {
        place: node.position,
        ruleId: "broken-link",
        source: "rehype-cross-links",
      });
      message.fatal = true;
      message.note = result.hint;
      // Keep the words, drop the link: a reader must never follow it to the wrong place.
      node.tagName = "span";
      node.properties = { className: ["broken-link"] };
    });
  };
};

export default rehypeCrossLinks;
