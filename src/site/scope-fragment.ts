// A rendered transcript is written for its own page, where `#L3` and `#note-x` are unique. Where several
// transcripts share a page (the conversation view), each keeps its own anchors (lines `L3`, footnotes `Fn-1`,
// which start with a capital letter) under its own prefix, and a link to something that only the message's own
// page has (a note) goes there. A note call's id (`ref-x`) is only where the note links back to, which is on the
// message's page: it is dropped here, so that nothing but the capitalised, prefixed ids reach the shared page
// (see page-ids.ts).
import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";
import { decodePercent } from "../render/decode-percent.ts";

export interface ScopeOptions {
  /** Put before every id of the fragment: `2016-09-20-wikileaks-` makes `L3` into `2016-09-20-wikileaks-L3`. */
  idPrefix: string;
  /** The page the fragment was rendered for, for links to anchors that are not in the fragment. */
  ownPage: string;
}

/**
 * Parses sanitised HTML from the render stage and rewrites its ids and same-page links for a shared page. Search
 * titles are dropped: shared pages are not indexed, and the lines are found on their own pages.
 */
export function scopeFragment(html: string, { idPrefix, ownPage }: ScopeOptions): ElementContent[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const ids = new Set<string>();
  const kept = (id: unknown): id is string => typeof id === "string" && /^[A-Z]/.test(id);
  visit(tree, "element", (node: Element) => {
    if (kept(node.properties.id)) ids.add(node.properties.id);
  });
  visit(tree, "element", (node: Element) => {
    const { properties } = node;
    if (kept(properties.id)) properties.id = `${idPrefix}${properties.id}`;
    else delete properties.id;
    if (Array.isArray(properties.ariaDescribedBy)) properties.ariaDescribedBy = properties.ariaDescribedBy.map((id) => `${idPrefix}${id}`);
    delete properties.dataPagefindTitle;
    delete properties.dataPagefindIgnore;
    const href = properties.href;
    if (typeof href === "string" && href.startsWith("#")) {
      const target = decodePercent(href.slice(1)) ?? href.slice(1);
      properties.href = ids.has(target) ? `#${idPrefix}${target}` : `${ownPage}${href}`;
    }
  });
  return tree.children as ElementContent[];
}
