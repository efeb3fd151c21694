// The edition in machine-readable form, for other tools and for the record: every note as a W3C Web Annotation,
// the messages with their metadata and lines as JSON, the whole edition as CSL-JSON, and a plain-text transcript
// with line numbers. Each is a pure function of the rendered edition; the site writes them under /exports/.
import type { AnchoredAnnotation } from "../anchor/anchor-annotations.ts";
import { lineRangeFragment } from "../anchor/line-labels.ts";
import type { TranscriptLine } from "../anchor/transcript-text.ts";
import type { Annotation, Edition, Message } from "../load/model.ts";
import type { AnnotationKind } from "../load/schema.ts";
import type { CslItem } from "./csl-items.ts";

export interface ExportMessage {
  message: Message;
  lines: readonly TranscriptLine[];
  /** Absolute URL of the message's page. */
  url: string;
  notes: Array<{ annotation: Annotation; anchored: AnchoredAnnotation; html: string; url: string }>;
}

export interface ExportInput {
  edition: Edition;
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

/**
 * Every note as a W3C Web Annotation in one AnnotationCollection. The target is the message page; its selectors
 * locate the passage in the transcript's text (its lines joined by "\n"), by quote (with up to 32 characters of
 * context) and by position, plus the line fragment of the page.
 */
export function webAnnotations(input: ExportInput): object {
  const { edition } = input;
  const editors = edition.meta.editors.map((editor) => ({ type: "Person", name: editor.name }));
  const items = input.messages.flatMap(({ url, notes }) =>
    notes.map(({ annotation, anchored, html, url: noteUrl }) => {
      const fragment = lineRangeFragment(anchored.firstLine, anchored.lastLine);
      return {
        id: noteUrl,
        type: "Annotation",
        motivation: MOTIVATIONS[annotation.kind],
        creator: annotation.author ? { type: "Person", name: annotation.author } : editors,
        created: edition.meta.published,
        body: {
          type: "TextualBody",
          value: html,
          format: "text/html",
          language: edition.meta.language,
          purpose: MOTIVATIONS[annotation.kind],
        },
        target: {
          type: "SpecificResource",
          source: url,
          selector: [
            { type: "TextQuoteSelector", exact: anchored.exact, prefix: anchored.prefix, suffix: anchored.suffix },
            { type: "TextPositionSelector", start: anchored.range.start, end: anchored.range.end },
            { type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: fragment },
          ],
        },
      };
    }),
  );
  const id = input.exportUrl(ANNOTATIONS_EXPORT);
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id,
    type: "AnnotationCollection",
    label: `Editorial notes of ${edition.meta.title}, version ${edition.meta.version}`,
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

/** The whole correspondence as plain text: each message's heading, its URL, and its lines with their numbers. */
export function plainTranscript(input: ExportInput): string {
  const { meta } = input.edition;
  // A loop, not Math.max(...labels): spreading an edition's every line overflows the call stack.
  let width = 1;
  for (const { lines } of input.messages) for (const line of lines) width = Math.max(width, line.label.length);
  const out = [meta.title, `Version ${meta.version}, ${meta.published}. ${meta.license}.`, meta.base_url, ""];
  for (const { message, lines, url } of input.messages) {
    out.push(`== ${input.describe(message)}`, `   ${url}`, "");
    for (const line of lines) out.push(`${line.label.padStart(width)}  ${line.text}`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}
