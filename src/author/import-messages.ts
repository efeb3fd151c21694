// `npm run import`: turns an export of messages (CSV or JSON) into transcripts in content/. Every row is checked
// first, and if any is bad, or would take an id already in use, nothing at all is written: an import is all or
// nothing, so that it can be fixed and run again. Senders and recipients not yet in people.yaml are added to it;
// the import file itself becomes the source the transcripts cite, unless --source names one.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { MESSAGE_KINDS, peopleSchema, sourcesSchema, type MessageKind, type Source } from "../load/schema.ts";
import { AuthorError, type Problem } from "./author-error.ts";
import { appendToYamlList } from "./append-yaml-list.ts";
import { IMPORT_FIELD_HINTS, importRowSchema } from "./import-row-schema.ts";
import { personEntry, sourceEntry } from "./list-entries.ts";
import { PeopleMatcher } from "./match-people.ts";
import { messageFileText, PLATFORM_BY_KIND, validateMessageDraft, type MessageDraft } from "./message-file.ts";
import { listIds, openEdition } from "./open-edition.ts";
import { readImportFile, type ImportRow } from "./read-import-rows.ts";
import { readSent } from "./sent-timestamp.ts";
import { slugify } from "../load/slug.ts";
import { VerbatimTranscriber } from "./transcribe-verbatim.ts";
import { exists, writeNewFiles } from "./write-new-files.ts";

export interface ImportOptions {
  /** The CSV or JSON file to import. */
  file: string;
  edition: string;
  dryRun?: boolean;
  /** The kind of rows that do not give one (default: direct-message). */
  kind?: string;
  /** The platform of rows that do not give one (default: one named after the kind, e.g. "Email"). */
  platform?: string;
  /** A source in sources.yaml that the transcripts cite, instead of a new one for the import file. */
  source?: string;
}

export interface ImportedMessage {
  id: string;
  path: string;
  row: number;
  /** Lines (of the message's text) that lost spaces or tabs at either end, which a transcript cannot show. */
  trimmedLines: number[];
}

export interface ImportResult {
  messages: ImportedMessage[];
  addedPeople: Array<{ id: string; name: string }>;
  /** The source added for the import file, if one was. */
  addedSource?: Source;
  sourceId: string;
  /** Rows that got the default platform because they gave none. */
  defaultPlatform: number;
  ignoredFields: string[];
  dryRun: boolean;
}

export const DEFAULT_IMPORT_KIND: MessageKind = "direct-message";

interface PlannedMessage {
  row: ImportRow;
  draft: MessageDraft;
  /** True when the row gave its own id (and a clash is the row's to fix, not the numbering's). */
  ownId: boolean;
  trimmed: number[];
}

function rowProblem(file: string, row: ImportRow, field: string | undefined, message: string, hint?: string): Problem {
  return { message: `Row ${row.number}: ${field ? `${field}: ` : ""}${message}`, hint, file, place: field ? row.placeOf(field) : row.place, ruleId: "import-row" };
}

