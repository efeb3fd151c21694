// Splits a text node of a hast tree around matches of a pattern, wrapping each match in an element: how the search
// aliases (rehype-search-aliases.ts at render time, site/search-aliases.ts in the search documents) give single
// words an element of their own to carry the alias.
import type { Element, ElementContent, Parents } from "hast";

/**
 * Replaces `parent.children[index]`, a text node with `text`, by its text with every match of `pattern` (a global
 * regular expression) for which `wrap` gives an element wrapped in it. Returns the index after the new pieces, for
 * `visit` to go on from, or undefined when nothing was wrapped and the node is left as it was.
 */
export function wrapMatches(parent: Parents, index: number, text: string, pattern: RegExp, wrap: (match: RegExpExecArray) => Element | undefined): number | undefined {
  const pieces: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const element = wrap(match);
    if (!element) continue;
    if (match.index > last) pieces.push({ type: "text", value: text.slice(last, match.index) });
    pieces.push(element);
    last = match.index + match[0].length;
  }
  if (!pieces.length) return undefined;
  if (last < text.length) pieces.push({ type: "text", value: text.slice(last) });
  parent.children.splice(index, 1, ...(pieces as never[]));
  return index + pieces.length;
}
