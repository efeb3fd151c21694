// Gives the GFM footnotes of one transcript or note ids of their own. remark-rehype names them after their labels
// (`user-content-fn-1`), the same in every text, so two notes on one page that each had a [^1] shared ids, and a
// footnote link jumped into the other note. Here footnotes are numbered in order of their first reference, under
// the scope the caller puts in `file.data.idScope` (a note's is `note-<id>-`): `Fn-1`, `FnRef-1`, `FnRef-1-2` for
// a second reference, and `FnLabel` for the section's heading. The capital letters keep them apart from every id
// made of an edition's ids, which are lowercase (see site/page-ids.ts). Labels, which may be any text, never
// reach an id.
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

export interface Options {}

declare module "vfile" {
  interface DataMap {
    /** Put before the ids of this text's footnotes, so that texts sharing a page keep theirs apart. */
    idScope: string;
  }
}

const FOOTNOTE = "#user-content-fn-";

/** The ids of one text's footnotes, from its scope. */
export const footnoteIds = (scope = "") => ({
  footnote: (n: number) => `${scope}Fn-${n}`,
  reference: (n: number, k: number) => `${scope}FnRef-${n}${k > 1 ? `-${k}` : ""}`,
  label: `${scope}FnLabel`,
});

const rehypeFootnoteIds: Plugin<[Options?], Root> = function () {
  return (tree, file) => {
    const ids = footnoteIds(file.data.idScope);
    const numberOf = new Map<string, number>();
    const referencesTo = new Map<string, number>();
    const renamed = new Map<string, string>();
    const hasAttribute = (node: Element, name: string) => node.properties[name] !== undefined && node.properties[name] !== false;

    // References, in reading order: each label gets the next number, each further reference to it the next count.
    visit(tree, "element", (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== "a" || !hasAttribute(node, "dataFootnoteRef") || typeof href !== "string" || !href.startsWith(FOOTNOTE)) return;
      const label = href.slice(FOOTNOTE.length);
      if (!numberOf.has(label)) numberOf.set(label, numberOf.size + 1);
      const count = (referencesTo.get(label) ?? 0) + 1;
      referencesTo.set(label, count);
      const id = ids.reference(numberOf.get(label)!, count);
      if (typeof node.properties.id === "string") renamed.set(node.properties.id, id);
      node.properties.id = id;
      node.properties.href = `#${ids.footnote(numberOf.get(label)!)}`;
      node.properties.ariaDescribedBy = [ids.label];
    });
    if (!numberOf.size) return;

    // The footnotes themselves, their links back, and the section's heading.
    visit(tree, "element", (node: Element) => {
      const { id, href } = node.properties;
      if (node.tagName === "li" && typeof id === "string" && id.startsWith(FOOTNOTE.slice(1))) {
        const number = numberOf.get(id.slice(FOOTNOTE.length - 1));
        if (number !== undefined) node.properties.id = ids.footnote(number);
        else delete node.properties.id;
      }
      if (node.tagName === "a" && hasAttribute(node, "dataFootnoteBackref") && typeof href === "string") {
        const target = renamed.get(href.slice(1));
        if (target) node.properties.href = `#${target}`;
      }
      if (node.tagName === "section" && hasAttribute(node, "dataFootnotes")) {
        const heading = node.children.find((child): child is Element => child.type === "element" && child.tagName === "h2");
        if (heading) heading.properties.id = ids.label;
      }
    });
  };
};

export default rehypeFootnoteIds;
