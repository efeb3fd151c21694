// The edition in machine-readable form, for other tools and for the record: every note as a W3C Web Annotation,
// the messages with their metadata and lines as JSON, the whole edition as CSL-JSON, and a plain-text transcript
// with line numbers. Each is a pure function of the rendered edition; the site writes them under /exports/.
// A build writes them in slices, one per partition of the edition, which are joined into each file as it would be
// written whole (see exportSlices and exportPieces), so that an edit serialises its partition again, not everything,
// and a build streams the slices into the files rather than holding an edition's exports (800 MB at 100,000
// messages) in memory.
import type { AnchoredAnnotation } from "../anchor/anchor-annotations.ts";
import { lineRangeFragment } from "../anchor/line-labels.ts";
import { TranscriptText, type TranscriptLine } from "../anchor/transcript-text.ts";
import type { Annotation, Message } from "../load/model.ts";
import type { AnnotationKind, EditionMeta, Person } from "../load/schema.ts";
import type { CslItem } from "./csl-items.ts";

export interface ExportMessage {
  message: Message;
  lines: readonly TranscriptLine[];
  /** Absolute URL of the message's page. */
  url: string;
  notes: Array<{ annotation: Annotation; anchored: AnchoredAnnotation; html: string; url: string }>;
}

export interface ExportInput {
  edition: { meta: EditionMeta; people: Map<string, Person> };
  messages: readonly ExportMessage[];
  /** Absolute URL of an export file, by name. */
  exportUrl(name: string): string;
  /** How a message is described in the transcript export ("WikiLeaks to Donald Trump Jr., September 20, 2016"). */
  describe(message: Message): string;
}

/** Web Annotation motivations (https://www.w3.org/TR/annotation-vocab/#motivation) for our kinds of note. */
const MOTIVATIONS: Record<AnnotationKind, string> = {
  context: "describing",
  aftermath: "commenting",
  variant: "commenting",
  "fact-check": "assessing",
  "cross-reference": "linking",
  silence: "commenting",
};

export const ANNOTATIONS_EXPORT = "annotations.jsonld";
export const MESSAGES_EXPORT = "messages.json";
export const CSL_EXPORT = "edition.csl.json";
export const TRANSCRIPT_EXPORT = "transcript.txt";

/** The Web Annotation context, which the model (3.1, 5.1) requires by this exact IRI. */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** How much context a TextQuoteSelector carries on each side, as the anchor stage records it. */
const QUOTE_CONTEXT = 32;

/** The Fragment Specification of HTML in the model's table (4.2.1): a fragment is an element's id. */
const HTML_FRAGMENTS = "http://tools.ietf.org/rfc/rfc3236";

/**
 * The IRI that names an editor as a Web Annotation Agent: their name in the site's footer, which carries the id
 * (`editorAnchor`), on the edition's home page.
 */
export function editorAgentId(baseUrl: string, name: string): string {
  return `${baseUrl}#${editorAnchor(name)}`;
}

/** The footer's id for an editor's name: letters and digits of any script, the rest as hyphens. */
export function editorAnchor(name: string): string {
  return `editor-${name.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "")}`;
}

/**
 * Every note as a W3C Web Annotation (Web Annotation Data Model, W3C Recommendation 2017) in one
 * AnnotationCollection. The target is the passage on the message's page, given two ways that select the same
 * words: a TextQuoteSelector over the page's text, and the line anchor (#L3, or the site's #L2-L4) refined by the
 * same quote within those lines.
 */
