// Keeps a message page's reference-manager metadata on what its address names. On a line's or a range's permalink
// (#L3, #L2-L4), or when the reader selects lines to cite, the item that Zotero's connector saves from the live
// page gets that permalink as its URL and the cited lines in Extra (see pages/reference-metadata.tsx).
import { lineRangeFragment } from "../../anchor/line-labels.ts";
import type { LineSelection } from "../../cite/index.ts";
import { decodePercent } from "../../render/decode-percent.ts";

const URL_TAGS = ["DC.identifier", "citation_public_url"];
const CITED_LINES = /^Lines? \S+$/;

function metaTag(name: string): HTMLMetaElement | null {
  return document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
}

/** "Line 3" or "Lines 2–4", as the RIS and BibTeX exports write the cited lines. */
export function citedLines(selection: LineSelection): string {
  return selection.first === selection.last ? `Line ${selection.first}` : `Lines ${selection.first}–${selection.last}`;
}

/** Points the metadata at the selected lines, or back at the whole message. */
export function describeSelection(selection: LineSelection | undefined): void {
  for (const name of URL_TAGS) {
    const tag = metaTag(name);
    if (!tag) continue;
    const url = new URL(tag.content);
    url.hash = selection ? lineRangeFragment(selection.first, selection.last) : "";
    tag.content = url.href;
  }
  const extra = metaTag("DC.description");
  if (extra) {
    const lines = extra.content.split("\n").filter((line) => !CITED_LINES.test(line));
    if (selection) lines.push(citedLines(selection));
    extra.content = lines.join("\n");
  }
}

/** The lines an address names (#L3, #L2-L4), if it names any. */
export function selectionInHash(hash: string): LineSelection | undefined {
  // #L2-L% is no selection: decodeURIComponent would throw on it and stop the page's scripts.
  const match = /^#L(\d+[a-z]?)(?:-L(\d+[a-z]?))?$/.exec(decodePercent(hash) ?? "");
  return match ? { first: match[1]!, last: match[2] ?? match[1]! } : undefined;
}
