// The benchmark's own parts: the generated edition is valid and reproducible, the build's stage line is read
// right, and profiles and runs are summarised as documented.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareBaseline, runBaseline } from "../../tools/bench/baseline.ts";
import { summariseProfile, type CpuProfile } from "../../tools/bench/cpu-profile.ts";
import { DEFAULT_UI_RESULT_LINK, measureFirstSearch } from "../../tools/bench/first-search-bytes.ts";
import { generateEdition } from "../../tools/bench/generate-edition.ts";
import { ourBuildCommand, parseBuildLine } from "../../tools/bench/our-build.ts";
import { createRandom } from "../../tools/bench/prng.ts";
import { createLine, createVocabulary } from "../../tools/bench/synthetic-text.ts";
import { stat } from "../../tools/bench/report.ts";
import { check } from "../../src/cli/check.ts";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { makeEdition, PROJECT_ROOT } from "../helpers/edition.ts";

const made: string[] = [];
async function emptyDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-edition-"));
  made.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe("the generated benchmark edition", () => {
  it("passes the check with no errors and no warnings, for several seeds", async () => {
    for (const seed of [1, 2, 3]) {
      const dir = await emptyDir();
      const generated = await generateEdition(dir, { messages: 120, annotations: 300, seed });
      const result = await check(dir);
      expect(result.report).toBe("");
      expect(result.summary).toBe("0 errors, 0 warnings");
      expect(generated.messages).toHaveLength(120);
      expect(generated.annotations).toHaveLength(300);
    }
  }, 60_000);

  it("writes the same files for the same seed", async () => {
    const [a, b] = [await emptyDir(), await emptyDir()];
    await generateEdition(a, { messages: 30, annotations: 60, seed: 7 });
    await generateEdition(b, { messages: 30, annotations: 60, seed: 7 });
    const files = (await readdir(path.join(a, "content"))).sort();
    expect(await readdir(path.join(b, "content"))).toEqual(expect.arrayContaining(files));
    for (const file of files)
      expect(await readFile(path.join(b, "content", file), "utf8")).toBe(await readFile(path.join(a, "content", file), "utf8"));
  });

  it("gives every message 1 to 15 citable lines", async () => {
    const dir = await emptyDir();
    const generated = await generateEdition(dir, { messages: 200, annotations: 0 });
    for (const message of generated.messages) {
      expect(message.lines).toBeGreaterThanOrEqual(1);
      expect(message.lines).toBeLessThanOrEqual(15);
      const text = await readFile(path.join(dir, message.file), "utf8");
      const body = text.slice(text.indexOf("\n---\n", 4) + 5).split("\n").filter((line) => line.trim());
      expect(body).toHaveLength(message.lines);
    }
  });
});

describe("the baseline", () => {
  it("builds every transcript with plain Eleventy and Pagefind, and its search page finds the typical term", async () => {
    const edition = await emptyDir();
    const generated = await generateEdition(edition, { messages: 40, annotations: 40, seed: 5 });
    const baselineRoot = await emptyDir();
    await prepareBaseline(edition, baselineRoot);
    const run = await runBaseline(process.cwd(), baselineRoot, { timeoutMs: 120_000 });
    expect(run.ok).toBe(true);
    // The 40 messages and the search page itself.
    expect(run.pagesIndexed).toBe(41);

    const search = await measureFirstSearch(path.join(baselineRoot, "_site"), generated.searchTerm, DEFAULT_UI_RESULT_LINK);
    expect(search.browserErrors).toEqual([]);
    expect(search.message).toBe(`${generated.searchTermMessages} results for ${generated.searchTerm}`);
    expect(search.responses.some((r) => r.path.endsWith(".pf_meta"))).toBe(true);
    expect(search.pagefind.afterIdle.gzipBytes).toBeGreaterThan(0);
  }, 120_000);
});

describe("synthetic transcript lines", () => {
  it("shows readers 20 to 200 characters per line, whatever the Markdown around them", () => {
    const random = createRandom(5);
    const vocabulary = createVocabulary(random);
    const lengths = Array.from({ length: 5000 }, () => createLine(random, vocabulary, random.int(20, 200)).plain.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(200);
  });
});

describe("reading the build's report line", () => {
  it("reads every stage from the line the build command really prints", async () => {
    const root = await makeEdition("small");
    made.push(root);
    const { command, args, env } = ourBuildCommand(PROJECT_ROOT);
    const { stdout } = await promisify(execFile)(command, args, { cwd: root, env });
    const stages = parseBuildLine(stdout)!;
    // The small edition: 3 messages, a search document each (their 5 notes are in them).
    expect(stages.pages).toBe(3);
    for (const stage of ["load", "render", "write", "eleventy", "pagefind"] as const) expect(stages[stage]).toBeGreaterThanOrEqual(0);
    expect(stages.total).toBeGreaterThanOrEqual(stages.load + stages.render);
  });

  it("returns undefined when the build printed no such line", () => {
    expect(parseBuildLine("The edition has problems (1 error, 0 warnings)")).toBeUndefined();
  });
});

describe("summarising a CPU profile", () => {
  it("sums self time by package, counting each sample until the next and leaving out idle time", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(root)", "") },
        { id: 2, callFrame: frame("parse", "file:///p/node_modules/yaml/dist/parse/parser.js") },
        { id: 3, callFrame: frame("render", "file:///p/src/render/render-edition.ts") },
        { id: 4, callFrame: frame("(idle)", "") },
        { id: 5, callFrame: frame("h", "file:///p/node_modules/@11ty/eleventy/src/Eleventy.js") },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 2, 3, 4, 5],
      timeDeltas: [0, 2000, 2000, 1000, 4000],
    };
    const summary = summariseProfile(profile, "/p");
    expect(summary.byPackage.map(({ name, selfMs }) => [name, selfMs])).toEqual([
      ["yaml", 4],
      ["src/render", 1],
      ["@11ty/eleventy", 1],
    ]);
    expect(summary.totalMs).toBe(6);
    expect(summary.idleMs).toBe(4);
  });
});

describe("statistics of runs", () => {
  it("takes the median of an even number of runs as the mean of the middle two", () => {
    expect(stat([3, 1, 4, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
    expect(stat([])).toBeUndefined();
  });
});
