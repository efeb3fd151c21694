// `npm run new -- note`: an annotation anchored to words of a message, written only once the anchor is known to
// resolve uniquely, exactly as the build will resolve it.
import path from "node:path";
import { ANNOTATION_KINDS, annotationSchema, type Anchor } from "../load/schema.ts";
import { AuthorError, type Problem } from "./author-error.ts";
import { chooseNoteAnchor, type AnchorRequest, type ChosenAnchor } from "./choose-note-anchor.ts";
import { PLACEHOLDER_SOURCE } from "./message-file.ts";
import { problemsOfSchema } from "./schema-problems.ts";
import { listIds, openEdition, type OpenEdition } from "./open-edition.ts";
import { firstFreeId, slugify, slugOfWords } from "../load/slug.ts";
import { writeNewFiles } from "./write-new-files.ts";
import { yamlField, yamlIdList, yamlLineLabel, yamlString } from "./yaml-text.ts";

export const NOTE_BODY_PLACEHOLDER = "TODO: write the note.\n";
export const DEFAULT_NOTE_KIND = "context";

/** Where the note goes (quote, prefix, suffix, occurrence, where it was selected, or lines: see choose-note-anchor.ts), and what it says. */
export interface NewNoteOptions extends AnchorRequest {
  edition: string;
  message: string;
  kind?: string;
  title?: string;
  id?: string;
  sources?: string[];
  /** The note's Markdown; without it, a placeholder for the editor to replace. */
  body?: string;
}

export interface NewNoteResult {
  path: string;
  id: string;
  /** The message the note annotates. */
  target: string;
  anchored: ChosenAnchor;
}

/** A note ready to be written: where, and its file's text. */
export interface NoteDraft extends NewNoteResult {
  text: string;
}

const OPTION_OF_FIELD: Record<string, string> = { id: "--id", target: "--message", anchor: "--quote/--lines", kind: "--kind", sources: "--source", title: "--title" };

function anchorLines(anchor: Anchor, line: string): string[] {
  if ("lines" in anchor) return [yamlField("lines", yamlString(anchor.lines), undefined, "  ")];
  return [
    yamlField("quote", yamlString(anchor.quote), undefined, "  "),
    ...(anchor.prefix !== undefined ? [yamlField("prefix", yamlString(anchor.prefix), "chosen so that the quote is found once only", "  ")] : []),
    ...(anchor.suffix !== undefined ? [yamlField("suffix", yamlString(anchor.suffix), "chosen so that the quote is found once only", "  ")] : []),
    // Where the quote is now: if the transcript is corrected later, this helps find the note's passage again.
    yamlField("line", yamlLineLabel(line), undefined, "  "),
  ];
}

