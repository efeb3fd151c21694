// Two builds of the same edition give byte-identical sites, search index included: no file carries a build time.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const contents = new Map<string, Buffer>();
  for (const file of files) {
    const full = path.join(file.parentPath, file.name);
    contents.set(path.relative(dir, full), await readFile(full));
  }
  return contents;
}

describe("deterministic builds", () => {
  it("gives byte-identical output for the same input, built twice", async () => {
    const root = await makeEdition("small");
    cleanup.push(root);
    const outputs = await Promise.all([0, 1].map(() => mkdtemp(path.join(os.tmpdir(), "determinism-"))));
    cleanup.push(...outputs);
    for (const output of outputs) await build(root, { outputDir: output });
    const [first, second] = await Promise.all(outputs.map(snapshot));
    expect([...second!.keys()].sort()).toEqual([...first!.keys()].sort());
    expect(first!.size).toBeGreaterThan(20);
    const different = [...first!].filter(([file, bytes]) => !bytes.equals(second!.get(file)!)).map(([file]) => file);
    expect(different).toEqual([]);
    await removeEdition(root);
  });
});