export function webAnnotations(input: ExportInput): object {
  const { edition } = input;
  const { meta } = edition;
  const id = input.exportUrl(ANNOTATIONS_EXPORT);
  // 3.3.2: an Agent SHOULD have exactly one IRI, at least one type, and exactly one name.
  const editors = meta.editors.map((editor) => ({
    id: editorAgentId(meta.base_url, editor.name),
    type: editor.kind === "organization" ? "Organization" : "Person",
    name: editor.name,
  }));
  const generator = { id: `${id}#generator`, type: "Software", name: "annotated-edition" };
  // 3.3.1: created is an xsd:dateTime. The edition gives only its day of publication (or month): a full day is
  // that day at midnight UTC; a month would need an invented day, so it is then left out.
  const created = /^\d{4}-\d{2}-\d{2}$/.test(meta.published) ? `${meta.published}T00:00:00Z` : undefined;
  const items = input.messages.flatMap(({ url, lines, notes }) => {
    const transcript = new TranscriptText(lines);
    return notes.map(({ annotation, anchored, html, url: noteUrl }) => {
      const first = transcript.indexOfLabel(anchored.firstLine)!;
      const last = transcript.indexOfLabel(anchored.lastLine)!;
      const within = transcript.rangeOfLines(first, last);
      const quote = { type: "TextQuoteSelector", exact: anchored.exact, prefix: anchored.prefix, suffix: anchored.suffix };
      const fragment = lineRangeFragment(anchored.firstLine, anchored.lastLine);
      return {
        // Repeated on each annotation (JSON-LD allows it), so that one taken out of the collection is still valid
        // on its own: 3.1 says an Annotation MUST have the context.
        "@context": ANNO_CONTEXT,
        id: noteUrl,
        type: "Annotation",
        motivation: MOTIVATIONS[annotation.kind],
        creator: annotation.author
          ? (editors.find((editor) => editor.name === annotation.author) ?? { type: "Person", name: annotation.author })
          : editors.length === 1
            ? editors[0]
            : editors,
        ...(created ? { created } : {}),
        generator,
        ...(meta.license_url ? { rights: meta.license_url } : {}),
        body: {
          type: "TextualBody",
          value: html,
          format: "text/html",
          language: meta.language,
          purpose: MOTIVATIONS[annotation.kind],
        },
        target: {
          type: "SpecificResource",
          source: url,
          format: "text/html",
          language: meta.language,
          selector: [
            quote,
            {
              type: "FragmentSelector",
              // A single line's anchor is an element id, as HTML defines fragments; a range (#L2-L4) is the site's
              // own syntax, which no registered specification defines, so it names none.
              ...(first === last ? { conformsTo: HTML_FRAGMENTS } : {}),
              value: fragment,
              refinedBy: {
                type: "TextQuoteSelector",
                exact: anchored.exact,
                prefix: transcript.text.slice(Math.max(within.start, anchored.range.start - QUOTE_CONTEXT), anchored.range.start),
                suffix: transcript.text.slice(anchored.range.end, Math.min(within.end, anchored.range.end + QUOTE_CONTEXT)),
              },
            },
          ],
        },
      };
    });
  });
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `Editorial notes of ${meta.title}, version ${meta.version}`,
    total: items.length,
    first: { id: `${id}#page1`, type: "AnnotationPage", startIndex: 0, items },
  };
}

/** The messages, in thread order, with their metadata, their lines and the ids of their notes. */
export function messagesJson(input: ExportInput): object {
  const { edition } = input;
  const person = (id: string) => ({ id, name: edition.people.get(id)?.name ?? id });
  return {
    edition: {
      title: edition.meta.title,
      version: edition.meta.version,
      published: edition.meta.published,
      editors: edition.meta.editors.map((editor) => editor.name),
      license: edition.meta.license,
      url: edition.meta.base_url,
    },
    messages: input.messages.map(({ message, lines, url, notes }) => ({
      id: message.id,
      url,
      kind: message.kind,
      platform: message.platform,
      from: person(message.from),
      to: message.to.map(person),
      sent: message.sent,
      precision: message.precision,
      ...(message.time_note ? { time_note: message.time_note } : {}),
      completeness: message.completeness,
      ...(message.in_reply_to ? { in_reply_to: message.in_reply_to } : {}),
      sources: message.sources,
      lines: lines.map((line) => ({ label: line.label, text: line.text, url: `${url}#L${line.label}` })),
      notes: notes.map(({ annotation }) => annotation.id),
    })),
  };
}

export function cslJson(items: readonly CslItem[]): CslItem[] {
  return items.map(({ locator: _locator, label: _label, ...item }) => item);
}

/** The widest line label of these messages, which the plain transcript aligns its numbers to. */
export function labelWidth(messages: Iterable<{ lines: readonly TranscriptLine[] }>): number {
  // A loop, not Math.max(...labels): spreading an edition's every line overflows the call stack.
  let width = 1;
  for (const { lines } of messages) for (const line of lines) width = Math.max(width, line.label.length);
  return width;
}

function transcriptHeader(meta: EditionMeta): string {
  return `${[meta.title, `Version ${meta.version}, ${meta.published}. ${meta.license}.`, meta.base_url, ""].join("\n")}\n`;
}