/** A note's Markdown as its file ends: Unix line endings and one final newline; the placeholder when it is empty. */
export function noteBody(body: string | undefined): string {
  const text = (body ?? "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  return text.trim() ? `${text}\n` : NOTE_BODY_PLACEHOLDER;
}

// The fields in the order the edition's own notes write them: what it is on (id, target, anchor), then what it is
// (kind, title), then what it rests on (sources).
export function noteFileText(fields: { id: string; target: string; anchor: Anchor; line: string; kind: string; sources: string[]; sourcesTodo: boolean; title?: string; body?: string }): string {
  return [
    "---",
    yamlField("id", fields.id),
    yamlField("target", fields.target),
    "anchor:",
    ...anchorLines(fields.anchor, fields.line),
    yamlField("kind", fields.kind),
    ...(fields.title ? [yamlField("title", yamlString(fields.title))] : []),
    yamlField("sources", yamlIdList(fields.sources), fields.sourcesTodo ? "TODO: the ids of the sources the note rests on (edition/sources.yaml)" : undefined),
    "---",
    noteBody(fields.body),
  ].join("\n");
}

export async function newNote(options: NewNoteOptions): Promise<NewNoteResult> {
  const { text, ...result } = draftNote(await openEdition(options.edition), options);
  await writeNewFiles([{ path: result.path, text }], "Choose another --id.");
  return result;
}

/**
 * The note `newNote` writes, without writing it: for `npm run new -- note`, and for a note saved from the page in
 * `npm start`, which checks it as the build will before writing it (src/annotate/).
 */
export function draftNote(opened: OpenEdition, options: Omit<NewNoteOptions, "edition">): NoteDraft {
  const { layout, edition, messageIds, annotationIds } = opened;
  const problems: Problem[] = [];
  if ((options.quote === undefined) === (options.lines === undefined))
    problems.push({ message: "Give either --quote or --lines", hint: 'Anchor the note to the exact words (--quote "lamp is failing") or to whole lines (--lines 2-4).' });
  const kind = options.kind ?? DEFAULT_NOTE_KIND;
  if (!(ANNOTATION_KINDS as readonly string[]).includes(kind)) problems.push({ message: `--kind: "${kind}" is not one of ${ANNOTATION_KINDS.join(", ")}`, hint: `Use one of: ${ANNOTATION_KINDS.join(", ")}.` });
  const unknownSources = (options.sources ?? []).filter((id) => !edition.sources.has(id));
  if (unknownSources.length)
    problems.push({
      message: `--source: ${unknownSources.map((id) => `"${id}"`).join(", ")} not in edition/sources.yaml`,
      hint: `Use ids from there (${listIds(edition.sources.keys(), "none yet")}), or add the source first (npm run new -- source --short "…").`,
    });
  const message = edition.messages.find((candidate) => candidate.id === options.message);
  if (!message)
    problems.push(
      messageIds.has(options.message)
        ? { message: `--message: content/${options.message}.md has problems, so its text cannot be read`, hint: "Run npm run check, fix that transcript, then add the note." }
        : { message: `--message: there is no message "${options.message}" in content/`, hint: `Use the id of a message in the edition (${listIds(edition.messages.slice(0, 12).map((m) => m.id), "none yet")}${edition.messages.length > 12 ? ", …" : ""}).` },
    );
  if (problems.length || !message) throw new AuthorError(problems);

  const anchored = chooseNoteAnchor(message, options);
  const fileOf = (id: string) => path.join(layout.annotations, `${id}.md`);
  const taken = (id: string) => annotationIds.has(id);
  let id: string;
  if (options.id) {
    if (taken(options.id))
      throw new AuthorError({ message: `A note "${options.id}" already exists (annotations/${options.id}.md); it was not overwritten`, hint: "Choose another --id: note ids are part of published addresses." });
    id = options.id;
  } else id = noteIdFor(opened, options.title ?? ("quote" in anchored.anchor ? anchored.anchor.quote : ""), message.id, anchored.firstLine, anchored.lastLine);
  const sources = options.sources?.length ? options.sources : [PLACEHOLDER_SOURCE];
  const fields = { id, target: message.id, anchor: anchored.anchor, line: anchored.firstLine, kind, sources, sourcesTodo: !options.sources?.length, title: options.title, body: options.body };
  const validated = annotationSchema.safeParse({ id, target: message.id, anchor: anchored.anchor, kind, sources, ...(options.title ? { title: options.title } : {}) });
  if (!validated.success) throw new AuthorError(problemsOfSchema(validated.error, OPTION_OF_FIELD));
  return { path: fileOf(id), id, target: message.id, anchored, text: noteFileText(fields) };
}

/** The id `draftNote` gives a note: from its title, or the words it quotes, or its lines, made free in annotations/. */
export function noteIdFor(opened: OpenEdition, words: string, message: string, firstLine: string, lastLine: string): string {
  const base = slugOfWords(words) || slugify(`${message}-lines-${firstLine}-${lastLine}`);
  return firstFreeId(base, (id) => opened.annotationIds.has(id));
}
