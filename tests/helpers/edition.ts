// Fixture editions for tests: copies of tests/fixtures/<case>/ in a temporary folder, optionally with files
// changed, added or removed, so that each test states exactly how its edition differs from a good one.
import { cp, mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
export const PROJECT_ROOT = path.resolve(FIXTURES, "..", "..");

/** File contents by path relative to the edition root; `null` deletes the file. */
export type EditionChanges = Record<string, string | Uint8Array | null>;

export async function makeEdition(fixture = "small", changes: EditionChanges = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `edition-${fixture}-`));
  await cp(path.join(FIXTURES, fixture), dir, { recursive: true });
  for (const [file, content] of Object.entries(changes)) {
    const target = path.join(dir, file);
    if (content === null) await rm(target, { force: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
  return dir;
}

export async function removeEdition(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Replaces the first occurrence of `search` in a fixture file, for one-line edits to a good file. */
export async function editedFixture(fixture: string, file: string, search: string, replacement: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(path.join(FIXTURES, fixture, file), "utf8");
  if (!text.includes(search)) throw new Error(`${file} does not contain ${JSON.stringify(search)}`);
  return text.replace(search, replacement);
}
