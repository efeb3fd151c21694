// The rendered text of one partition, kept between builds (.cache/partitions/<name>.v8): its transcripts' and
// notes' HTML, their citations, and their conversation-page versions, each under a hash of what it was made from.
// Only the thread that works on a partition reads or writes its store, so that the whole edition's HTML is never
// in one place; the main thread keeps just what every partition needs to know of the others.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

interface Stored {
  program: string;
  entries: Map<string, unknown>;
}

export class PartitionStore {
  readonly file: string;
  readonly #program: string;
  #previous: Map<string, unknown>;
  readonly #used = new Map<string, unknown>();
  #dirty = false;

  private constructor(file: string, program: string, previous: Map<string, unknown>) {
    this.file = file;
    this.#program = program;
    this.#previous = previous;
  }

  static fileFor(cacheDir: string, name: string): string {
    return path.join(cacheDir, "partitions", `${name}.v8`);
  }

  /** The store as last saved, or an empty one if there is none for this program (see render-cache.ts). */
  static async open(file: string, program: string): Promise<PartitionStore> {
    try {
      const stored = deserialize(await readFile(file)) as Stored;
      if (stored.program === program) return new PartitionStore(file, program, stored.entries);
    } catch {
      // No store yet, or one from another version of Node: start empty.
    }
    return new PartitionStore(file, program, new Map());
  }

  /** Starts a new use of a store kept in memory: what the next save keeps is what this use reads or writes. */
  reuse(): this {
    for (const [key, value] of this.#used) this.#previous.set(key, value);
    this.#used.clear();
    return this;
  }

  get<T>(key: string): T | undefined {
    if (this.#used.has(key)) return this.#used.get(key) as T;
    if (!this.#previous.has(key)) return undefined;
    const value = this.#previous.get(key) as T;
    this.#used.set(key, value);
    return value;
  }

  set(key: string, value: unknown): void {
    if (this.#used.get(key) !== value) this.#dirty = true;
    this.#used.set(key, value);
  }

  /** The entry under `key`, made by `make` and kept if there is none. */
  memo<T>(key: string, make: () => T): T {
    const known = this.get<T>(key);
    if (known !== undefined) return known;
    const value = make();
    this.set(key, value);
    return value;
  }

  /**
   * Keeps only what this use read or wrote: a use that touched everything the partition still has (writing all its
   * pages) leaves the rest to edited or deleted files.
   */
  prune(): void {
    if (![...this.#previous.keys()].some((key) => !this.#used.has(key))) return;
    this.#previous = new Map();
    this.#dirty = true;
  }

  /** Writes the store, if anything changed since it was read or last written. */
  async save(): Promise<void> {
    if (!this.#dirty) return;
    const entries = new Map([...this.#previous, ...this.#used]);
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(temporary, serialize({ program: this.#program, entries } satisfies Stored));
    await rename(temporary, this.file);
    this.#dirty = false;
  }
}
