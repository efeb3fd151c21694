// `npm run new -- <what> …`: starts an edition, or adds a message, a note, a person or a source to one, each file
// filled in as far as the command can know and checked as `npm run check` will check it. It refuses (exit code 1,
// nothing written) rather than write a file that would not load, and never overwrites one.
import path from "node:path";
import { AuthorError, formatProblems, shownPath } from "../author/author-error.ts";
import { EDITION_OPTION, editionOption, listOption, parseCommand, stringOption } from "../author/command-line.ts";
import { newMessage } from "../author/new-message.ts";
import { newNote } from "../author/new-note.ts";
import { newPerson } from "../author/new-person.ts";
import { newSource } from "../author/new-source.ts";
import { scaffoldEdition } from "../author/scaffold-edition.ts";
import { editionRoot } from "../load/edition-root.ts";
import { isMain } from "./is-main.ts";

const USAGE = {
  edition: 'npm run new -- edition <folder> [--title "…"]',
  message: "npm run new -- message --from <person-id> --to <id,id> --sent <ISO 8601> [--kind email] [--id …] [--platform …] [--source <id,id>] [--precision …] [--time-note …] [--completeness complete|excerpt] [--title …] [--in-reply-to <message-id>] [--edition <folder>]",
  note: 'npm run new -- note --message <message-id> (--quote "exact words" [--occurrence <n>] [--prefix …] [--suffix …] | --lines 2-4) [--kind context] [--title …] [--id …] [--source <id,id>] [--edition <folder>]',
  person: 'npm run new -- person --name "Ada Quill" [--id …] [--kind person|organization] [--handle @…] [--description …] [--edition <folder>]',
  source: 'npm run new -- source --short "The Gazette" [--id …] [--kind "news article"] [--title …] [--publisher …] [--author …] [--published 2017-11] [--url …] [--edition <folder>]',
};

const shown = shownPath;
/** How to run the next command on this edition: EDITION_ROOT, unless it is the folder commands use anyway. */
const onEdition = (root: string) => (path.resolve(root) === editionRoot() ? "" : `EDITION_ROOT=${shown(root)} `);

/** A passage for a one-line report: whitespace collapsed, long ones cut short. */
const excerpt = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function required(values: Record<string, unknown>, name: string, usage: string): string {
  const value = stringOption(values as never, name);
  if (value === undefined) throw new AuthorError({ message: `--${name} is required`, hint: `Usage: ${usage}` });
  return value;
}

