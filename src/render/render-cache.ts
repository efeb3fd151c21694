// Rendered messages, notes and citations, kept between builds by content hash (.cache/ in the edition's folder),
// so that a rebuild after editing one file renders one file. An entry is used only if everything it was made from
// is unchanged, including this program's own code: the cache is keyed by a hash of src/ and the lock file, and
// starts empty whenever either changes.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";

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

interface Stored {
  program: string;
  entries: Map<string, unknown>;
}

export class RenderCache {
  readonly #file: string | undefined;
  readonly #program: string;
  readonly #previous: Map<string, unknown>;
  readonly #used = new Map<string, unknown>();
  hits = 0;
  misses = 0;

  private constructor(file: string | undefined, program: string, previous: Map<string, unknown>) {
    this.#file = file;
    this.#program = program;
    this.#previous = previous;
  }

  /** A cache that keeps nothing: for tests and one-off renders. */
  static none(): RenderCache {
    return new RenderCache(undefined, "", new Map());
  }

  static async open(root: string): Promise<RenderCache> {
    const file = path.join(root, ".cache", "edition-render.v8");
    const program = await programHash();
    try {
      const stored = deserialize(await readFile(file)) as Stored;
      if (stored.program === program) return new RenderCache(file, program, stored.entries);
    } catch {
      // No cache yet, or one written by another version of Node: start empty.
    }
    return new RenderCache(file, program, new Map());
  }

  /** The entry stored under `key`, or the one `make` produces (and stores). */
  get<T>(kind: string, key: string, make: () => T): T {
    const full = `${kind}:${key}`;
    if (this.#used.has(full)) return this.#used.get(full) as T;
    if (this.#previous.has(full)) {
      this.hits++;
      const value = this.#previous.get(full) as T;
      this.#used.set(full, value);
      return value;
    }
    this.misses++;
    const value = make();
    this.#used.set(full, value);
    return value;
  }

  /** The entry stored under `key`, if any, for entries that must be checked before use. */
  lookup<T>(kind: string, key: string): T | undefined {
    const full = `${kind}:${key}`;
    return (this.#used.get(full) ?? this.#previous.get(full)) as T | undefined;
  }

  store(kind: string, key: string, value: unknown, hit: boolean): void {
    if (hit) this.hits++;
    else this.misses++;
    this.#used.set(`${kind}:${key}`, value);
  }

  /** Writes what this build used (and only that, so that the cache does not grow with deleted files). */
  async save(): Promise<void> {
    if (!this.#file || this.misses === 0) return;
    await mkdir(path.dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}`;
    await writeFile(temporary, serialize({ program: this.#program, entries: this.#used } satisfies Stored));
    await rename(temporary, this.#file);
  }
}
