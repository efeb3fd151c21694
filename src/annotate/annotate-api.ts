// The endpoints behind annotating from the page, in `npm start` only: what the form needs (the edition's kinds and
// sources, a note's fields), a preview of a note's text, and adding, editing and deleting a note's file. Every change
// goes through the authoring code (draftNote, as `npm run new -- note` writes; editedNoteText, as an editor edits)
// and is checked as the build will check it (checkNoteFile) before anything is written; the form gets the build's
// own report when it is refused. Files are written only in the edition's annotations/, whatever the request names:
// new files get ids the authoring code chose, and an existing note is found by its id among the notes the build
// loaded, never by a path sent by the page.
import { createHash } from "node:crypto";
import { lstat, readFile, realpath, unlink, writeFile } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import type { VFile } from "vfile";
import { z } from "zod";
import { AuthorError, type Problem } from "../author/author-error.ts";
import { checkNoteFile, noteRenderer, type LoadedEdition } from "../author/check-note-file.ts";
import { editedNoteText, noteFormFields } from "../author/edit-note.ts";
import { draftNote, noteFileText, noteIdFor, type NoteDraft, type NewNoteOptions } from "../author/new-note.ts";
import { openedEdition, type OpenEdition } from "../author/open-edition.ts";
import { writeNewFiles } from "../author/write-new-files.ts";
import { collapse } from "../anchor/text-quote.ts";
import type { Annotation, Edition } from "../load/model.ts";
import { ANNOTATION_KINDS } from "../load/schema.ts";
import { NOTE_KIND_LABELS } from "../site/pages/parts.tsx";
import { refuseRequest, type GuardOptions } from "./request-guard.ts";

export const API_PATH = "/.annotate/";

/** One line of a report, as the terminal prints it (`annotations/x.md:5:10  error  …  [rule]`), with its hint. */
export interface ReportedProblem {
  severity: "error" | "warning";
  text: string;
  hint?: string;
}

export interface AnnotateApiOptions extends GuardOptions {
  root: string;
  /** The edition as the last build loaded it. */
  current: () => LoadedEdition | undefined;
  /** Where to say what was written (the terminal `npm start` runs in). */
  log?: (line: string) => void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: ReportedProblem[] = [],
  ) {
    super(message);
  }
}

const MAX_BODY = 512 * 1024;
const text = (max: number) => z.string().max(max);
const noteFields = { kind: text(100), sources: z.array(text(200)).max(200), title: text(2000), body: text(200_000) };
const createRequest = z.strictObject({
  message: text(200),
  quote: text(20_000).optional(),
  at: z.strictObject({ line: text(20), offset: z.number().int().min(0).max(10_000_000) }).optional(),
  lines: text(40).optional(),
  ...noteFields,
});
const editRequest = z.strictObject({ id: text(200), hash: text(128), ...noteFields });
const deleteRequest = z.strictObject({ id: text(200), hash: text(128) });
const previewRequest = z.strictObject({ body: noteFields.body, id: text(200).optional() });

const hashOf = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

function vfileProblems(file: VFile, root: string): ReportedProblem[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => {
      const severity = message.fatal ? "error" : "warning";
      const where = `${path.relative(root, file.path)}:${message.line ?? 1}:${message.column ?? 1}`;
      return { severity, text: `${where}  ${severity}  ${message.reason}  [${message.ruleId ?? "edition"}]`, ...(message.note ? { hint: message.note } : {}) };
    });
}

function authorProblems(problems: readonly Problem[], root: string): ReportedProblem[] {
  return problems.map((problem) => ({
    severity: "error",
    text: problem.file
      ? `${path.relative(root, problem.file)}:${problem.place?.line ?? 1}:${problem.place?.column ?? 1}  error  ${problem.message}  [${problem.ruleId ?? "author"}]`
      : `error  ${problem.message}`,
    ...(problem.hint ? { hint: problem.hint } : {}),
  }));
}

