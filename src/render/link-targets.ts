// What links between the parts of an edition may point at (`message:<id>#L3`, `note:<id>`, `page:<slug>`), as
// plain data: every message's line anchors, every note's message, every editorial page. It is all a note needs to
// resolve its links, so that notes can be rendered on any thread, and a cached note is valid while its links
// resolve as they did.
import type { LinkResolution } from "./rehype-cross-links.ts";

export interface LinkTargets {
  /** Each message's line labels, withdrawn lines included (their anchors lead to a notice). */
  anchors: Map<string, string[]>;
  /** Messages whose files exist but failed validation: a link to one is not a second problem. */
  invalidMessages: Set<string>;
  /** The message each note annotates. */
  noteTargets: Map<string, string>;
  pageSlugs: string[];
}

/** Where the site publishes things; the render stage needs it to write links between them. */
export interface EditionUrls {
  message(id: string): string;
  /** A note's permanent address: its anchor on the page of the message it annotates. */
  note(id: string, messageId: string): string;
  page(slug: string): string;
}

export type LinkSchemes = Record<string, (id: string, fragment: string | undefined) => LinkResolution>;

export function linkSchemes(targets: LinkTargets, urls: EditionUrls): LinkSchemes {
  const labelSets = new Map<string, Set<string>>();
  const labelsOf = (id: string) => {
    let set = labelSets.get(id);
    if (!set) {
      const labels = targets.anchors.get(id);
      if (!labels) return undefined;
      labelSets.set(id, (set = new Set(labels)));
    }
    return set;
  };
  const message = (id: string, fragment: string | undefined): LinkResolution => {
    const labels = labelsOf(id);
    // A message that failed validation is reported in its own file; a link to it is not a second problem.
    if (!labels && targets.invalidMessages.has(id)) return { href: urls.message(id) };
    if (!labels) return { problem: `no message has the id "${id}"`, hint: "Use the id from a transcript's front matter." };
    if (fragment === undefined || fragment === "") return { href: urls.message(id) };
    const range = /^L(\d+[a-z]?)(?:-L(\d+[a-z]?))?$/.exec(fragment);
    if (!range) return { problem: `"#${fragment}" is not a line anchor`, hint: "Link to a line as #L3 or to a range as #L2-L4." };
    const missing = [range[1]!, range[2]].filter((label): label is string => label !== undefined && !labels.has(label));
    if (missing.length) {
      const all = targets.anchors.get(id)!;
      return { problem: `${id} has no line ${missing.join(" or ")}`, hint: `${id} has lines ${all[0] ?? "?"}–${all.at(-1) ?? "?"}.` };
    }
    return { href: `${urls.message(id)}#${fragment}` };
  };
  const note = (id: string): LinkResolution => {
    const target = targets.noteTargets.get(id);
    return target !== undefined
      ? { href: urls.note(id, target) }
      : { problem: `no annotation has the id "${id}"`, hint: "Use the id from an annotation's front matter." };
  };
  const slugs = new Set(targets.pageSlugs);
  const page = (slug: string, fragment: string | undefined): LinkResolution =>
    slugs.has(slug)
      ? { href: urls.page(slug) + (fragment ? `#${fragment}` : "") }
      : { problem: `no editorial page is called "${slug}"`, hint: `Use the file name of a page in edition/pages/: ${targets.pageSlugs.join(", ")}.` };
  return { message, note, page };
}

/** Whether links rendered earlier still resolve as they did, so that the text rendered then is still right. */
export function linksHold(schemes: LinkSchemes, links: ReadonlyArray<{ url: string; result: LinkResolution }>): boolean {
  return links.every(({ url, result }) => {
    const match = /^([a-z][a-z-]*):([^#]*)(?:#(.*))?$/.exec(url)!;
    return JSON.stringify(schemes[match[1]!]!(decodeURIComponent(match[2]!), match[3])) === JSON.stringify(result);
  });
}