export async function importMessages(options: ImportOptions): Promise<ImportResult> {
  const file = path.resolve(options.file);
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new AuthorError({ message: `There is no file ${options.file}`, hint: "Give the path of a .csv or .json export." });
    throw error;
  });
  const { rows, ignoredFields } = readImportFile(file, text);
  const { layout, edition, messageIds } = await openEdition(options.edition);
  const problems: Problem[] = [];
  if (!rows.length) throw new AuthorError({ message: "The file holds no messages", hint: "Add one row per message below the header (CSV), or objects to the array (JSON).", file, ruleId: "import-row" });
  if (options.kind !== undefined && !(MESSAGE_KINDS as readonly string[]).includes(options.kind))
    problems.push({ message: `--kind: "${options.kind}" is not one of ${MESSAGE_KINDS.join(", ")}`, hint: `Use one of: ${MESSAGE_KINDS.join(", ")}.` });
  if (options.source !== undefined && !edition.sources.has(options.source))
    problems.push({ message: `--source: "${options.source}" is not in edition/sources.yaml`, hint: `Use one of: ${listIds(edition.sources.keys(), "(none yet)")}, or leave --source out to add the import file as a source.` });

  // The import file is the source the transcripts rest on, unless the editor names another.
  const fileSourceId = slugify(path.basename(file).replace(/\./g, "-")) || "import";
  const sourceId = options.source ?? fileSourceId;
  const addedSource: Source | undefined =
    options.source || edition.sources.has(fileSourceId)
      ? undefined
      : {
          id: fileSourceId,
          short: path.basename(file),
          kind: "data export",
          publisher: null,
          title: null,
          author: null,
          published: null,
          url: null,
          description: `The file ${path.basename(file)}, imported with npm run import on ${new Date().toISOString().slice(0, 10)}.`,
        };

  const people = new PeopleMatcher(edition.people.values());
  const transcriber = new VerbatimTranscriber();
  const planned: PlannedMessage[] = [];
  let defaultPlatform = 0;
  for (const row of rows) {
    const parsed = importRowSchema.safeParse(row.record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const missing = row.record[field] === undefined || (typeof row.record[field] === "string" && !(row.record[field] as string).trim());
        const hint = (issue as { params?: { hint?: string } }).params?.hint ?? IMPORT_FIELD_HINTS[field];
        const given = row.record[field];
        const message = missing
          ? `missing; expected ${issue.message}`
          : issue.code === "invalid_value" || issue.code === "invalid_format"
            ? `${JSON.stringify(given)} is not ${issue.message}`
            : issue.message;
        problems.push(rowProblem(file, row, field, message, hint));
      }
      continue;
    }
    const fields = parsed.data;
    const from = people.idOf(fields.sender);
    const to = fields.recipients.map((name) => [name, people.idOf(name)] as const);
    const nameless = [...(from ? [] : [fields.sender]), ...to.filter(([, id]) => !id).map(([name]) => name)];
    if (nameless.length) {
      problems.push(rowProblem(file, row, from ? "recipients" : "sender", `no person id can be made from ${nameless.map((name) => JSON.stringify(name)).join(", ")}`, "Add the person to edition/people.yaml first (npm run new -- person --name … --id …), then use that id in the file."));
      continue;
    }
    const sent = readSent(fields.timestamp) as { sent: string; precision: MessageDraft["precision"] };
    const kind = fields.kind ?? (options.kind as MessageKind | undefined) ?? DEFAULT_IMPORT_KIND;
    const platform = fields.platform ?? options.platform ?? PLATFORM_BY_KIND[kind];
    if (!fields.platform && !options.platform) defaultPlatform++;
    const transcription = transcriber.transcribe(fields.text);
    for (const wrong of transcription.unfaithful)
      problems.push(rowProblem(file, row, "text", `line ${wrong.line} would not be shown as written (it renders as ${JSON.stringify(wrong.rendered)})`, "Please report this: the import's escaping missed a case. Transcribe the message by hand meanwhile."));
    const draft: MessageDraft = {
      id: fields.id ?? "",
      kind,
      platform,
      from: from!,
      to: [...new Set(to.map(([, id]) => id!))],
      sent: sent.sent,
      precision: sent.precision,
      completeness: "complete",
      sources: [sourceId],
      title: fields.title ?? fields.subject,
      body: transcription.body,
    };
    planned.push({ row, draft, ownId: fields.id !== undefined, trimmed: transcription.trimmed });
  }

  // Ids from date and sender; several messages from one sender on one day are numbered in file order (-1, -2…).
  const bases = new Map<string, PlannedMessage[]>();
  for (const message of planned) {
    if (message.ownId) continue;
    const base = slugify(`${message.draft.sent.slice(0, 10)}-${message.draft.from}`);
    bases.set(base, [...(bases.get(base) ?? []), message]);
  }
  for (const [base, group] of bases) group.forEach((message, i) => (message.draft.id = group.length === 1 ? base : `${base}-${i + 1}`));

  const rowOfId = new Map<string, number>();
  for (const message of planned) {
    const { id } = message.draft;
    const earlier = rowOfId.get(id);
    const target = path.join(layout.content, `${id}.md`);
    if (earlier !== undefined) problems.push(rowProblem(file, message.row, "id", `"${id}" is also the id of row ${earlier}`, "Give each message its own id."));
    else if (messageIds.has(id) || (await exists(target)))
      problems.push(
        rowProblem(file, message.row, message.ownId ? "id" : undefined, `the message would be ${path.relative(layout.root, target)}, which already exists (was this file imported before?)`, message.ownId ? "Give the row another id." : "Give the row its own id in an id column, or leave it out of the file if it is already in the edition."),
      );
    rowOfId.set(id, message.row.number);
    const validated = validateMessageDraft(message.draft);
    if (!validated.success)
      for (const issue of validated.error.issues) {
        const field = String(issue.path[0] ?? "");
        const column = field === "to" ? "recipients" : field === "sent" || field === "precision" ? "timestamp" : field === "from" ? "sender" : field;
        const schemaHint = (issue as { params?: { hint?: string } }).params?.hint;
        // A hint about front-matter fields (to:, sent:) would confuse here: the file's own column is named.
        const hint = column === field ? (schemaHint ?? IMPORT_FIELD_HINTS[column]) : (IMPORT_FIELD_HINTS[column] ?? schemaHint);
        problems.push(rowProblem(file, message.row, column, issue.message, hint));
      }
  }

  // people.yaml and sources.yaml are checked to accept the additions before anything is written.
  const peopleFile = path.join(layout.edition, "people.yaml");
  const sourcesFile = path.join(layout.edition, "sources.yaml");
  const peopleEntries = people.added.length
    ? `# Added by npm run import from ${path.basename(file)}: check each one's kind (person or organization).\n${people.added.map((person) => personEntry(person)).join("\n")}\n`
    : "";
  const sourceEntryText = addedSource ? `${sourceEntry(addedSource, { short: "TODO: describe this export: whose, from which platform, when it was made" })}\n` : "";
  if (!problems.length) {
    // Dry-run both appends; a file the editor broke is reported now, not after the transcripts are written.
    if (peopleEntries) await appendToYamlList(peopleFile, peopleEntries, peopleSchema, true);
    if (sourceEntryText) await appendToYamlList(sourcesFile, sourceEntryText, sourcesSchema, true);
  }
  if (problems.length) throw new AuthorError(problems);

  const messages: ImportedMessage[] = planned.map((message) => ({
    id: message.draft.id,
    path: path.join(layout.content, `${message.draft.id}.md`),
    row: message.row.number,
    trimmedLines: message.trimmed,
  }));
  if (!options.dryRun) {
    if (peopleEntries) await appendToYamlList(peopleFile, peopleEntries, peopleSchema);
    if (sourceEntryText) await appendToYamlList(sourcesFile, sourceEntryText, sourcesSchema);
    await writeNewFiles(
      planned.map((message, i) => ({ path: messages[i]!.path, text: messageFileText(message.draft) })),
      "Nothing was imported; run the import again.",
    );
  }
  return {
    messages,
    addedPeople: people.added.map(({ id, name }) => ({ id, name })),
    addedSource,
    sourceId,
    defaultPlatform,
    ignoredFields,
    dryRun: Boolean(options.dryRun),
  };
}
