// The exports are streamed from the partitions' slices files into each export file. What a reader downloads must be
// the file as a whole-edition serialisation would write it, whatever the partitions, their empty slices, and however
// small the pieces copied at a time.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANNOTATIONS_EXPORT, CSL_EXPORT, MESSAGES_EXPORT, TRANSCRIPT_EXPORT, type ExportSlices } from "../../src/cite/exports.ts";
import type { EditionMeta } from "../../src/load/schema.ts";
import { writeExports, writeSlicesFile } from "../../src/pipeline/export-files.ts";

const meta = {
  title: "Letters",
  description: "Letters.",
  editors: [{ name: "Ada Quill" }],
  license: "CC BY 4.0",
  base_url: "https://example.org/letters/",
  version: "1.0.0",
  published: "2026-01-01",
  language: "en",
} as EditionMeta;
const input = { edition: { meta, people: new Map() }, exportUrl: (name: string) => `${meta.base_url}exports/${name}`, describe: () => "" };

/** A partition's slices as exportSlices writes them: items indented to their depth, comma-separated. */
function slices(ids: string[], notes: string[]): ExportSlices {
  const items = (values: string[], depth: number) => values.map((value) => JSON.stringify({ id: value, text: "é – ✓" }, null, 1).replace(/^/gm, " ".repeat(depth))).join(",\n");
  return {
    annotations: items(notes, 3),
    messages: items(ids, 2),
    cslMessages: items(ids, 1),
    cslNotes: items(notes, 1),
    transcript: ids.map((id) => `== ${id}\n\n1  é – ✓\n\n`).join(""),
    notes: notes.length,
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "export-files-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function exportsOf(parts: ExportSlices[], chunk?: number): Promise<Map<string, string>> {
  const run = await mkdtemp(path.join(dir, "run-"));
  const files = await Promise.all(parts.map(async (part, i) => {
    const file = path.join(run, `${i}.slices`);
    await writeSlicesFile(file, part);
    return file;
  }));
  const written = await writeExports(input, files, (name) => path.join(run, "out", name), chunk);
  return new Map(await Promise.all(written.map(async (file) => [path.basename(file), await readFile(file, "utf8")] as const)));
}

describe("the exports streamed from slices", () => {
  it("are the same bytes whatever the partitions and however little is copied at a time, with empty slices left out", async () => {
    const whole = await exportsOf([slices(["m1", "m2", "m3", "m4"], ["n1", "n2", "n3"])]);
    const split = await exportsOf([slices(["m1"], []), slices(["m2", "m3"], ["n1", "n2"]), slices([], []), slices(["m4"], ["n3"])], 3);
    expect([...split.keys()].sort()).toEqual([ANNOTATIONS_EXPORT, CSL_EXPORT, MESSAGES_EXPORT, TRANSCRIPT_EXPORT].sort());
    for (const [name, text] of whole) expect(split.get(name), name).toBe(text);

    const annotations = JSON.parse(whole.get(ANNOTATIONS_EXPORT)!);
    expect(annotations.total).toBe(3);
    expect(annotations.first.items.map((item: { id: string }) => item.id)).toEqual(["n1", "n2", "n3"]);
    expect(JSON.parse(whole.get(MESSAGES_EXPORT)!).messages.map((item: { id: string }) => item.id)).toEqual(["m1", "m2", "m3", "m4"]);
    // Every message, then every note.
    expect(JSON.parse(whole.get(CSL_EXPORT)!).map((item: { id: string }) => item.id)).toEqual(["m1", "m2", "m3", "m4", "n1", "n2", "n3"]);
    expect(whole.get(TRANSCRIPT_EXPORT)).toBe(`Letters\nVersion 1.0.0, 2026-01-01. CC BY 4.0.\nhttps://example.org/letters/\n\n${["m1", "m2", "m3", "m4"].map((id) => `== ${id}\n\n1  é – ✓\n\n`).join("")}`);
  });

  it("are valid and empty for an edition with no notes, as JSON.stringify writes an empty array", async () => {
    const texts = await exportsOf([slices(["m1"], []), slices([], [])]);
    const annotations = JSON.parse(texts.get(ANNOTATIONS_EXPORT)!);
    expect(annotations.first.items).toEqual([]);
    expect(texts.get(ANNOTATIONS_EXPORT)).toContain('"items": []');
    expect(JSON.parse(texts.get(CSL_EXPORT)!).map((item: { id: string }) => item.id)).toEqual(["m1"]);
  });
});
