// Authoring commands never overwrite: every file is checked before any is written (so that a refusal leaves
// nothing half-done), and each is then created with the exclusive flag, so that a file appearing meanwhile is
// still not overwritten.
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { AuthorError, shownPath } from "./author-error.ts";

export interface NewFile {
  path: string;
  text: string;
}

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function writeNewFiles(files: readonly NewFile[], hint: string): Promise<void> {
  const taken: string[] = [];
  for (const file of files) if (await exists(file.path)) taken.push(file.path);
  if (taken.length === 1) throw new AuthorError({ message: `${shownPath(taken[0]!)} already exists; it was not overwritten`, hint });
  if (taken.length) {
    // Several at once means a whole folder is in the way (an edition already there): one message, not a page of them.
    const folder = commonFolder(taken);
    throw new AuthorError({
      message: `${taken.length} of the files already exist in ${shownPath(folder)}/ (${taken.map((file) => path.relative(folder, file)).join(", ")}); none was overwritten`,
      hint,
    });
  }
  for (const file of files) {
    await mkdir(path.dirname(file.path), { recursive: true });
    await writeFile(file.path, file.text, { flag: "wx" });
  }
}

function commonFolder(files: readonly string[]): string {
  let folder = path.dirname(files[0]!);
  while (!files.every((file) => file.startsWith(folder + path.sep))) folder = path.dirname(folder);
  return folder;
}
