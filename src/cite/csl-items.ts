// CSL-JSON items for citing the edition: one message (or one line or range of lines of it) and one editorial note.
// Built from the load stage's model at build time; format-citation.ts turns an item into Chicago, MLA, APA, BibTeX,
// RIS or CSL-JSON, in Node or in the browser.
import { lineRangeFragment, lineRangeLabel } from "../anchor/line-labels.ts";
import type { Message } from "../load/model.ts";
import type { EditionMeta, Person, Source } from "../load/schema.ts";
import { citationTitle, messageTitle } from "../load/wording.ts";

/** A CSL name: name parts for a person, or a literal for an organisation or a name that must not be split. */
export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  literal?: string;
}

/** A CSL date with only the parts that are known: `[[2016, 9, 20]]`, or `[[2017, 11]]` for a month. */
export interface CslDate {
  "date-parts": [[number] | [number, number] | [number, number, number]];
}

/**
 * The CSL 1.0.2 item types the edition cites, and that our two styles cover:
 * personal_communication (direct message, email, letter), post (public post), document (statement), chapter (note).
 */
export type CslType = "personal_communication" | "post" | "document" | "chapter";

export interface CslItem {
  id: string;
  type: CslType;
  /** A BibTeX-safe key (letters, digits, underscores), so that exports name the item the same way every time. */
  "citation-key"?: string;
  language?: string;
  author?: CslName[];
  recipient?: CslName[];
  title?: string;
  medium?: string;
  issued?: CslDate;
  accessed?: CslDate;
  "container-title"?: string;
  editor?: CslName[];
  version?: string;
  publisher?: string;
  URL?: string;
  /**
   * The reports that attest a message ("Attested by: The Atlantic; The Hill"): a fact about the item that no CSL
   * variable holds. Styles do not print it; Zotero files it under Extra, RIS under N1, BibTeX under note.
   */
  note?: string;
  /**
   * The cited line or range ("3", "2-4"). Strictly a property of the citation, not of the work: the CSL styles
   * receive it as the cite's locator, and the CSL-JSON export leaves it out (the URL's #L2-L4 keeps it).
   */
  locator?: string;
  label?: "line";
}

export interface CiteContext {
  edition: EditionMeta;
  people: Map<string, Person>;
  /** The absolute URL of the page cited: the message's page, or the note's anchor on it. */
  pageUrl: string;
  /** When the reader consulted the page; left out of the citation when not given. */
  accessed?: Date;
  /** The edition's sources, to name the reports that attest a message. */
  sources?: Map<string, Source>;
}

/** A line or a range of lines of a transcript, by their labels ("3", "3a"). */
export interface LineSelection {
  first: string;
  last: string;
}

/** What noteItem needs of an annotation and where it is anchored, so that the render stage's types stay there. */
export interface CitableNote {
  id: string;
  title?: string;
  /** The note's author as written in its front matter; the edition's editors when absent. */
  author?: string;
  kind: string;
  firstLine: string;
  lastLine: string;
}

/**
 * The item for a message, or for one line or a range of it. `lines` are its lines as a reader sees them (the render
 * stage's text, without Markdown), which a public post is cited by.
 */
export function messageItem(message: Message, lines: readonly string[], context: CiteContext, selection?: LineSelection): CslItem {
  const { edition } = context;
  const item: CslItem = {
    id: message.id,
    type: messageType(message.kind),
    "citation-key": bibtexKey(message.id),
    language: edition.language,
    author: [personName(context.people, message.from)],
  };
  if (message.to.length > 0) item.recipient = message.to.map((id) => personName(context.people, id));
  item.title = citationTitle(message, lines, context.people);
  item.medium = message.platform;
  item.issued = messageDate(message);
  Object.assign(item, editionContainer(edition));
  item.URL = withFragment(context.pageUrl, undefined);
  const attestation = attestedBy(message, context.sources);
  if (attestation) item.note = attestation;
  if (context.accessed) item.accessed = calendarDate(context.accessed);
  return selection ? withLineSelection(item, selection) : item;
}

/**
 * The item for one line or a range of lines of a message, from the item for the whole message: the line goes into
 * the locator and the URL's fragment (#L3, #L2-L4). Used at build time and by the "cite this" panel in the browser.
 */
export function withLineSelection(whole: CslItem, selection: LineSelection): CslItem {
  const fragment = lineRangeFragment(selection.first, selection.last);
  return {
    ...whole,
    id: `${whole.id}#${fragment}`,
    "citation-key": bibtexKey(`${whole.id}-${fragment}`),
    URL: whole.URL ? withFragment(whole.URL, fragment) : whole.URL,
    locator: selection.first === selection.last ? selection.first : `${selection.first}-${selection.last}`,
    label: "line",
  };
}

/** The item as consulted today: the access date is the reader's, so it is added when the reader cites. */
export function accessedOn(item: CslItem, date: Date): CslItem {
  return { ...item, accessed: calendarDate(date) };
}

