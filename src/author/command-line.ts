// Reading an authoring command's arguments with node:util's parseArgs, turning its errors (an unknown option, a
// missing value) into refusals that name the option and show the command's usage.
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { AuthorError } from "./author-error.ts";
import { editionRoot } from "../load/edition-root.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommand(args: readonly string[], options: Options, usage: string): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as ParsedCommand["values"], positionals };
  } catch (error) {
    throw new AuthorError({ message: (error as Error).message.replace(/\. To specify a positional.*$/s, ""), hint: `Usage: ${usage}` });
  }
}

/** A string option's value, or undefined; `--flag ""` counts as not given. */
export function stringOption(values: ParsedCommand["values"], name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** A comma-separated list option (`--to ben,carol`), trimmed, without empty items. */
export function listOption(values: ParsedCommand["values"], name: string): string[] {
  return (stringOption(values, name) ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The edition to work on: --edition, or else the folder every command uses (EDITION_ROOT, or the current folder). */
export function editionOption(values: ParsedCommand["values"]): string {
  const given = stringOption(values, "edition");
  return given ? path.resolve(given) : editionRoot();
}

/** The option shared by the commands that work on an existing edition. */
export const EDITION_OPTION = { edition: { type: "string" } } as const satisfies Options;
