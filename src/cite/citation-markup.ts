// What a citation's HTML may hold, in one place for both sanitisers: the build's (rehype-sanitize, for the ready
// citation on every page, src/site/citations.ts) and the cite panel's in the browser (src/site/client/cite.ts,
// which rebuilds the DOM node by node rather than carry a sanitiser). citeproc escapes what it is given, but its
// output is HTML built from the edition's content.

/** Each element citations use, with the classes it may keep (citeproc's entry, our export's `pre`). */
export const CITATION_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  div: ["csl-entry"],
  pre: ["citation-export"],
  span: [],
  i: [],
  em: [],
  b: [],
  strong: [],
  a: [],
  sup: [],
  sub: [],
};

/** The only attribute kept besides those classes: a link's address, and only a web address. */
export const CITATION_LINK_PROTOCOLS: readonly string[] = ["http", "https"];

export function isCitationLink(href: string): boolean {
  return CITATION_LINK_PROTOCOLS.some((protocol) => href.toLowerCase().startsWith(`${protocol}://`));
}
