// The commands run from any folder: a copy of the project in a folder whose name has a space ("my edition") and
// one with a non-ASCII letter ("édition"). Regression: each command compared import.meta.url, which escapes both,
// with `file://${process.argv[1]}`, which does not, so from such a folder every command did nothing and exited 0 —
// `npm run check` "passed" a broken edition.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, PROJECT_ROOT } from "../helpers/edition.ts";

const run = promisify(execFile);
let workDir: string;

/** What a command printed and its exit code, without throwing on failure. */
async function npm(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 2 ** 20 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** A copy of the project's code (not its content) in `folder`, sharing this checkout's node_modules. */
async function copyProject(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const entry of ["src", ".eleventy.js", "package.json", "tsconfig.json"])
    await cp(path.join(PROJECT_ROOT, entry), path.join(folder, entry), { recursive: true });
  await symlink(path.join(PROJECT_ROOT, "node_modules"), path.join(folder, "node_modules"), "dir");
  // The small fixture, with a note whose quote is not in its message.
  const edition = path.join(folder, "broken");
  await cp(path.join(FIXTURES, "small"), edition, { recursive: true });
  const note = path.join(edition, "annotations", "wicks.md");
  await writeFile(note, (await readFile(note, "utf8")).replace("quote: wicks", "quote: candles"));
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "command-paths-"));
}, 60_000);
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe.each(["my edition", "édition"])("the commands in a folder named %j", (name) => {
  let project: string;
  beforeAll(async () => {
    project = path.join(workDir, name);
    await copyProject(project);
  }, 60_000);

  it("npm run check reports the broken note and exits non-zero", async () => {
    const { code, output } = await npm(project, ["check"], { EDITION_ROOT: "broken" });
    expect(output).toContain('annotations/wicks.md:5:10  error  Quote "candles" not found in 1901-04-01-ada');
    expect(code).toBe(1);
  }, 120_000);

  it("npm run build reports it too, exits non-zero and writes no site", async () => {
    const { code, output } = await npm(project, ["build"], { EDITION_ROOT: "broken" });
    expect(output).toContain('Quote "candles" not found in 1901-04-01-ada');
    expect(code).toBe(1);
    await expect(readFile(path.join(project, "broken", "_site", "index.html"))).rejects.toThrow();
  }, 120_000);

  it("npm run line-map refuses the broken edition, and npm run new and import do their work", async () => {
    const lineMap = await npm(project, ["line-map"], { EDITION_ROOT: "broken" });
    expect(lineMap.output).toContain("The edition has errors; fix them before freezing its line map");
    expect(lineMap.code).toBe(1);

    const person = await npm(project, ["new", "--", "person", "--name", "Cleo Marsh", "--id", "cleo"], { EDITION_ROOT: "broken" });
    expect(person.output).toContain("Added cleo (Cleo Marsh, person) to");
    expect(person.code).toBe(0);
    expect(await readFile(path.join(project, "broken", "edition", "people.yaml"), "utf8")).toContain("id: cleo");

    const missing = await npm(project, ["import", "--", "no-such-export.csv"], { EDITION_ROOT: "broken" });
    expect(missing.output).toContain("no-such-export.csv");
    expect(missing.code).toBe(1);
  }, 120_000);
});
