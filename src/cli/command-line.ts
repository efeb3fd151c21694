// Every command reads its arguments with node:util's parseArgs, strictly: an option mistyped (`--fx`) or a value
// missing must stop the command with its usage, never pass for a run that did what was asked.
import { parseArgs, type ParseArgsConfig } from "node:util";

type Config = Omit<ParseArgsConfig, "args" | "strict">;

/** The command's parsed arguments; on a mistake, prints it with the usage and exits with code 1. */
export function parseCommandLine<const T extends Config>(config: T, usage: string, args = process.argv.slice(2)) {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message.replace(/\. To specify a positional.*$/s, "")}\nUsage: ${usage}`);
    process.exit(1);
  }
}
