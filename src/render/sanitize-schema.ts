// The one sanitising schema, applied after every plugin that could introduce unsafe markup. It is GitHub's
// (hast-util-sanitize's default) narrowed to what transcripts and notes need, widened only for the attributes our own
// plugins add, each with the exact values they use.
import { defaultSchema, type Options as Schema } from "rehype-sanitize";

const DROPPED_TAGS = new Set(["input", "details", "summary", "picture", "source", "ruby", "rp", "rt"]);

const ID_PATTERN = /^(?:L\d+[a-z]?|ref-[a-z0-9-]+|user-content-[\w-]+)$/;

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
    ],
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((definition) => !(Array.isArray(definition) && definition[0] === "className")),
      ["className", "line-number", "note-call", "cross-link", "data-footnote-backref"],
      "ariaLabel",
      ["dataN", /^\d+[a-z]?$/],
      ["dataPagefindIgnore", ""],
    ],
    mark: [["className", "annotated", /^note-kind-[a-z-]+$/], ["dataNotes", /^[a-z0-9 -]+$/], ["dataDepth", /^\d+$/]],
  },
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};
