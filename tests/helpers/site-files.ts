// Every file of a built site with its bytes, for comparing two builds byte for byte.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export async function siteFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file).split(path.sep).join("/"), await readFile(file));
  }
  return files;
}

/** The paths that differ between two sites: missing from one, or with other bytes. */
export async function siteDifferences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([siteFiles(a), siteFiles(b)]);
  const differ: string[] = [];
  for (const [file, bytes] of left) if (!right.get(file)?.equals(bytes)) differ.push(file);
  for (const file of right.keys()) if (!left.has(file)) differ.push(file);
  return differ.sort();
}