export function noteItem(note: CitableNote, message: Message, context: CiteContext): CslItem {
  const { edition } = context;
  const lines = lineRangeLabel(note.firstLine, note.lastLine);
  const item: CslItem = {
    id: `note:${note.id}`,
    // A note is a signed, titled part of an edited and versioned whole, cited inside that whole ("in Title, ed.
    // …"): CSL's chapter ("a chapter, section, or other part of a book") is that relation, and every style and
    // export renders it so (Chicago's and MLA's part of an edited work, APA's "In Editor (Ed.), Title", BibTeX's
    // @incollection). entry-encyclopedia would say the edition is a reference work, which it is not.
    type: "chapter",
    "citation-key": bibtexKey(`note-${note.id}`),
    language: edition.language,
    // A note's citation names its editorial author; unsigned notes are the editors'.
    author: note.author ? [noteAuthorName(note.author, edition)] : edition.editors.map(editorName),
    title: note.title ?? `Note on ${messageTitle(message, context.people)}, ${lines}`,
    issued: partialDate(edition.published),
    ...editionContainer(edition),
    // The note's own anchor on its message's page (#note-<id>), which pageUrl carries: kept, not stripped.
    URL: new URL(context.pageUrl).href,
  };
  if (context.accessed) item.accessed = calendarDate(context.accessed);
  return item;
}

/** "Attested by: The Atlantic; The Hill": the reports that print the message, by their short names. */
export function attestedBy(message: Message, sources: Map<string, Source> | undefined): string | undefined {
  if (!sources || message.sources.length === 0) return undefined;
  return `Attested by: ${message.sources.map((citation) => sources.get(citation.id)?.short ?? citation.id).join("; ")}`;
}

function messageType(kind: Message["kind"]): CslType {
  switch (kind) {
    case "direct-message":
    case "email":
    case "letter":
      return "personal_communication";
    case "public-post":
      // CSL 1.0.2's type for "a post on a online forum, social media platform, or similar".
      return "post";
    case "statement":
      // A statement issued to the press is neither a speech (CSL: a talk or presentation) nor a personal
      // communication (it is public), nor an interview, broadcast or report; CSL 1.0.2's document, "a generic
      // document not fitting into any other category", is the honest choice, and APA still shows the medium
      // ("[Statement]").
      return "document";
  }
}

function messageDate(message: Message): CslDate {
  const { year, month, day } = message.time;
  // Only the parts the sources give: a message dated to the month never gains an invented day.
  return { "date-parts": [day === undefined ? [year, month] : [year, month, day]] };
}

function partialDate(value: string): CslDate {
  const [year, month, day] = value.split("-").map(Number) as [number, number?, number?];
  if (month === undefined) return { "date-parts": [[year]] };
  if (day === undefined) return { "date-parts": [[year, month]] };
  return { "date-parts": [[year, month, day]] };
}

/** The reader's calendar date, as their own clock shows it. */
function calendarDate(date: Date): CslDate {
  return { "date-parts": [[date.getFullYear(), date.getMonth() + 1, date.getDate()]] };
}

function editionContainer(edition: EditionMeta): Pick<CslItem, "container-title" | "editor" | "version" | "publisher"> {
  const container: Pick<CslItem, "container-title" | "editor" | "version" | "publisher"> = {
    "container-title": edition.title,
    editor: edition.editors.map(editorName),
    version: edition.version,
  };
  if (edition.publisher) container.publisher = edition.publisher;
  return container;
}

function withFragment(pageUrl: string, fragment: string | undefined): string {
  const url = new URL(pageUrl);
  url.hash = fragment ?? "";
  return url.href;
}

/** BibTeX keys may not contain hyphens or #; citation-js would otherwise invent one from author, year and title. */
function bibtexKey(id: string): string {
  return id.replace(/[^A-Za-z0-9]+/g, "_");
}

function personName(people: Map<string, Person>, id: string): CslName {
  const person = people.get(id);
  if (!person) throw new Error(`Cannot cite: no person "${id}" in people.yaml. Add them there, or fix the id in the message's from/to.`);
  const name = person.citation_name;
  if (name?.literal) return { literal: name.literal };
  if (name?.family) return definedParts({ family: name.family, given: name.given, suffix: name.suffix });
  // Without name parts the name is printed as written, never split at a guess.
  return { literal: person.name };
}

function editorName(editor: EditionMeta["editors"][number]): CslName {
  return editor.family ? definedParts({ family: editor.family, given: editor.given }) : { literal: editor.name };
}

function noteAuthorName(author: string, edition: EditionMeta): CslName {
  const editor = edition.editors.find((candidate) => candidate.name === author);
  return editor ? editorName(editor) : { literal: author };
}

function definedParts(name: CslName): CslName {
  return Object.fromEntries(Object.entries(name).filter(([, value]) => value !== undefined)) as CslName;
}
