// `npm run new -- message`: a transcript with every required field filled in, checked against the edition's
// people (and sources, when given) before it is written, and a placeholder where the text goes.
import path from "node:path";
import { COMPLETENESS, MESSAGE_KINDS, type MessageKind } from "../load/schema.ts";
import { PRECISIONS, type Precision } from "../load/timestamp.ts";
import { AuthorError, type Problem } from "./author-error.ts";
import { problemsOfSchema } from "./schema-problems.ts";
import { messageFileText, PLACEHOLDER_SOURCE, PLATFORM_BY_KIND, validateMessageDraft, type MessageDraft } from "./message-file.ts";
import { listIds, openEdition } from "./open-edition.ts";
import { readSent } from "./sent-timestamp.ts";
import { slugify } from "../load/slug.ts";
import { exists, writeNewFiles } from "./write-new-files.ts";

export const DEFAULT_MESSAGE_KIND: MessageKind = "direct-message";
export const MESSAGE_BODY_PLACEHOLDER = "TODO: transcribe the message here, line by line, exactly as the sources print it.\n";

export interface NewMessageOptions {
  edition: string;
  from: string;
  to: string[];
  sent: string;
  kind?: string;
  id?: string;
  platform?: string;
  precision?: string;
  timeNote?: string;
  completeness?: string;
  sources?: string[];
  title?: string;
  inReplyTo?: string;
}

export interface NewMessageResult {
  path: string;
  id: string;
  /** Set when the id derived from date and sender was taken, and a number was added. */
  derivedIdTaken?: string;
  todos: string[];
}

/** The command-line option that sets each front-matter field, to name it in a refusal. */
const OPTION_OF_FIELD: Record<string, string> = {
  id: "--id",
  kind: "--kind",
  platform: "--platform",
  from: "--from",
  to: "--to",
  sent: "--sent",
  precision: "--precision",
  time_note: "--time-note",
  completeness: "--completeness",
  sources: "--source",
  title: "--title",
  in_reply_to: "--in-reply-to",
};

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, problems: Problem[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push({ message: `${option}: "${value}" is not one of ${allowed.join(", ")}`, hint: `Use one of: ${allowed.join(", ")}.` });
  return undefined;
}

export async function newMessage(options: NewMessageOptions): Promise<NewMessageResult> {
  const { layout, edition, messageIds } = await openEdition(options.edition);
  const problems: Problem[] = [];
  const known = listIds(edition.people.keys(), "none yet");
  const addPerson = 'add them to edition/people.yaml first (npm run new -- person --name "…")';
  if (!edition.people.has(options.from))
    problems.push({ message: `--from: "${options.from}" is not a person in edition/people.yaml`, hint: `Use one of the ids there (${known}), or ${addPerson}.` });
  const unknownTo = options.to.filter((id) => !edition.people.has(id));
  if (unknownTo.length)
    problems.push({
      message: `--to: ${unknownTo.map((id) => `"${id}"`).join(", ")} ${unknownTo.length === 1 ? "is not a person" : "are not people"} in edition/people.yaml`,
      hint: `Use ids from there (${known}), or ${addPerson}.`,
    });
  const unknownSources = (options.sources ?? []).filter((id) => !edition.sources.has(id));
  if (unknownSources.length)
    problems.push({
      message: `--source: ${unknownSources.map((id) => `"${id}"`).join(", ")} not in edition/sources.yaml`,
      hint: `Use ids from there (${listIds(edition.sources.keys(), "none yet")}), or add the source first (npm run new -- source --short "…").`,
    });
  if (options.inReplyTo && !messageIds.has(options.inReplyTo))
    problems.push({ message: `--in-reply-to: there is no message "${options.inReplyTo}" in content/`, hint: "Use the id of a message already in the edition." });

  const kind = oneOf(options.kind, MESSAGE_KINDS, "--kind", problems);
  const precision = oneOf(options.precision, PRECISIONS, "--precision", problems);
  const completeness = oneOf(options.completeness, COMPLETENESS, "--completeness", problems);
  const read = readSent(options.sent);
  if ("message" in read) problems.push({ message: `--sent: ${read.message}`, hint: read.hint });
  if (problems.length || "message" in read) throw new AuthorError(problems);
  const sent = read;

  const todos: string[] = [];
  const draftKind = kind ?? DEFAULT_MESSAGE_KIND;
  const derivedId = slugify(`${sent.sent.slice(0, 10)}-${options.from}`);
  let id = options.id ?? derivedId;
  const fileOf = (candidate: string) => path.join(layout.content, `${candidate}.md`);
  const taken = async (candidate: string) => messageIds.has(candidate) || (await exists(fileOf(candidate)));
  let derivedIdTaken: string | undefined;
  if (options.id) {
    if (await taken(options.id))
      throw new AuthorError({
        message: `A message "${options.id}" already exists (content/${options.id}.md); it was not overwritten`,
        hint: "Choose another --id: message ids are permanent addresses and are never reused.",
      });
  } else if (await taken(id)) {
    // Two messages from one sender on one day: the second gets -2, as the default edition numbers them.
    derivedIdTaken = id;
    for (let n = 2; ; n++)
      if (!(await taken((id = `${derivedId}-${n}`)))) break;
  }

  const draft: MessageDraft = {
    id,
    kind: draftKind,
    platform: options.platform ?? PLATFORM_BY_KIND[draftKind],
    from: options.from,
    to: options.to,
    sent: sent.sent,
    precision: precision ?? sent.precision,
    time_note: options.timeNote,
    completeness: completeness ?? "complete",
    sources: options.sources?.length ? options.sources : [PLACEHOLDER_SOURCE],
    title: options.title,
    in_reply_to: options.inReplyTo,
    body: MESSAGE_BODY_PLACEHOLDER,
  };
  // The schema's own checks (the date is real, precision agrees with it, a letter has a recipient…), before writing.
  const validated = validateMessageDraft(draft);
  if (!validated.success) throw new AuthorError(problemsOfSchema(validated.error, OPTION_OF_FIELD));

  const todo = {
    kind: !kind,
    platform: !options.platform,
    precision: !precision,
    completeness: !completeness,
    sources: !options.sources?.length,
  };
  if (todo.kind) todos.push(`kind (${draftKind})`);
  if (todo.platform) todos.push(`platform ("${draft.platform}")`);
  if (todo.completeness) todos.push("completeness");
  if (todo.sources) todos.push("sources");
  const file = fileOf(id);
  await writeNewFiles([{ path: file, text: messageFileText(draft, todo) }], "Choose another --id.");
  return { path: file, id, derivedIdTaken, todos };
}