const notesById = new WeakMap<Edition, Map<string, Annotation>>();
function noteById(edition: Edition, id: string): Annotation | undefined {
  let map = notesById.get(edition);
  if (!map) {
    map = new Map();
    for (const group of edition.annotationsByMessage.values()) for (const annotation of group) map.set(annotation.id, annotation);
    notesById.set(edition, map);
  }
  return map.get(id);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, "The request is too large.");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "The request is not valid JSON.");
  }
}

function parseRequest<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, `The request does not have the fields expected: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(request)"}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

export class AnnotateApi {
  readonly #options: AnnotateApiOptions;
  readonly #annotations: string;

  constructor(options: AnnotateApiOptions) {
    this.#options = options;
    this.#annotations = path.join(path.resolve(options.root), "annotations");
  }

  /** Answers requests under /.annotate/ (other than its assets); passes every other request on. */
  readonly middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(API_PATH)) return next();
    const route = `${req.method} ${url.pathname.slice(API_PATH.length)}`;
    const handler = this.#routes[route];
    if (!handler) return next();
    const write = req.method !== "GET";
    const refused = refuseRequest(req, this.#options, write);
    if (refused) return this.#send(res, refused.status, { error: refused.error });
    handler(req, url)
      .then(({ status = 200, ...body }) => this.#send(res, status, body))
      .catch((error: unknown) => {
        if (error instanceof HttpError) return this.#send(res, error.status, { error: error.message, problems: error.problems });
        if (error instanceof AuthorError) return this.#send(res, 422, { error: "The note was not saved.", problems: authorProblems(error.problems, this.#options.root) });
        console.error(error);
        this.#send(res, 500, { error: `Annotating failed: ${(error as Error)?.message ?? error}` });
      });
  };

  #send(res: http.ServerResponse, status: number, body: object): void {
    const json = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
    res.end(json);
  }

  #loaded(): LoadedEdition {
    const loaded = this.#options.current();
    if (!loaded) throw new HttpError(503, "The edition has not been built yet: wait for npm start to finish building it.");
    return loaded;
  }

  #relative(file: string): string {
    return path.relative(path.resolve(this.#options.root), file);
  }

  readonly #routes: Record<string, (req: http.IncomingMessage, url: URL) => Promise<{ status?: number } & object>> = {
    "GET context": async (_req, url) => this.#context(url.searchParams.get("message") ?? undefined),
    "GET note": async (_req, url) => this.#note(url.searchParams.get("id") ?? ""),
    "POST preview": async (req) => this.#preview(parseRequest(previewRequest, await readJson(req))),
    "POST note": async (req) => this.#create(parseRequest(createRequest, await readJson(req))),
    "PUT note": async (req) => this.#edit(parseRequest(editRequest, await readJson(req))),
    "DELETE note": async (req) => this.#delete(parseRequest(deleteRequest, await readJson(req))),
  };

  /** What the form offers, the notes of a message page with their files, and the build's report on that message. */
  async #context(messageId: string | undefined) {
    const { edition, files } = this.#loaded();
    const kinds = ANNOTATION_KINDS.map((kind) => ({ value: kind, label: NOTE_KIND_LABELS[kind] }));
    const sources = [...edition.sources.values()].map((source) => ({ id: source.id, short: source.short, ...(source.title ? { title: source.title } : {}) }));
    const message = messageId === undefined ? undefined : edition.messages.find((candidate) => candidate.id === messageId);
    const notes = message ? (edition.annotationsByMessage.get(message.id) ?? []) : [];
    // The build's warnings on this message: a correction of its transcript moves its notes, and says so here.
    const reported = new Set([message?.origin.file, ...notes.map((note) => note.origin.file)].filter(Boolean));
    const report = files.filter((file) => reported.has(file)).flatMap((file) => vfileProblems(file, this.#options.root));
    return {
      kinds,
      sources,
      message: message ? { id: message.id } : undefined,
      notes: notes.map((note) => ({ id: note.id, path: this.#relative(note.origin.file.path) })),
      report,
    };
  }

  /** A note's file for the edit form: its fields, and the hash it must still have when the form is saved. */
  async #note(id: string) {
    const file = await this.#noteFile(id);
    const bytes = await readFile(file);
    const fields = noteFormFields(bytes.toString("utf8").replace(/\r\n?/g, "\n"), this.#relative(file));
    return { id, path: this.#relative(file), hash: hashOf(bytes), fields };
  }

  async #preview({ body, id }: z.infer<typeof previewRequest>) {
    const { schemes } = this.#loaded();
    const file = path.join(this.#annotations, `${id && /^[a-z0-9-]+$/.test(id) ? id : "preview"}.md`);
    const rendered = noteRenderer(schemes).render({ path: file, body, bodyStartLine: 1, idScope: "note-preview-" });
    return {
      html: rendered.html,
      problems: rendered.messages.map((message): ReportedProblem => ({
        severity: message.fatal ? "error" : "warning",
        text: `Line ${message.line ?? 1} of the note: ${message.reason}  [${message.ruleId ?? "edition"}]`,
        ...(message.note ? { hint: message.note } : {}),
      })),
    };
  }

  /**
   * The file the editor's selection makes when `npm run new -- note` would refuse it: the quote as selected, the
   * sources as chosen. Checking it gives the build's own reason (an ambiguous quote, one not in the message, an
   * unknown source) at its place in the file; it is never written.
   */
  #asSelected(opened: OpenEdition, request: NewNoteOptions): { path: string; text: string } | undefined {
    const message = opened.edition.messages.find((candidate) => candidate.id === request.message);
    const quote = collapse(request.quote ?? "").trim();
    if (!message || (!quote && request.lines === undefined)) return undefined;
    const line = request.at?.line ?? request.lines?.split("-")[0] ?? "1";
    const anchor = request.lines !== undefined ? { lines: request.lines } : { quote };
    const id = noteIdFor(opened, request.title || quote, message.id, line, line);
    const text = noteFileText({ id, target: message.id, anchor, line, kind: request.kind ?? "", sources: request.sources ?? [], sourcesTodo: false, title: request.title, body: request.body });
    return { path: path.join(opened.layout.annotations, `${id}.md`), text };
  }

  async #create(request: z.infer<typeof createRequest>) {
    const loaded = this.#loaded();
    const { root } = this.#options;
    const opened = await openedEdition(root, loaded.edition, loaded.files);
    const options: NewNoteOptions = { edition: root, ...request, title: request.title.trim() || undefined };
    let draft: NoteDraft | undefined;
    let refusal: AuthorError | undefined;
    // A note from the page names its sources: the command's placeholder source would only be an error to fix.
    if (!request.sources.length) refusal = new AuthorError({ message: "Choose at least one source the note rests on", hint: "Pick it from the edition's sources in the form." });
    else
      try {
        draft = draftNote(opened, options);
      } catch (error) {
        if (!(error instanceof AuthorError)) throw error;
        refusal = error;
      }
    const file = draft ?? this.#asSelected(opened, options);
    const problems = file ? vfileProblems(checkNoteFile(loaded, root, file.path, file.text), root) : [];
    const errors = problems.some((problem) => problem.severity === "error");
    if (errors || refusal || !draft) throw new HttpError(422, "The note was not saved.", errors ? problems : authorProblems(refusal?.problems ?? [], root));
    if (path.dirname(path.resolve(draft.path)) !== this.#annotations) throw new HttpError(400, "Notes are written only in the edition's annotations/ folder.");
    await writeNewFiles([{ path: draft.path, text: draft.text }], "Save the note again: it gets the next free name.");
    const where = draft.anchored.firstLine === draft.anchored.lastLine ? `line ${draft.anchored.firstLine}` : `lines ${draft.anchored.firstLine}–${draft.anchored.lastLine}`;
    this.#options.log?.(`Wrote ${this.#relative(draft.path)} from the page: anchored to ${"quote" in draft.anchored.anchor ? `"${collapse(draft.anchored.exact)}"` : "whole lines"} on ${where} of ${draft.target}.`);
    return { status: 201, id: draft.id, path: this.#relative(draft.path), hash: hashOf(draft.text), anchor: draft.anchored.anchor, warnings: problems };
  }

  async #edit(request: z.infer<typeof editRequest>) {
    const loaded = this.#loaded();
    const file = await this.#noteFile(request.id);
    const shown = this.#relative(file);
    const before = await this.#unchanged(file, request.hash);
    const after = editedNoteText(before, { kind: request.kind, title: request.title, sources: request.sources, body: request.body }, shown);
    const problems = vfileProblems(checkNoteFile(loaded, this.#options.root, file, after), this.#options.root);
    if (problems.some((problem) => problem.severity === "error")) throw new HttpError(422, "The note was not saved.", problems);
    // Read once more just before writing, so that a save from the editor's own editor meanwhile is not lost.
    await this.#unchanged(file, request.hash);
    if (after !== before) await writeFile(file, after);
    this.#options.log?.(`Wrote ${shown} from the page.`);
    return { id: request.id, path: shown, hash: hashOf(after), warnings: problems };
  }

  async #delete(request: z.infer<typeof deleteRequest>) {
    const { edition } = this.#loaded();
    const file = await this.#noteFile(request.id);
    const shown = this.#relative(file);
    await this.#unchanged(file, request.hash);
    const linking = linksTo(edition, request.id, this.#options.root);
    if (linking.length) throw new HttpError(422, `${shown} was not deleted: other notes or pages link to it.`, linking);
    await unlink(file);
    this.#options.log?.(`Deleted ${shown} from the page.`);
    return { id: request.id, path: shown };
  }

  /** The file's text, if it is still what the form was opened on; otherwise the save stops and says so. */
  async #unchanged(file: string, hash: string): Promise<string> {
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) throw new HttpError(409, `${this.#relative(file)} is no longer there: it was deleted or renamed since the form was opened. Nothing was written.`);
    if (hashOf(bytes) !== hash)
      throw new HttpError(409, `${this.#relative(file)} changed on disk since the form was opened (in your editor?), so it was not overwritten. Copy what you wrote, reload the page, and make the change again.`);
    return bytes.toString("utf8");
  }

  /** The file of a note the build loaded, if it is a regular file inside annotations/ (not a link out of it). */
  async #noteFile(id: string): Promise<string> {
    const note = noteById(this.#loaded().edition, id);
    if (!note) throw new HttpError(404, `There is no note "${id}" in the edition as last built.`);
    const file = note.origin.file.path;
    const inside = async () => {
      if ((await lstat(file)).isSymbolicLink()) return false;
      const real = await realpath(file);
      return real.startsWith((await realpath(this.#annotations)) + path.sep) && real.endsWith(".md");
    };
    if (!(await inside().catch(() => false))) throw new HttpError(403, `Notes are changed only inside the edition's annotations/ folder; ${this.#relative(file)} is not.`);
    return file;
  }
}

/**
 * The notes and editorial pages whose text links to a note (`note:<id>`): deleting it would stop the build on each
 * of those links, so each is reported at its place, as the build would.
 */
function linksTo(edition: Edition, id: string, root: string): ReportedProblem[] {
  const pattern = new RegExp(`\\]\\(\\s*note:${id.replace(/[-]/g, "\\-")}(?=[)#\\s])`, "g");
  const found: ReportedProblem[] = [];
  const scan = (body: string, file: string, bodyStartLine: number) => {
    for (const match of body.matchAll(pattern)) {
      const before = body.slice(0, match.index);
      const line = bodyStartLine + before.split("\n").length - 1;
      // At the link's target, where the build reports a broken one.
      const column = match.index - before.lastIndexOf("\n") + 2;
      found.push({
        severity: "error",
        text: `${path.relative(root, file)}:${line}:${column}  error  Links to note:${id}, which would no longer exist  [broken-link]`,
        hint: "Remove or change that link first, then delete the note.",
      });
    }
  };
  for (const group of edition.annotationsByMessage.values())
    for (const note of group) if (note.id !== id) scan(note.body, note.origin.file.path, note.origin.bodyStartLine);
  for (const page of edition.pages) scan(page.body, page.origin.file.path, page.origin.bodyStartLine);
  return found;
}
