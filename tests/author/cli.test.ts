// The commands as editors run them (`node --import tsx src/cli/…`, which is what `npm run new`/`npm run import`
// do): exit codes, what is printed on success, and the refusals, with nothing written when a command refuses.
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers.ts";

let dir: string;
let root: string;
beforeAll(async () => {
  dir = await tempDir("author-cli-");
  root = path.join(dir, "letters");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npm run new", () => {
  it("starts an edition (exit 0) and says how to check it", async () => {
    const result = await runCli("new.ts", ["edition", root, "--title", "The Harbour Letters"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Started a new edition in ${root}/:`);
    expect(result.stdout).toContain(`  EDITION_ROOT=${root} npm run check`);
  });

  it("refuses a second edition in the same folder (exit 1)", async () => {
    const result = await runCli("new.ts", ["edition", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error  7 of the files already exist in ${root}/ (edition/edition.yaml, edition/people.yaml, edition/sources.yaml, edition/pages/introduction.md, content/.gitkeep, annotations/.gitkeep, .gitignore); none was overwritten`,
    );
    expect(result.stderr).toContain("✖ Nothing was written.");
  });

  it("refuses a message whose people are not in people.yaml, listing those who are", async () => {
    expect((await runCli("new.ts", ["person", "--name", "Ada Quill", "--id", "ada", "--edition", root])).stdout).toContain("Added ada (Ada Quill, person) to");
    const result = await runCli("new.ts", ["message", "--from", "ada", "--to", "ben", "--sent", "1901-04-01T09:30+00:00", "--edition", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error  --to: "ben" is not a person in edition/people.yaml\n    hint: Use ids from there (ada), or add them');
    expect(await readdir(path.join(root, "content"))).toEqual([".gitkeep"]);
  });

  it("writes a message (exit 0), prints its path and the next step", async () => {
    await runCli("new.ts", ["person", "--name", "Ben Moor", "--id", "ben", "--edition", root]);
    const result = await runCli("new.ts", ["message", "--from", "ada", "--to", "ben", "--sent", "1901-04-01T09:30+00:00", "--kind", "letter", "--edition", root]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote ${path.join(root, "content/1901-04-01-ada.md")}\n`);
    expect(result.stdout).toContain('settle the fields marked TODO: platform ("Letter"), completeness, sources');
  });

  it("refuses a note whose quote is not in the message (exit 1), naming the message", async () => {
    const result = await runCli("new.ts", ["note", "--message", "1901-04-01-ada", "--quote", "lighthouse", "--edition", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error  --quote: "lighthouse" is not in 1901-04-01-ada\n');
    expect(result.stderr).toContain("The transcript still holds its placeholder: transcribe the message first.");
    expect(await readdir(path.join(root, "annotations"))).toEqual([".gitkeep"]);
  });

  it("rejects an unknown option and an unknown thing to create, with the usage", async () => {
    const option = await runCli("new.ts", ["message", "--form", "ada"]);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("error  Unknown option '--form'");
    expect(option.stderr).toContain("hint: Usage: npm run new -- message --from <person-id>");
    const what = await runCli("new.ts", ["letter"]);
    expect(what.code).toBe(1);
    expect(what.stderr).toContain('error  Unknown thing to create: "letter"');
  });
});

describe("npm run import", () => {
  it("reports a bad row by file, line, row and field (exit 1), and writes nothing", async () => {
    const file = path.join(dir, "bad.csv");
    await writeFile(file, "sender,recipients,timestamp,text\nAda Quill,Ben Moor,2024-05-01T09:30+02:00,fine\nAda Quill,Ben Moor,,no time\n");
    const result = await runCli("import.ts", [file, "--edition", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:3:1  error  Row 3: timestamp: missing; expected the time the message was sent, in ISO 8601  [import-row]`);
    expect(result.stderr).toContain("✖ Nothing was imported: 1 problem in 1 row.");
    expect(await readdir(path.join(root, "content"))).toEqual([".gitkeep", "1901-04-01-ada.md"]);
  });

  it("with --dry-run says what it would write (exit 0) and writes nothing", async () => {
    const result = await runCli("import.ts", ["examples/import/messages.json", "--edition", root, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Would write 3 transcripts from examples/import/messages.json:");
    expect(result.stdout).toContain(`  ${path.join(root, "content/2024-05-09-folders.md")}  (row 3)`);
    expect(result.stdout).toContain("Would add to edition/people.yaml: jonas-berg (Jonas Berg), mira-kovac (Mira Kovač), ana-silva (Ana Silva)");
    expect(result.stdout).toContain("Nothing was written (--dry-run).");
    expect(await readdir(path.join(root, "content"))).toEqual([".gitkeep", "1901-04-01-ada.md"]);
  });
});
