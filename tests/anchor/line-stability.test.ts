// Published line numbers keep meaning the same words: the build compares against the previous version's line
// map and fails on a silent renumbering or an unrecorded correction, and accepts changes the changelog records.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../src/cli/check.ts";
import { writeLineMap } from "../../src/cli/line-map.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";

const ADA = "content/1901-04-01-ada.md";
/** The errors of a check (the fixture's deliberate raw HTML gives a warning, which these tests are not about). */
const errorsOf = async (dir: string) => (await check(dir)).report.split("\n").filter((line) => line.includes("  error  "));
let root: string;
afterEach(() => removeEdition(root));

/** A fixture edition with version 1.0.0 published (its line map frozen). */
async function published(): Promise<string> {
  root = await makeEdition("small");
  await writeLineMap(root);
  return root;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(root, file);
  await writeFile(target, change(await readFile(target, "utf8")));
}

const release = (version: string, changes: string) =>
  edit("edition/edition.yaml", (text) => text.replace("version: 1.0.0", `version: ${version}`)).then(() =>
    writeFile(path.join(root, "edition/changelog.yaml"), `- version: ${version}\n  date: 2026-12-01\n  changes:\n${changes}`),
  );

describe("line stability across versions", () => {
  it("passes when nothing published has changed", async () => {
    await published();
    expect(await errorsOf(root)).toEqual([]);
  });

  it("fails on a line inserted before published lines, which renumbers them", async () => {
    await published();
    await edit(ADA, (text) => text.replace("The lighthouse lamp", "Dear Ben,\nThe lighthouse lamp"));
    const { report, errors } = await check(root);
    expect(errors).toBeGreaterThan(0);
    expect(report).toContain(`${ADA}:13:1  error  Line 2 of 1901-04-01-ada was renumbered: the text published as line 2 in version 1.0.0 is now line 3  [line-map-renumbered]`);
    expect(report).toContain("list the published line it follows under inserted_after");
  });

  it("accepts the same insertion declared with inserted_after and recorded in the changelog, without renumbering", async () => {
    await published();
    await edit(ADA, (text) => text.replace("The lighthouse lamp", "Dear Ben,\nThe lighthouse lamp").replace("completeness: complete", "completeness: complete\ninserted_after: [0]"));
    await release("1.1.0", "    - {type: insertion, message: 1901-04-01-ada, line: 0a, description: \"The salutation, omitted in 1.0.0.\"}\n");
    expect(await errorsOf(root)).toEqual([]);
  });

  it("fails on a corrected line that the changelog does not record, and accepts it once recorded", async () => {
    await published();
    await edit(ADA, (text) => text.replace("Send word by the morning boat.", "Send word by the evening boat."));
    expect((await check(root)).report).toContain(
      `${ADA}:15:1  error  Line 4 of 1901-04-01-ada differs from the text published in version 1.0.0, and the changelog does not record a correction  [line-map-unrecorded]`,
    );
    await release("1.0.1", "    - {type: correction, message: 1901-04-01-ada, line: 4, description: \"Evening, not morning.\"}\n");
    expect(await errorsOf(root)).toEqual([]);
  });

  it("does not let a published version change without a new version number", async () => {
    await published();
    await edit(ADA, (text) => text.replace("Send word by the morning boat.", "Send word by the evening boat."));
    await writeFile(path.join(root, "edition/changelog.yaml"), "- version: 1.0.0\n  date: 2026-12-01\n  changes:\n    - {type: correction, message: 1901-04-01-ada, line: 4, description: x}\n");
    expect((await check(root)).report).toContain("Version 1.0.0 is already published: raise the version");
  });

  it("accepts a line withdrawn with withdrawn_lines and recorded in the changelog", async () => {
    await published();
    await edit(ADA, (text) => text.replace("Send word by the morning boat.\n", "").replace("completeness: complete", "completeness: complete\nwithdrawn_lines: [4]"));
    await release("1.1.0", "    - {type: withdrawal, message: 1901-04-01-ada, line: 4, description: Not in the letter.}\n");
    expect(await errorsOf(root)).toEqual([]);
  });
});
