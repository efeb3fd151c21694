// A mistyped option stops every command with its usage and a non-zero exit code: `npm run check -- --fx` once
// ignored the typo and exited 0, which passed for a check that had done what was asked.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/edition.ts";

const COMMANDS: Array<{ command: string; args: string[]; usage: string }> = [
  { command: "check", args: [], usage: "Usage: npm run check" },
  { command: "line-map", args: [], usage: "Usage: npm run line-map" },
  { command: "build", args: [], usage: "" },
  { command: "new", args: ["message"], usage: "Usage: npm run new -- message" },
  { command: "import", args: ["messages.csv"], usage: "Usage: npm run import" },
  { command: "audit", args: [], usage: "Usage: npm run audit" },
  { command: "bench", args: [], usage: "Usage: npm run bench" },
];

/** The file `npm run <command>` runs, read from package.json's scripts, so that the test follows the scripts. */
const scripts = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const scriptFile = (command: string) => /^node --import tsx (\S+\.ts)$/.exec(scripts[command] ?? "")?.[1] ?? `package.json has no script "${command}" of the form node --import tsx <file>`;

describe("every command refuses an option it does not know", () => {
  it.concurrent.each(COMMANDS)("npm run $command -- --fx exits 1 and names the option", async ({ command, args, usage }) => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, scriptFile(command)), ...args, "--fx"], { cwd: PROJECT_ROOT });
    const failure = await run.then(() => undefined, (error: { code: number; stderr: string; stdout: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("Unknown option '--fx'");
    expect(failure?.stderr).toContain(usage);
  });
});
