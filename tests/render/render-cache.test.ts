// The render cache: a rebuild renders only what changed, and a cached note is rendered again when a message it
// links to changed under it, so that the cache never hides a broken link.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatReport } from "../../src/load/diagnostics.ts";
import { createSiteModel } from "../../src/site/site-model.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";

let root: string;
afterEach(() => removeEdition(root));

async function render() {
  const result = await createSiteModel(root);
  await result.rendered!.cache.save();
  return result;
}

describe("the render cache", () => {
  it("renders nothing again when nothing changed, and only the edited transcript after an edit", async () => {
    root = await makeEdition("small");
    const first = await render();
    expect(first.rendered!.cache.misses).toBe(3 + 5);
    const second = await render();
    expect(second.rendered!.cache.misses).toBe(0);
    expect(second.rendered!.messages.map((m) => m.html)).toEqual(first.rendered!.messages.map((m) => m.html));

    const file = path.join(root, "content/1901-04-02-ben.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("leaves at six", "leaves at seven"));
    const third = await render();
    expect(third.rendered!.cache.misses).toBe(1);
    expect(third.rendered!.messages.find((m) => m.message.id === "1901-04-02-ben")?.html).toContain("leaves at seven");
  });

  it("reports a note's link again when the line it points at is gone, though the note itself is unchanged", async () => {
    root = await makeEdition("small");
    const note = path.join(root, "annotations/lamp-failing.md");
    await writeFile(note, (await readFile(note, "utf8")).replace("1901-04-02-ben#L1", "1901-04-02-ben#L2"));
    expect(formatReport((await render()).files, root)).not.toContain("[broken-link]");
    const file = path.join(root, "content/1901-04-02-ben.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("The wicks are ordered […]\n", ""));
    const { files } = await render();
    expect(formatReport(files, root)).toContain('annotations/lamp-failing.md:9:43  error  Broken link "message:1901-04-02-ben#L2": 1901-04-02-ben has no line 2');
  });

  it("reports a cached transcript's warnings on every build", async () => {
    root = await makeEdition("small");
    await render();
    const { files } = await render();
    expect(formatReport(files, root)).toContain("content/1901-05-harbour-board.md:11:29  warning  Raw HTML is shown as text");
  });
});
