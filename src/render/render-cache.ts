// What the build's caches are keyed by (src/pipeline/): hashes of content, and a hash of this program itself. An
// entry kept between builds is used only if everything it was made from is unchanged, including the code: a cache
// made by other code (src/ or the lock file) is not read at all.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LOCK_FILE = path.resolve(SOURCE_ROOT, "..", "package-lock.json");

export function contentHash(value: unknown): string {
  return createHash("sha256").update(typeof value === "string" ? value : JSON.stringify(value)).digest("base64url").slice(0, 24);
}

let codeHash: Promise<string> | undefined;

/** Folders of src/ that cannot change what is cached: the commands and the benchmark. */
const NOT_CACHED_CODE = new Set(["bench", "cli"]);

/** A hash of the program itself: every source file under src/, and the exact versions of its dependencies. */
export function programHash(): Promise<string> {
  return (codeHash ??= (async () => {
    const hash = createHash("sha256");
    const files = (await readdir(SOURCE_ROOT, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.(ts|tsx|csl|css)$/.test(entry.name))
      .filter((entry) => !NOT_CACHED_CODE.has(path.relative(SOURCE_ROOT, entry.parentPath).split(path.sep)[0]!))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file).update(await readFile(file));
    hash.update(await readFile(LOCK_FILE).catch(() => Buffer.alloc(0)));
    return hash.digest("base64url");
  })());
}
