// What a rebuild renders again: nothing when nothing changed, only the edited transcript after an edit, and a
// cached note again when a message it links to changed under it, so that the cache never hides a broken link.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatReport } from "../../src/load/diagnostics.ts";
import { EditionBuild } from "../../src/pipeline/edition-build.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";

let root: string;
afterEach(() => removeEdition(root));

/** A check as a fresh command runs it: a new process would read the cache from disk the same way. */
async function check() {
  const run = new EditionBuild({ root });
  try {
    return await run.check();
  } finally {
    await run.close();
  }
}

describe("rendering between builds", () => {
  it("renders nothing again when nothing changed, and only the edited transcript after an edit", async () => {
    root = await makeEdition("small");
    expect((await check()).rendered).toEqual({ transcripts: 3, notes: 5 });
    expect((await check()).rendered).toEqual({ transcripts: 0, notes: 0 });

    const file = path.join(root, "content/1901-04-02-ben.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("leaves at six", "leaves at seven"));
    const third = await check();
    expect(third.rendered).toEqual({ transcripts: 1, notes: 0 });
    expect(third.entries!.find(({ message }) => message.id === "1901-04-02-ben")!.lines.map((line) => line.text).join("\n")).toContain("leaves at seven");
  });

  it("reports a note's link again when the line it points at is gone, though the note itself is unchanged", async () => {
    root = await makeEdition("small");
    const note = path.join(root, "annotations/lamp-failing.md");
    await writeFile(note, (await readFile(note, "utf8")).replace("1901-04-02-ben#L1", "1901-04-02-ben#L2"));
    expect(formatReport((await check()).files, root)).not.toContain("[broken-link]");
    const file = path.join(root, "content/1901-04-02-ben.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("The wicks are ordered […]\n", ""));
    const { files, rendered } = await check();
    expect(rendered!.notes).toBe(1);
    expect(formatReport(files, root)).toContain('annotations/lamp-failing.md:9:43  error  Broken link "message:1901-04-02-ben#L2": 1901-04-02-ben has no line 2');
  });

  it("reports a cached transcript's warnings on every build", async () => {
    root = await makeEdition("small");
    await check();
    const { files } = await check();
    expect(formatReport(files, root)).toContain("content/1901-05-harbour-board.md:11:29  warning  Raw HTML is shown as text");
  });
});
