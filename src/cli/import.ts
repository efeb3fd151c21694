// `npm run import -- <file.csv|file.json> [--edition <folder>] [--dry-run]`: turns an export of messages into
// transcripts, each line of a message a line of its transcript, shown exactly as written. All or nothing: any bad
// row is reported (file:line, row number, field) and nothing is written.
import path from "node:path";
import { AuthorError, formatProblems, shownPath } from "../author/author-error.ts";
import { EDITION_OPTION, editionOption, parseCommand, stringOption } from "../author/command-line.ts";
import { importMessages, type ImportResult } from "../author/import-messages.ts";
import { isMain } from "./is-main.ts";

const USAGE = "npm run import -- <messages.csv|messages.json> [--edition <folder>] [--dry-run] [--kind direct-message] [--platform …] [--source <id>]";

const shown = (file: string) => shownPath(file);

function describe(result: ImportResult, file: string, edition: string): string[] {
  const verb = result.dryRun ? "Would write" : "Wrote";
  const lines = [`${verb} ${result.messages.length} transcript${result.messages.length === 1 ? "" : "s"} from ${shown(file)}:`];
  for (const message of result.messages) lines.push(`  ${shown(message.path)}  (row ${message.row})`);
  if (result.addedPeople.length)
    lines.push(`${result.dryRun ? "Would add" : "Added"} to edition/people.yaml: ${result.addedPeople.map((person) => `${person.id} (${person.name})`).join(", ")}`);
  if (result.addedSource) lines.push(`${result.dryRun ? "Would add" : "Added"} the source ${result.addedSource.id} (the file itself) to edition/sources.yaml; describe it there.`);
  else lines.push(`The transcripts cite the source ${result.sourceId}.`);
  if (result.defaultPlatform)
    lines.push(`${result.defaultPlatform} message${result.defaultPlatform === 1 ? "" : "s"} gave no platform and got one named after the kind; name the channel with a platform column or --platform.`);
  const trimmed = result.messages.filter((message) => message.trimmedLines.length);
  if (trimmed.length)
    lines.push(`Spaces or tabs at the start or end of a line cannot be shown and were left out, in: ${trimmed.map((message) => `${message.id} (line ${message.trimmedLines.join(", ")})`).join("; ")}.`);
  if (result.ignoredFields.length) lines.push(`Not imported (not a field the import reads): ${result.ignoredFields.join(", ")}.`);
  const env = path.resolve(edition) === path.resolve(process.env.EDITION_ROOT || process.cwd()) ? "" : `EDITION_ROOT=${shown(edition)} `;
  lines.push(result.dryRun ? "Nothing was written (--dry-run)." : `Next: ${env}npm run check`);
  return lines;
}

if (isMain(import.meta.url)) {
  try {
    const { values, positionals } = parseCommand(
      process.argv.slice(2),
      { ...EDITION_OPTION, "dry-run": { type: "boolean" }, kind: { type: "string" }, platform: { type: "string" }, source: { type: "string" } },
      USAGE,
    );
    if (positionals.length !== 1)
      throw new AuthorError({ message: positionals.length ? `Import one file at a time (got ${positionals.length})` : "Name the file to import", hint: `Usage: ${USAGE}` });
    const file = positionals[0]!;
    const edition = editionOption(values);
    const result = await importMessages({
      file,
      edition,
      dryRun: values["dry-run"] === true,
      kind: stringOption(values, "kind"),
      platform: stringOption(values, "platform"),
      source: stringOption(values, "source"),
    });
    console.log(describe(result, file, edition).join("\n"));
  } catch (error) {
    if (!(error instanceof AuthorError)) throw error;
    console.error(formatProblems(error.problems));
    const rows = new Set(error.problems.map((problem) => /^Row (\d+)/.exec(problem.message)?.[1]).filter(Boolean));
    console.error(`\n✖ Nothing was imported${rows.size ? `: ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} in ${rows.size} row${rows.size === 1 ? "" : "s"}` : ""}.`);
    process.exitCode = 1;
  }
}
