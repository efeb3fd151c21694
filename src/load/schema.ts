// The one place that says what an edition's files may contain. Every front-matter block and data file is
// validated here; the TypeScript types used by later stages are inferred from these schemas, never restated.
import { z } from "zod";
import "./schema-wording.ts";
import { checkTimestamp, PRECISIONS } from "./timestamp.ts";

/** Ids appear in URLs and anchors, so they are restricted to what is safe and stable there. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { error: "an id of lowercase letters, digits and hyphens" });

const nonEmptyText = z.string().trim().min(1, { error: "text that is not empty" });

/** A reference to a source, optionally with the wording it prints or a locator such as a paragraph. */
export const sourceRefSchema = z.union([
  idSchema,
  z.strictObject({
    id: idSchema,
    quote: nonEmptyText.optional(),
    locator: nonEmptyText.optional(),
  }),
]);

export const MESSAGE_KINDS = ["direct-message", "email", "letter", "public-post", "statement"] as const;
export const COMPLETENESS = ["complete", "excerpt"] as const;

/** A line's label as published: its number, with a letter for a line inserted later (`2a`). */
const lineLabelText = z.string().regex(/^\d+[a-z]?$/, { error: "a line number such as 3, or 3a for a line inserted after line 3" });
/** A web address that readers can follow: only http and https. */
const webAddress = (what: string) => z.url({ protocol: /^https?$/, error: `${what} starting with http:// or https://` });
/** A line label as an editor writes it in YAML, where `3` is a number: always kept as text. */
const lineLabel = z.union([z.number().int().positive(), lineLabelText]).transform(String);

export const messageSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(MESSAGE_KINDS),
    platform: nonEmptyText,
    from: idSchema,
    to: z.array(idSchema).default([]),
    sent: z.string(),
    precision: z.enum(PRECISIONS),
    time_note: nonEmptyText.optional(),
    order: z.number().int().nonnegative().optional(),
    completeness: z.enum(COMPLETENESS),
    sources: z.array(sourceRefSchema).min(1, { error: "at least one source that attests the message" }),
    title: nonEmptyText.optional(),
    /** The language the message is written in (BCP 47, such as ja or pt-BR), when not the edition's. */
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, { error: "a language tag such as ja, el or pt-BR" }).optional(),
    in_reply_to: idSchema.optional(),
    url: webAddress("the message's web address").nullable().optional(),
    /** Lines inserted after publication: the label of the published line each follows (see anchor/line-labels). */
    inserted_after: z
      .array(z.union([z.number().int().nonnegative({ error: "a published line number (0 for before the first line)" }), lineLabelText], { error: "a published line number (0 for before the first line)" }).transform(String))
      .optional(),
    /** Published line numbers whose lines were removed; their anchors keep pointing at a notice. */
    withdrawn_lines: z
      .array(z.union([z.number().int().positive({ error: "a published line number, such as 4" }), z.string().regex(/^\d+$/, { error: "a published line number, such as 4" })], { error: "a published line number, such as 4" }).transform(String))
      .optional(),
  })
  .superRefine((value, ctx) => {
    for (const problem of checkTimestamp(value.sent, value.precision)) {
      ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message, params: { hint: problem.hint } });
    }
    if (value.precision === "approximate" && !value.time_note) {
      ctx.addIssue({
        code: "custom",
        path: ["time_note"],
        message: "an approximate time needs the sources' wording of it",
        params: { hint: 'Add time_note, e.g. time_note: "just before midnight", so readers see what the sources say.' },
      });
    }
    if ((value.kind === "direct-message" || value.kind === "email" || value.kind === "letter") && value.to.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `a ${value.kind} needs at least one recipient`,
        params: { hint: "List the recipients' person ids, e.g. to: [donald-trump-jr]." },
      });
    }
  });

export const ANNOTATION_KINDS = ["context", "aftermath", "variant", "fact-check", "cross-reference", "silence"] as const;

const LINE_RANGE = 'a line number or a range of lines, such as 3 or "2-4"';
const lineRange = z
  .union([z.number().int().positive({ error: LINE_RANGE }), z.string().regex(/^\d+[a-z]?(?:-\d+[a-z]?)?$/, { error: LINE_RANGE })], { error: LINE_RANGE })
  .transform(String);

export const quoteAnchorSchema = z.strictObject({
  quote: z.string().min(1, { error: "the exact words of the passage" }),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  /** Where the quote was last found: a hint used to re-anchor after a correction. */
  line: lineLabel.optional(),
});

export const linesAnchorSchema = z.strictObject({
  lines: lineRange,
});

/**
 * An anchor is a quote or a line range. One with both is told so, once, rather than that one of its fields is
 * unknown to the other kind: `lines` is dropped so that the quote is still checked.
 */
export const anchorSchema = z.preprocess(
  (value, ctx) => {
    if (!value || typeof value !== "object" || !("quote" in value) || !("lines" in value)) return value;
    ctx.issues.push({
      code: "custom",
      input: value,
      message: "an anchor is either a quote or a line range, not both",
      params: { hint: "Keep quote (with its prefix or suffix) to anchor to words, or lines to anchor to whole lines, and delete the other." },
    });
    const { lines: _lines, ...quote } = value as Record<string, unknown>;
    return quote;
  },
  z.union([quoteAnchorSchema, linesAnchorSchema], { error: 'an anchor by quote (quote: "exact words") or by lines (lines: "2-4")' }),
);

