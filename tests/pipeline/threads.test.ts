// Building on worker threads, partition by partition, gives exactly what building in one thread gives: the same
// files, byte for byte, and the same problems reported at the same places.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { generateEdition } from "../../tools/bench/generate-edition.ts";
import { formatReport } from "../../src/load/diagnostics.ts";
import { EditionBuild } from "../../src/pipeline/edition-build.ts";
import { siteDifferences } from "../helpers/site-files.ts";

let root: string;
afterAll(() => rm(root, { recursive: true, force: true }));

async function run<T>(threads: number, outputDir: string, work: (build: EditionBuild) => Promise<T>): Promise<T> {
  // Small partitions, so that 300 messages make several, and both threads have some.
  const build = new EditionBuild({ root: path.join(root, "edition"), outputDir, threads, partitionSize: 50 });
  try {
    return await work(build);
  } finally {
    await build.close();
  }
}

it("builds the same on worker threads as in one thread, and reports the same problems", async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "build-threads-"));
  const generated = await generateEdition(path.join(root, "edition"), { messages: 300, annotations: 600, seed: 5 });
  const edition = path.join(root, "edition");
  // One note whose quote is gone, so that a problem found on a worker must come back to the editor.
  const broken = path.join(edition, generated.annotations[0]!.file);
  const text = await readFile(broken, "utf8");
  await writeFile(broken, text.includes("quote:") ? text.replace(/quote: (["']?)/, "quote: $1zzqx ") : text.replace(/lines: .*/, "lines: 99"));

  const checkWith = (threads: number) => run(threads, path.join(root, `out-${threads}`), (build) => build.check());
  const reportOf = async (threads: number) => {
    // Each check starts from an empty cache, as a first build would.
    await rm(path.join(edition, ".cache"), { recursive: true, force: true });
    return formatReport((await checkWith(threads)).files, edition);
  };
  const inOneThread = await reportOf(1);
  expect(inOneThread).toMatch(/error/);
  expect(await reportOf(2)).toBe(inOneThread);

  await writeFile(broken, text);
  for (const threads of [1, 2]) {
    await rm(path.join(edition, ".cache"), { recursive: true, force: true });
    await run(threads, path.join(root, `site-${threads}`), (build) => build.build());
  }
  expect(await siteDifferences(path.join(root, "site-1"), path.join(root, "site-2"))).toEqual([]);
}, 240_000);
