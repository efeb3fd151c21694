// EDITION_ROOT is the one setting that says where the edition lives: every command reads content/, annotations/
// and edition/ from there, so another edition is published without touching src/.
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { makeEdition, PROJECT_ROOT, removeEdition } from "../helpers/edition.ts";

const run = promisify(execFile);
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await removeEdition(dir);
});

describe("EDITION_ROOT", () => {
  it("points check and build at another edition, run from the project folder", async () => {
    const root = await makeEdition("small", { "content/1901-05-harbour-board.md": null });
    made.push(root);
    const env = { ...process.env, EDITION_ROOT: root };
    const checked = await run(process.execPath, ["--import", "tsx", "src/cli/check.ts"], { cwd: PROJECT_ROOT, env });
    expect(checked.stderr + checked.stdout).toContain("0 errors, 0 warnings");

    const output = path.join(root, "site-out");
    await run(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--output", output], { cwd: PROJECT_ROOT, env });
    expect((await readdir(path.join(output, "messages"))).sort()).toEqual(["1901-04-01-ada", "1901-04-02-ben"]);
    expect(await readFile(path.join(output, "index.html"), "utf8")).toContain("The Harbour Letters");
  }, 120_000);
});