export const annotationSchema = z.strictObject({
  id: idSchema,
  target: idSchema,
  anchor: anchorSchema,
  kind: z.enum(ANNOTATION_KINDS),
  sources: z.array(sourceRefSchema).min(1, { error: "at least one source the note rests on" }),
  title: nonEmptyText.optional(),
  author: nonEmptyText.optional(),
});

const personNameSchema = z.strictObject({
  family: nonEmptyText.optional(),
  given: nonEmptyText.optional(),
  suffix: nonEmptyText.optional(),
  literal: nonEmptyText.optional(),
});

export const personSchema = z.strictObject({
  id: idSchema,
  name: nonEmptyText,
  kind: z.enum(["person", "organization"]),
  handle: nonEmptyText.optional(),
  description: nonEmptyText.optional(),
  /** Name parts for citations; organisations are cited by their literal name. */
  citation_name: personNameSchema.optional(),
});

const semanticVersion = z.string().regex(/^\d+\.\d+\.\d+$/, { error: "a semantic version such as 1.0.0" });

/** A partial ISO date (year, year-month or full date), because sources are often dated to the month. */
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, { error: "a date such as 2017-11 or 2017-11-13" });

export const sourceSchema = z.strictObject({
  id: idSchema,
  short: nonEmptyText,
  kind: nonEmptyText,
  publisher: nonEmptyText.nullable(),
  // Unknown facts are written as null, so that "not known" is recorded rather than silently left out.
  title: nonEmptyText.nullable(),
  author: nonEmptyText.nullable(),
  published: partialDate.nullable(),
  url: webAddress("the source's web address").nullable(),
  description: nonEmptyText.optional(),
  note: nonEmptyText.optional(),
});

export const editorSchema = z.strictObject({
  name: nonEmptyText,
  /** An editorial team or institution is an organization; the default is a person. */
  kind: z.enum(["person", "organization"]).optional(),
  family: nonEmptyText.optional(),
  given: nonEmptyText.optional(),
});

export const editionSchema = z.strictObject({
  title: nonEmptyText,
  subtitle: nonEmptyText.optional(),
  description: nonEmptyText,
  editors: z.array(editorSchema).min(1, { error: "at least one editor, e.g. editors: [{name: Ada Quill}]" }),
  publisher: nonEmptyText.optional(),
  license: nonEmptyText,
  license_url: webAddress("the licence's web address").optional(),
  base_url: webAddress("the address the site is published at").refine((url) => url.endsWith("/"), { error: "the address the site is published at, ending in /" }),
  version: semanticVersion,
  published: partialDate,
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, { error: "a language tag such as en, de or pt-BR" }).default("en"),
  /** The picture shown when a page of the edition is shared (Open Graph, Twitter cards): a PNG in edition/. */
  preview_image: z
    .strictObject({
      file: z.string().regex(/^[A-Za-z0-9._/-]+\.png$/, { error: "a PNG file name in edition/, such as preview.png" }),
      alt: nonEmptyText,
    })
    .optional(),
});

/** Editorial pages (edition/pages/*.md), such as the introduction and the method notes. */
export const pageSchema = z.strictObject({
  title: nonEmptyText,
  description: nonEmptyText.optional(),
  /** Position in the site navigation; pages without it are not listed there. */
  nav_order: z.number().int().optional(),
  nav_title: nonEmptyText.optional(),
  /** Lists the edition's exports and changelog at the end of the page (the method page, typically). */
  show_exports: z.boolean().optional(),
});

/** One entry of edition/changelog.yaml: what a version changed, so that every correction is on record. */
export const changelogSchema = z.array(
  z.strictObject({
    version: semanticVersion,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "a date such as 2026-11-22" }),
    summary: nonEmptyText.optional(),
    changes: z
      .array(
        z.strictObject({
          type: z.enum(["correction", "insertion", "withdrawal", "addition", "note"]),
          message: idSchema.optional(),
          line: lineLabel.optional(),
          annotation: idSchema.optional(),
          description: nonEmptyText,
        }),
      )
      .default([]),
  }),
);

/** A published version's line map (edition/line-maps/<version>.json), written by `npm run line-map`. */
const fingerprint = z.string().regex(/^[0-9a-f]{16}$/);
export const lineMapSchema = z.strictObject({
  version: semanticVersion,
  messages: z.record(idSchema, z.record(lineLabelText, fingerprint)),
  /** Where each note anchored by quote was found exactly in this version: the only place a correction may move it from. */
  notes: z
    .record(idSchema, z.strictObject({ message: idSchema, lines: z.string().regex(/^\d+[a-z]?(?:-\d+[a-z]?)?$/), anchor: fingerprint }))
    .optional(),
});

export const peopleSchema = z.array(personSchema);
export const sourcesSchema = z.array(sourceSchema);

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type MessageFrontMatter = z.infer<typeof messageSchema>;
export type AnnotationFrontMatter = z.infer<typeof annotationSchema>;
export type Anchor = z.infer<typeof anchorSchema>;
export type QuoteAnchor = z.infer<typeof quoteAnchorSchema>;
export type LinesAnchor = z.infer<typeof linesAnchorSchema>;
export type Changelog = z.infer<typeof changelogSchema>;
export type LineMap = z.infer<typeof lineMapSchema>;
export type PageFrontMatter = z.infer<typeof pageSchema>;
export type Person = z.infer<typeof personSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type EditionMeta = z.infer<typeof editionSchema>;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
