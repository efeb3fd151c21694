// `npm run bench -- --messages 10000 --annotations 20000 [--runs 3] [--keep]`: measures our build against a plain
// Eleventy + Pagefind baseline on a generated edition, prints Markdown tables and writes the results as JSON.
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatReport, writeResults } from "./report.ts";
import { runBench } from "./run-bench.ts";
import { parseCommandLine } from "../../src/cli/command-line.ts";
import { isMain } from "../../src/cli/is-main.ts";

const USAGE = `npm run bench -- [--messages 1000] [--annotations 2000] [--runs 3] [--seed 1] [--keep]
                       [--loop-edits 5] [--timeout-minutes 30] [--quiet-wait-seconds 180] [--cpu-prof-dir <dir>]
                       [--work-dir <dir>]`;

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const BENCH_TMP = path.join(os.tmpdir(), "annotated-edition-bench");

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${value}"\nUsage: ${USAGE}`);
  return n;
}

if (isMain(import.meta.url)) {
  const { values } = parseCommandLine({
    options: {
      messages: { type: "string" },
      annotations: { type: "string" },
      runs: { type: "string" },
      seed: { type: "string" },
      keep: { type: "boolean", default: false },
      "timeout-minutes": { type: "string" },
      "quiet-wait-seconds": { type: "string" },
      "loop-edits": { type: "string" },
      "cpu-prof-dir": { type: "string" },
      "work-dir": { type: "string" },
      help: { type: "boolean", default: false },
    },
  }, USAGE);
  if (values.help) {
    console.log(`Usage: ${USAGE}`);
  } else {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const workDir = path.resolve(values["work-dir"] ?? path.join(BENCH_TMP, `run-${stamp}`));
    const results = await runBench({
      messages: count(values.messages, 1000, "messages"),
      annotations: count(values.annotations, 2000, "annotations"),
      runs: Math.max(1, count(values.runs, 3, "runs")),
      seed: count(values.seed, 1, "seed"),
      timeoutMs: count(values["timeout-minutes"], 30, "timeout-minutes") * 60_000,
      quietWaitMs: count(values["quiet-wait-seconds"], 180, "quiet-wait-seconds") * 1000,
      loopEdits: count(values["loop-edits"], 5, "loop-edits"),
      cpuProfDir: values["cpu-prof-dir"] ? path.resolve(values["cpu-prof-dir"]) : undefined,
      workDir,
      projectRoot: PROJECT_ROOT,
      log: (line) => console.error(line),
    });
    console.log(formatReport(results));
    const written = await writeResults(results, path.join(BENCH_TMP, "results"), PROJECT_ROOT);
    console.log(`\nResults: ${written.join(", ")}`);
    if (values.keep) console.log(`Kept the generated edition and baseline in ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
    if (results.failures.length) process.exitCode = 1;
  }
}
