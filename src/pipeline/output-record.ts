// What a build may delete in its output folder: only what an earlier build of this pipeline wrote there. Each build
// records the files it wrote (`<output>/.edition-files.json`, as Sphinx keeps `.buildinfo` beside its output);
// the next one removes what it no longer writes, and refuses a folder that holds anything it did not write, so
// that `--output docs` can never empty a folder of the repository.
import { readdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const RECORD_FILE = ".edition-files.json";

interface Recorded {
  /** What wrote the folder, so that a record from elsewhere is not mistaken for ours. */
  writer: "annotated-edition";
  /** Paths relative to the output folder, with `/` separators, sorted. */
  files: string[];
}

export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
}

const relative = (outputDir: string, file: string) => path.relative(outputDir, file).split(path.sep).join("/");

async function listFiles(dir: string): Promise<string[] | undefined> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => !entry.isDirectory()).map((entry) => relative(dir, path.join(entry.parentPath, entry.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export class OutputRecord {
  readonly outputDir: string;
  /** What earlier builds wrote, and is still there. */
  readonly #previous: Set<string>;
  readonly #written = new Set<string>();

  private constructor(outputDir: string, previous: Set<string>) {
    this.outputDir = outputDir;
    this.#previous = previous;
  }

  /**
   * Reads the record of an output folder, and refuses the folder if it holds files that no build of ours wrote:
   * those are someone else's, and the build would have to delete or overwrite them.
   */
  static async open(outputDir: string, root: string): Promise<OutputRecord> {
    const output = path.resolve(outputDir);
    const fromRoot = path.relative(output, path.resolve(root));
    if (fromRoot === "" || !fromRoot.startsWith("..")) throw new OutputFolderError(`The output folder ${output} contains the edition itself; choose a folder for the built site, such as _site/.`);
    const present = await listFiles(output);
    if (!present) return new OutputRecord(output, new Set());
    let recorded: Recorded | undefined;
    try {
      recorded = JSON.parse(await readFile(path.join(output, RECORD_FILE), "utf8")) as Recorded;
      if (recorded.writer !== "annotated-edition" || !Array.isArray(recorded.files)) recorded = undefined;
    } catch {
      recorded = undefined;
    }
    const ours = new Set(recorded?.files ?? []);
    const foreign = present.filter((file) => file !== RECORD_FILE && !ours.has(file));
    if (foreign.length) {
      const shown = foreign.sort().slice(0, 5).map((file) => `  ${file}`).join("\n");
      const more = foreign.length > 5 ? `\n  … and ${foreign.length - 5} more` : "";
      throw new OutputFolderError(
        `${output} holds ${foreign.length} file${foreign.length === 1 ? "" : "s"} that no build of this edition wrote:\n${shown}${more}\n` +
          `A build replaces what it wrote before and deletes what it no longer writes, so it never works in a folder that holds anything else. ` +
          `Choose a new or empty folder for --output, or move those files out of it yourself.`,
      );
    }
    return new OutputRecord(output, new Set(present.filter((file) => ours.has(file))));
  }

  /** Whether an earlier build wrote this file (a path relative to the output folder). */
  has(file: string): boolean {
    return this.#previous.has(file) || this.#written.has(file);
  }

  /** Notes files this build wrote, as absolute paths or paths relative to the output folder. */
  wrote(files: Iterable<string>): void {
    for (const file of files) this.#written.add(path.isAbsolute(file) ? relative(this.outputDir, file) : file);
  }

  /**
   * Removes what earlier builds wrote, this one did not write again, and no longer belongs to the site, then saves
   * the record. Folders left empty by the removal are removed too. Returns what was removed.
   */
  async finish(belongs: (file: string) => boolean): Promise<string[]> {
    const removed: string[] = [];
    const keep = new Set<string>();
    for (const file of this.#previous) {
      if (this.#written.has(file)) continue;
      if (belongs(file)) {
        keep.add(file);
        continue;
      }
      await rm(path.join(this.outputDir, file), { force: true });
      removed.push(file);
    }
    const folders = new Set(removed.map((file) => path.dirname(path.join(this.outputDir, file))));
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
      for (let dir = folder; dir.startsWith(this.outputDir) && dir !== this.outputDir; dir = path.dirname(dir)) {
        try {
          await rmdir(dir);
        } catch {
          break;
        }
      }
    }
    const files = [...new Set([...keep, ...this.#written])].filter((file) => file !== RECORD_FILE).sort();
    await writeFile(path.join(this.outputDir, RECORD_FILE), `${JSON.stringify({ writer: "annotated-edition", files } satisfies Recorded)}\n`);
    this.#previous.clear();
    for (const file of files) this.#previous.add(file);
    this.#written.clear();
    return removed;
  }
}