/** The whole correspondence as plain text: each message's heading, its URL, and its lines with their numbers. */
export function plainTranscript(input: ExportInput, width = labelWidth(input.messages)): string {
  const { meta } = input.edition;
  const out = [meta.title, `Version ${meta.version}, ${meta.published}. ${meta.license}.`, meta.base_url, ""];
  for (const { message, lines, url } of input.messages) {
    out.push(`== ${input.describe(message)}`, `   ${url}`, "");
    for (const line of lines) out.push(`${line.label.padStart(width)}  ${line.text}`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

/** One partition's part of each export: its items, serialised as they stand in the whole file. */
export interface ExportSlices {
  annotations: string;
  messages: string;
  cslMessages: string;
  cslNotes: string;
  transcript: string;
  notes: number;
}

const INDENT = 1;
// A bare string line in the array: no item (always an object) is written as one.
const SENTINEL = "@@annotated-edition-items@@";

/** Items as JSON.stringify(…, null, 1) writes them inside an array `depth` levels deep: indented, comma-separated. */
function serialiseItems(items: readonly unknown[], depth: number): string {
  const pad = " ".repeat(depth * INDENT);
  return items.map((item) => JSON.stringify(item, null, INDENT).replace(/^/gm, pad)).join(",\n");
}

/** The parts of a slice, in the order a partition's slices file holds them. */
export const SLICE_PARTS = ["annotations", "messages", "cslMessages", "cslNotes", "transcript"] as const;
export type SlicePart = (typeof SLICE_PARTS)[number];

/** What joining needs to know of a partition's slices without reading them: its notes, and which parts are empty. */
export interface SliceSummary {
  notes: number;
  bytes: Record<SlicePart, number>;
}

/** A stretch of an export file: its own text, or one part of one partition's slices (by the partition's index). */
export type ExportPiece = string | { slice: number; part: SlicePart };

/**
 * `JSON.stringify(wrapper, null, 1)` with the array holding the sentinel filled by the non-empty slices, comma-
 * separated: the same bytes as stringifying the whole object at once, as pieces, so that the slices are streamed
 * into the file rather than joined in memory.
 */
function jsonPieces(wrapper: unknown, parts: ReadonlyArray<{ slice: number; part: SlicePart }>, slices: readonly SliceSummary[]): ExportPiece[] {
  const items = parts.filter(({ slice, part }) => slices[slice]!.bytes[part] > 0);
  const text = JSON.stringify(wrapper, null, INDENT);
  if (!items.length) return [`${text.replace(new RegExp(`\\[\\n *"${SENTINEL}"\\n *\\]`), "[]")}\n`];
  const line = new RegExp(`^ *"${SENTINEL}"$`, "m").exec(text)!;
  const pieces: ExportPiece[] = [text.slice(0, line.index)];
  items.forEach((item, i) => pieces.push(...(i ? [",\n", item] : [item])));
  pieces.push(`${text.slice(line.index + line[0].length)}\n`);
  return pieces;
}

/** A partition's slices: `messages` are the partition's, `width` the widest line label of the whole edition. */
export function exportSlices(input: ExportInput, items: { message(message: Message): CslItem; note(note: ExportMessage["notes"][number], message: Message): CslItem }, width: number): ExportSlices {
  const annotations = (webAnnotations(input) as { first: { items: unknown[] } }).first.items;
  const messages = (messagesJson(input) as { messages: unknown[] }).messages;
  const transcript = plainTranscript(input, width);
  return {
    annotations: serialiseItems(annotations, 3),
    messages: serialiseItems(messages, 2),
    cslMessages: serialiseItems(cslJson(input.messages.map(({ message }) => items.message(message))), 1),
    cslNotes: serialiseItems(cslJson(input.messages.flatMap(({ message, notes }) => notes.map((note) => items.note(note, message)))), 1),
    transcript: transcript.slice(transcriptHeader(input.edition.meta).length),
    notes: annotations.length,
  };
}

/** Slices that follow each other, as one: a partition's, from its messages' own. */
export function concatSlices(slices: readonly ExportSlices[]): ExportSlices {
  const join = (part: keyof Omit<ExportSlices, "notes" | "transcript">) => slices.map((slice) => slice[part]).filter((text) => text !== "").join(",\n");
  return {
    annotations: join("annotations"),
    messages: join("messages"),
    cslMessages: join("cslMessages"),
    cslNotes: join("cslNotes"),
    transcript: slices.map((slice) => slice.transcript).join(""),
    notes: slices.reduce((sum, slice) => sum + slice.notes, 0),
  };
}

/** Each export file as pieces, from every partition's slices in reading order. */
export function exportPieces(input: Omit<ExportInput, "messages">, slices: readonly SliceSummary[]): Map<string, ExportPiece[]> {
  const empty = { ...input, messages: [] };
  const all = (part: SlicePart) => slices.map((_, slice) => ({ slice, part }));
  const annotations = webAnnotations(empty) as { total: number; first: { items: unknown[] } };
  annotations.total = slices.reduce((sum, slice) => sum + slice.notes, 0);
  annotations.first.items = [SENTINEL];
  const messages = messagesJson(empty) as { messages: unknown[] };
  messages.messages = [SENTINEL];
  return new Map([
    [ANNOTATIONS_EXPORT, jsonPieces(annotations, all("annotations"), slices)],
    [MESSAGES_EXPORT, jsonPieces(messages, all("messages"), slices)],
    [CSL_EXPORT, jsonPieces([SENTINEL], [...all("cslMessages"), ...all("cslNotes")], slices)],
    [TRANSCRIPT_EXPORT, [transcriptHeader(input.edition.meta), ...all("transcript").filter(({ slice }) => slices[slice]!.bytes.transcript > 0)]],
  ]);
}