async function run(what: string | undefined, args: string[]): Promise<string[]> {
  switch (what) {
    case "edition": {
      const { values, positionals } = parseCommand(args, { title: { type: "string" } }, USAGE.edition);
      const [folder, ...extra] = positionals;
      if (!folder || extra.length) throw new AuthorError({ message: folder ? `Unexpected arguments: ${extra.join(" ")}` : "Name the folder for the new edition", hint: `Usage: ${USAGE.edition}` });
      const root = path.resolve(folder);
      const written = await scaffoldEdition(root, { title: typeof values.title === "string" ? values.title : undefined });
      return [
        `Started a new edition in ${shown(root)}/:`,
        ...written.map((file) => `  ${shown(file)}`),
        "Next: fill in the lines marked TODO in edition/edition.yaml, add people and sources, then check it:",
        `  EDITION_ROOT=${shown(root)} npm run check`,
      ];
    }
    case "message": {
      const { values } = parseCommand(
        args,
        {
          ...EDITION_OPTION,
          from: { type: "string" }, to: { type: "string" }, sent: { type: "string" }, kind: { type: "string" }, id: { type: "string" },
          platform: { type: "string" }, source: { type: "string" }, precision: { type: "string" }, "time-note": { type: "string" },
          completeness: { type: "string" }, title: { type: "string" }, "in-reply-to": { type: "string" },
        },
        USAGE.message,
      );
      const edition = editionOption(values);
      const result = await newMessage({
        edition,
        from: required(values, "from", USAGE.message),
        to: listOption(values, "to"),
        sent: required(values, "sent", USAGE.message),
        kind: stringOption(values, "kind"),
        id: stringOption(values, "id"),
        platform: stringOption(values, "platform"),
        sources: listOption(values, "source"),
        precision: stringOption(values, "precision"),
        timeNote: stringOption(values, "time-note"),
        completeness: stringOption(values, "completeness"),
        title: stringOption(values, "title"),
        inReplyTo: stringOption(values, "in-reply-to"),
      });
      return [
        ...(result.derivedIdTaken ? [`(${result.derivedIdTaken} is taken, so this message is ${result.id}; choose another id with --id.)`] : []),
        `Wrote ${shown(result.path)}`,
        `Next: replace its TODO line with the message's text, line by line${result.todos.length ? `, and settle the fields marked TODO: ${result.todos.join(", ")}` : ""}; then`,
        `  ${onEdition(edition)}npm run check`,
      ];
    }
    case "note": {
      const { values } = parseCommand(
        args,
        {
          ...EDITION_OPTION,
          message: { type: "string" }, quote: { type: "string" }, prefix: { type: "string" }, suffix: { type: "string" }, occurrence: { type: "string" },
          lines: { type: "string" }, kind: { type: "string" }, title: { type: "string" }, id: { type: "string" }, source: { type: "string" },
        },
        USAGE.note,
      );
      const occurrenceText = stringOption(values, "occurrence");
      const occurrence = occurrenceText === undefined ? undefined : Number(occurrenceText);
      if (occurrence !== undefined && !(Number.isInteger(occurrence) && occurrence >= 1))
        throw new AuthorError({ message: `--occurrence: "${occurrenceText}" is not a number from 1 up`, hint: "Give which occurrence of the quote you mean, counting from 1 in reading order." });
      const edition = editionOption(values);
      const result = await newNote({
        edition,
        message: required(values, "message", USAGE.note),
        // The quote is kept as typed: spaces inside it can matter, and an empty one gets its own message.
        quote: typeof values.quote === "string" ? values.quote : undefined,
        prefix: typeof values.prefix === "string" ? values.prefix : undefined,
        suffix: typeof values.suffix === "string" ? values.suffix : undefined,
        occurrence,
        lines: stringOption(values, "lines"),
        kind: stringOption(values, "kind"),
        title: stringOption(values, "title"),
        id: stringOption(values, "id"),
        sources: listOption(values, "source"),
      });
      const { anchored } = result;
      const where = anchored.firstLine === anchored.lastLine ? `line ${anchored.firstLine}` : `lines ${anchored.firstLine}–${anchored.lastLine}`;
      const anchor = anchored.anchor;
      const context = "quote" in anchor && (anchor.prefix !== undefined || anchor.suffix !== undefined)
        ? ` The quote occurs ${anchored.occurrences} times (lines ${anchored.occurrenceLines.join(", ")}); ${anchor.prefix !== undefined ? `prefix ${JSON.stringify(anchor.prefix)}` : `suffix ${JSON.stringify(anchor.suffix)}`} singles out this one${anchored.occurrences > 1 ? " (--occurrence <n> picks another)" : ""}.`
        : "";
      return [
        `Wrote ${shown(result.path)}: anchored to "${excerpt(anchored.exact)}" on ${where} of ${result.target}.${context}`,
        "Next: write the note below its front matter, name its sources, then",
        `  ${onEdition(edition)}npm run check`,
      ];
    }
    case "person": {
      const { values } = parseCommand(args, { ...EDITION_OPTION, name: { type: "string" }, id: { type: "string" }, kind: { type: "string" }, handle: { type: "string" }, description: { type: "string" } }, USAGE.person);
      const result = await newPerson({
        edition: editionOption(values),
        name: required(values, "name", USAGE.person),
        id: stringOption(values, "id"),
        kind: stringOption(values, "kind"),
        handle: stringOption(values, "handle"),
        description: stringOption(values, "description"),
      });
      return [`Added ${result.person.id} (${result.person.name}, ${result.person.kind}) to ${shown(result.path)}`, `Use it in a transcript as from: ${result.person.id} or to: [${result.person.id}].`];
    }
    case "source": {
      const { values } = parseCommand(
        args,
        { ...EDITION_OPTION, short: { type: "string" }, id: { type: "string" }, kind: { type: "string" }, title: { type: "string" }, publisher: { type: "string" }, author: { type: "string" }, published: { type: "string" }, url: { type: "string" } },
        USAGE.source,
      );
      const result = await newSource({
        edition: editionOption(values),
        short: required(values, "short", USAGE.source),
        id: stringOption(values, "id"),
        kind: stringOption(values, "kind"),
        title: stringOption(values, "title"),
        publisher: stringOption(values, "publisher"),
        author: stringOption(values, "author"),
        published: stringOption(values, "published"),
        url: stringOption(values, "url"),
      });
      return [`Added ${result.source.id} (${result.source.short}) to ${shown(result.path)}`, `Cite it with sources: [${result.source.id}]; fill in what is known of it there (unknown facts stay null).`];
    }
    default:
      throw new AuthorError({
        message: what ? `Unknown thing to create: "${what}"` : "Say what to create: edition, message, note, person or source",
        hint: `Usage:\n      ${Object.values(USAGE).join("\n      ")}`,
      });
  }
}

if (isMain(import.meta.url)) {
  const [what, ...args] = process.argv.slice(2);
  if (what === "--help" || what === "-h" || what === "help") {
    console.log(`Usage:\n  ${Object.values(USAGE).join("\n  ")}`);
    process.exit(0);
  }
  try {
    console.log((await run(what, args)).join("\n"));
  } catch (error) {
    if (!(error instanceof AuthorError)) throw error;
    console.error(formatProblems(error.problems));
    console.error("\n✖ Nothing was written.");
    process.exitCode = 1;
  }
}
