// The baseline the benchmark compares our build with: plain Eleventy 3 (tools/bench/baseline/: its own config and one
// layout, no plugins) over the same content/*.md, then the Pagefind CLI over its output. Annotations, people and
// sources are not part of it: it is what publishing the transcripts alone would cost with the stock tools.
import { cp, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, type ProcessMeasurement } from "./measure-process.ts";
import { removeBuildOutput } from "./our-build.ts";

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), "baseline");

/** Writes the baseline project into `baselineRoot`: config, layout and a copy of the edition's transcripts. */
export async function prepareBaseline(editionRoot: string, baselineRoot: string): Promise<void> {
  await mkdir(baselineRoot, { recursive: true });
  await cp(path.join(TEMPLATE, "eleventy.config.mjs"), path.join(baselineRoot, "eleventy.config.mjs"));
  await cp(path.join(TEMPLATE, "_includes"), path.join(baselineRoot, "_includes"), { recursive: true });
  await cp(path.join(editionRoot, "content"), path.join(baselineRoot, "content"), { recursive: true });
}

export interface BaselineRun {
  eleventy: ProcessMeasurement;
  pagefind?: ProcessMeasurement;
  /** Both commands, one after the other. */
  wallMs: number;
  /** The larger of the two trees' peaks: they never run at the same time. */
  peakTreeRssBytes: number;
  gnuTimeMaxRssBytes?: number;
  /** As Pagefind's CLI reports it. */
  pagesIndexed?: number;
  ok: boolean;
}

export function baselineCommands(projectRoot: string): { eleventy: string[]; pagefind: string[] } {
  const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);
  return {
    eleventy: [bin("eleventy"), "--config=eleventy.config.mjs", "--quiet"],
    pagefind: [bin("pagefind"), "--site", "_site"],
  };
}

export async function runBaseline(projectRoot: string, baselineRoot: string, options: { timeoutMs?: number } = {}): Promise<BaselineRun> {
  await removeBuildOutput(baselineRoot);
  const commands = baselineCommands(projectRoot);
  const run = ([command, ...args]: string[]) => measureProcess(command!, args, { cwd: baselineRoot, timeoutMs: options.timeoutMs });
  const eleventy = await run(commands.eleventy);
  const pagefind = eleventy.exitCode === 0 ? await run(commands.pagefind) : undefined;
  const measurements = pagefind ? [eleventy, pagefind] : [eleventy];
  const indexed = pagefind && /Indexed (\d+) pages?/.exec(pagefind.stdout);
  const gnuTime = measurements.map((m) => m.gnuTimeMaxRssBytes).filter((rss): rss is number => rss !== undefined);
  return {
    eleventy,
    pagefind,
    wallMs: measurements.reduce((sum, m) => sum + m.wallMs, 0),
    peakTreeRssBytes: Math.max(...measurements.map((m) => m.peakTreeRssBytes)),
    gnuTimeMaxRssBytes: gnuTime.length ? Math.max(...gnuTime) : undefined,
    pagesIndexed: indexed ? Number(indexed[1]) : undefined,
    ok: eleventy.exitCode === 0 && pagefind?.exitCode === 0,
  };
}
