// The one sanitising schema, applied last, after every plugin that adds markup (rehype-sanitize's own rule). It is
// GitHub's (hast-util-sanitize's default) narrowed to what transcripts and notes need, widened only for the
// attributes our own plugins add, each with the exact values they use: line anchors, marks and note calls,
// cross-links, inert links, search aliases, external links' rel, and footnote ids.
import { defaultSchema, type Options as Schema } from "rehype-sanitize";

const DROPPED_TAGS = new Set(["input", "details", "summary", "picture", "source", "ruby", "rp", "rt"]);

/** Footnote ids as rehypeFootnoteIds makes them, in a transcript (`Fn-1`) or a note (`note-<id>-Fn-1`). */
const FOOTNOTE_ID = /(?:note-[a-z0-9-]+-)?(?:Fn-\d+|FnRef-\d+(?:-\d+)?|FnLabel)/.source;
const ID_PATTERN = new RegExp(`^(?:L\\d+[a-z]?|ref-[a-z0-9-]+|${FOOTNOTE_ID})$`);
const FOOTNOTE_LABEL = new RegExp(`^(?:note-[a-z0-9-]+-)?FnLabel$`);

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !DROPPED_TAGS.has(tag)), "mark"],
  // Our ids are generated (`L3`, `ref-note-id`); nothing a transcript contains can produce an id of its own, so
  // there is nothing to prefix against DOM clobbering, and prefixing would break `#L3`.
  clobber: [],
  clobberPrefix: "",
  attributes: {
    ...defaultSchema.attributes,
    "*": [...(defaultSchema.attributes?.["*"] ?? []).filter((name) => name !== "id"), ["id", ID_PATTERN]],
    span: [
      ["className", "line", "line-code", "line-continued", "line-text", "line-withdrawn", "line-notice", "broken-link", "inert-link"],
      ["dataPagefindIgnore", ""],
      ["dataLine", /^\d+[a-z]?$/],
      "dataPagefindTitle",
      // rehypeSearchAliases: the readable form of a run-together word, indexed from the title.
      ["dataPagefindIndexAttrs", "title"],
    ],
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((definition) => !(Array.isArray(definition) ? ["className", "ariaDescribedBy"].includes(String(definition[0])) : definition === "ariaDescribedBy")),
      ["className", "line-number", "note-call", "cross-link", "data-footnote-backref"],
      ["ariaDescribedBy", FOOTNOTE_LABEL],
      "ariaLabel",
      ["dataN", /^\d+[a-z]?$/],
      ["dataPagefindIgnore", ""],
      ["dataPagefindIndexAttrs", "title"],
      // rehypeExternalLinks: what a link out of the content may carry.
      ["rel", "nofollow", "noopener", "noreferrer"],
    ],
    mark: [["className", "annotated", /^note-kind-[a-z-]+$/], ["dataNotes", /^[a-z0-9 -]+$/], ["dataDepth", /^\d+$/]],
  },
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};
