// Presents a benchmark's results: medians, ranges and ratios as Markdown tables for a person, and the full
// results as JSON for later comparison.
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { profileTables } from "./cpu-profile.ts";
import type { ByteTotals } from "./first-search-bytes.ts";
import type { BuildStages } from "./our-build.ts";
import type { BenchResults } from "./run-bench.ts";
import { EDIT_KINDS } from "./editor-loop.ts";

export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(values: readonly number[]): Stat | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

interface Summary {
  ours: { wallMs?: Stat; cpuSeconds?: Stat; peakTreeRssBytes?: Stat; gnuTimeMaxRssBytes?: Stat };
  baseline: { wallMs?: Stat; cpuSeconds?: Stat; peakTreeRssBytes?: Stat; gnuTimeMaxRssBytes?: Stat; eleventyMs?: Stat; pagefindMs?: Stat };
  ratio: { wallMs?: number; cpuSeconds?: number; peakTreeRssBytes?: number; gnuTimeMaxRssBytes?: number };
  /** Medians of the stages our build reports, in seconds. */
  stages: Record<Stage, Stat | undefined>;
}

type Stage = Exclude<keyof BuildStages, "pages">;
const STAGES: readonly Stage[] = ["total", "load", "render", "write", "eleventy", "pagefind"];

const defined = (values: Array<number | undefined>) => values.filter((value): value is number => value !== undefined);

/** Only successful runs count. */
function summarise(results: BenchResults): Summary {
  const ours = results.ours.filter((run) => run.ok);
  const baseline = results.baseline.filter((run) => run.ok);
  const summary: Summary = {
    ours: {
      wallMs: stat(ours.map((run) => run.measurement.wallMs)),
      cpuSeconds: stat(ours.map((run) => run.measurement.sampledTreeCpuSeconds)),
      peakTreeRssBytes: stat(ours.map((run) => run.measurement.peakTreeRssBytes)),
      gnuTimeMaxRssBytes: stat(defined(ours.map((run) => run.measurement.gnuTimeMaxRssBytes))),
    },
    baseline: {
      wallMs: stat(baseline.map((run) => run.wallMs)),
      cpuSeconds: stat(baseline.map((run) => run.eleventy.sampledTreeCpuSeconds + (run.pagefind?.sampledTreeCpuSeconds ?? 0))),
      peakTreeRssBytes: stat(baseline.map((run) => run.peakTreeRssBytes)),
      gnuTimeMaxRssBytes: stat(defined(baseline.map((run) => run.gnuTimeMaxRssBytes))),
      eleventyMs: stat(baseline.map((run) => run.eleventy.wallMs)),
      pagefindMs: stat(defined(baseline.map((run) => run.pagefind?.wallMs))),
    },
    ratio: {},
    stages: Object.fromEntries(STAGES.map((stage) => [stage, stat(defined(ours.map((run) => run.stages?.[stage])))])) as Summary["stages"],
  };
  for (const key of ["wallMs", "cpuSeconds", "peakTreeRssBytes", "gnuTimeMaxRssBytes"] as const) {
    const a = summary.ours[key]?.median;
    const b = summary.baseline[key]?.median;
    if (a !== undefined && b) summary.ratio[key] = a / b;
  }
  return summary;
}

const thousands = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);
const range = (s: Stat | undefined, unit: (n: number) => string) =>
  s ? (s.n > 1 ? `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})` : unit(s.median)) : "—";
const times = (ratio: number | undefined) => (ratio === undefined ? "—" : `${ratio.toFixed(1)}×`);

function searchRow(label: string, totals: ByteTotals): string {
  return `| ${label} | ${totals.requests} | ${size(totals.bodyBytes)} | ${size(totals.wireBytes)} | ${size(totals.gzipBytes)} |`;
}

export function formatReport(results: BenchResults): string {
  const summary = summarise(results);
  const { machine, code, edition, options } = results;
  const out: string[] = [];
  const notes: string[] = [];
  out.push(
    `### ${thousands(options.messages)} messages, ${thousands(options.annotations)} annotations — ${options.runs} cold run${options.runs === 1 ? "" : "s"} each, alternating`,
    "",
    `Machine: ${machine.nproc} CPUs (nproc), ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB RAM, ${machine.cpuModel}, Node ${machine.node}, ${machine.kernel}.` +
      ` Code: ${code.commit ?? "?"}${code.changedInSrc ? ` with ${code.changedInSrc} uncommitted change(s) in src/` : ""}.`,
    `Edition: ${thousands(edition.bytes)} bytes of sources, ${thousands(edition.lines)} transcript lines, ${edition.people} people, ${edition.sources} sources;` +
      ` anchors ${Object.entries(edition.anchors).map(([kind, n]) => `${kind} ${n}`).join(", ")}; ${edition.messagesWithoutNotes} messages without notes.`,
    "Baseline: plain Eleventy 3.1.7 (markdown-it, one Liquid layout, no plugins) over the same content/*.md, then the Pagefind CLI; annotations, people, sources and thread pages are not part of it.",
    "",
    "| | ours | baseline | ours / baseline |",
    "| --- | ---: | ---: | ---: |",
    `| cold build, wall time: median (min–max) | ${range(summary.ours.wallMs, seconds)} | ${range(summary.baseline.wallMs, seconds)} | ${times(summary.ratio.wallMs)} |`,
    `| CPU time of the process tree, user + system (sampled from /proc): median (min–max) | ${range(summary.ours.cpuSeconds, (s) => seconds(s * 1000))} | ${range(summary.baseline.cpuSeconds, (s) => seconds(s * 1000))} | ${times(summary.ratio.cpuSeconds)} |`,
    `| peak RSS of the process tree (sum, sampled every 50 ms) | ${range(summary.ours.peakTreeRssBytes, mib)} | ${range(summary.baseline.peakTreeRssBytes, mib)} | ${times(summary.ratio.peakTreeRssBytes)} |`,
    `| max RSS of the largest process (/usr/bin/time -v) | ${range(summary.ours.gnuTimeMaxRssBytes, mib)} | ${range(summary.baseline.gnuTimeMaxRssBytes, mib)} | ${times(summary.ratio.gnuTimeMaxRssBytes)} |`,
  );
  const other = (runs: Array<{ conditions?: { otherCpus?: number } }>) =>
    range(stat(defined(runs.map((run) => run.conditions?.otherCpus))), (n) => n.toFixed(2));
  out.push(`| other processes' CPU use during the runs (CPUs, of ${machine.nproc}) | ${other(results.ours)} | ${other(results.baseline)} | |`);
  const largest = (peaks: Array<Record<string, number>>) => {
    const names = [...new Set(peaks.flatMap((peak) => Object.keys(peak)))];
    return names
      .map((name) => ({ name, bytes: stat(defined(peaks.map((peak) => peak[name])))?.median ?? 0 }))
      .filter(({ bytes }) => bytes >= 2 ** 20)
      .sort((x, y) => y.bytes - x.bytes)
      .map(({ name, bytes }) => `${name} ${mib(bytes)}`)
      .join(", ");
  };
  out.push(
    `| peak RSS by process (median of each one's peak) | ${largest(results.ours.filter((r) => r.ok).map((r) => r.measurement.peakRssByCommand))} | ${largest(
      results.baseline.filter((r) => r.ok).flatMap((r) => [r.eleventy.peakRssByCommand, r.pagefind?.peakRssByCommand ?? {}]),
    )} | |`,
  );
  const commits = [...new Set(results.ours.map((run) => run.code?.commit).filter(Boolean))];
  if (commits.length > 1) notes.push(`The project's commit changed during the runs (${commits.join(" → ")}): someone was committing to src/ meanwhile.`);
  const oursPages = results.ours.find((run) => run.stages)?.stages?.pages;
  const basePages = results.baseline.find((run) => run.pagesIndexed !== undefined)?.pagesIndexed;
  out.push(`| pages indexed by Pagefind | ${oursPages !== undefined ? thousands(oursPages) : "—"} | ${basePages !== undefined ? thousands(basePages) : "—"} | |`);
  const { ours: oursSite, baseline: baseSite } = results.site;
  if (oursSite || baseSite) {
    const cell = (s: typeof oursSite) => (s ? `${size(s.bytes)}, ${thousands(s.files)} files` : "—");
    const pf = (s: typeof oursSite) => (s ? `${size(s.pagefindBytes)}, ${thousands(s.pagefindFiles)} files` : "—");
    out.push(
      `| _site/ size | ${cell(oursSite)} | ${cell(baseSite)} | ${oursSite && baseSite ? times(oursSite.bytes / baseSite.bytes) : "—"} |`,
      `| of which pagefind/ | ${pf(oursSite)} | ${pf(baseSite)} | ${oursSite && baseSite ? times(oursSite.pagefindBytes / baseSite.pagefindBytes) : "—"} |`,
    );
  }
  for (const { edited, run } of results.warm) {
    const what = edited.startsWith("content/") ? "one transcript" : "one annotation";
    out.push(
      `| repeat \`npm run build\` after editing ${what}: wall time, peak RSS | ${run.ok ? `${seconds(run.measurement.wallMs)}, ${mib(run.measurement.peakTreeRssBytes)}` : "failed"} | — | |`,
    );
  }
  const page = results.site.typicalPage;
  if (page) {
    const css = page.css.map((sheet) => `${sheet.href} ${size(sheet.bytes)} (gzip ${size(sheet.gzipBytes)})`).join(" + ");
    out.push(
      `| typical message page, gzip: HTML + CSS | ${size(page.totalGzipBytes)} | | |`,
      "",
      `Typical message page: ${page.page} — HTML ${size(page.htmlBytes)} (gzip ${size(page.htmlGzipBytes)}) + ${css || "no CSS"}.`,
    );
  }
  if (summary.baseline.eleventyMs) {
    out.push(`Baseline split (medians): Eleventy ${seconds(summary.baseline.eleventyMs.median)}, Pagefind CLI ${range(summary.baseline.pagefindMs, seconds)}.`);
  }

  const stageRows: Array<[string, Stage]> = [
    ["load and check", "load"],
    ["render (on the worker threads)", "render"],
    ["write and index (on the worker threads)", "write"],
    ["total (as the build reports it)", "total"],
    ["… of which Eleventy, summed over threads", "eleventy"],
    ["… of which Pagefind, summed over threads", "pagefind"],
  ];
  const total = summary.stages.total?.median;
  // Medians of each stage come from different runs; the run with the median total shows one consistent split.
  const staged = results.ours.filter((run) => run.ok && run.stages).sort((x, y) => x.stages!.total - y.stages!.total);
  const medianRun = staged[(staged.length - 1) >> 1]?.stages;
  out.push(
    "",
    "Our build, per stage (as the build prints them; medians over the cold runs, and the run with the median total):",
    "",
    "| stage | median | min–max | median run | share in the median run |",
    "| --- | ---: | ---: | ---: | ---: |",
  );
  for (const [label, key] of stageRows) {
    const s = summary.stages[key];
    const own = medianRun?.[key];
    out.push(
      `| ${label} | ${s ? `${s.median.toFixed(2)} s` : "—"} | ${s ? `${s.min.toFixed(2)}–${s.max.toFixed(2)} s` : "—"} | ${own !== undefined ? `${own.toFixed(2)} s` : "—"} | ${own !== undefined && medianRun?.total ? `${((own / medianRun.total) * 100).toFixed(0)} %` : ""} |`,
    );
  }
  if (summary.ours.wallMs && total !== undefined)
    out.push("", `Process start-up and shutdown outside the reported total (tsx, imports, exit): ${seconds(summary.ours.wallMs.median - total * 1000)} (median wall − median total).`);

  const loop = results.editorLoop;
  if (loop) {
    out.push(
      "",
      `The editor's loop: \`npm start\` on the same edition (its first build and start-up took ${seconds(loop.startMs)}), a file saved, then the changed page polled over HTTP and the site's own search polled in Chromium through the search page's bundles, from the moment of the save:`,
      "",
      "| edit | edits | page served updated: median (worst) | search finds it: median (worst) |",
      "| --- | ---: | ---: | ---: |",
    );
    for (const kind of EDIT_KINDS) {
      const edits = loop.edits.filter((edit) => edit.kind === kind);
      if (!edits.length) continue;
      const cell = (values: Array<number | undefined>) => {
        const known = defined(values);
        const s = stat(known);
        if (!s) return "—";
        const missed = values.length - known.length;
        return `${seconds(s.median)} (${seconds(s.max)})${missed ? `, ${missed} not seen` : ""}`;
      };
      const searched = edits.some((edit) => edit.searchMs !== undefined || edit.failure);
      out.push(`| ${kind} | ${edits.length} | ${cell(edits.map((edit) => edit.pageMs))} | ${kind === "message moved to another month" && !searched ? "not measured" : cell(edits.map((edit) => edit.searchMs))} |`);
    }
    const failed = loop.edits.filter((edit) => edit.failure);
    if (failed.length) notes.push(`The editor's loop missed ${failed.length} edit(s); the first: ${failed[0]!.kind} of ${failed[0]!.file}: ${failed[0]!.failure}`);
  }

  const search = results.firstSearch;
  if (search) {
    out.push(
      "",
      `First search: ${search.url} (the term is in ${thousands(edition.searchTermMessages)} of ${thousands(options.messages)} messages), cold cache in Chromium;` +
        ` results visible ${seconds(search.resultsVisibleMs)} after navigation started; "${search.message}", ${search.lineLinks} links to lines on screen.`,
      "",
      "| responses | requests | body bytes | on the wire | gzip-equivalent |",
      "| --- | ---: | ---: | ---: | ---: |",
      searchRow("/pagefind/ until results visible", search.pagefind.atResults),
      searchRow("/pagefind/ after the network is quiet", search.pagefind.afterIdle),
      searchRow("whole page load after the network is quiet", search.all.afterIdle),
    );
    const baseline = results.baselineFirstSearch;
    if (baseline)
      out.push(
        searchRow("baseline (Pagefind's Default UI): /pagefind/ after the network is quiet", baseline.pagefind.afterIdle),
        searchRow("baseline: whole page load after the network is quiet", baseline.all.afterIdle),
        "",
        `The baseline's search page showed "${baseline.message}" ${seconds(baseline.resultsVisibleMs)} after navigation started.`,
      );
    if (search.browserErrors.length) out.push("", `Browser errors: ${search.browserErrors.join("; ")}`);
  }

  if (results.inProcess) {
    const { citationMs, timeline100kMs } = results.inProcess;
    out.push(
      "",
      `In one process: a citation costs ${Object.entries(citationMs).map(([format, ms]) => `${ms.toFixed(3)} ms in ${format}`).join(", ")} (1,000 citations each, engines reused);` +
        ` the timeline of 100,000 messages is laid out in ${timeline100kMs.toFixed(0)} ms.`,
    );
  }

  if (results.profile) {
    out.push("", `CPU profile of one cold build, all threads summed (${results.profile.files.length} profiles in ${path.dirname(results.profile.file)}):`, "", profileTables(results.profile));
  }
  if (notes.length) out.push("", ...notes);
  if (results.failures.length) out.push("", "Failures:", "", ...results.failures.map((f) => "```\n" + f + "\n```"));
  return out.join("\n");
}

/**
 * Writes the JSON results to `<resultsDir>/<timestamp>.json`, and a copy to the project's bench-results/latest.json
 * if the project has that folder (the benchmark does not create it).
 */
export async function writeResults(results: BenchResults, resultsDir: string, projectRoot: string): Promise<string[]> {
  const json = JSON.stringify({ ...results, summary: summarise(results) }, null, 2) + "\n";
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${results.startedAt.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, json);
  const written = [file];
  const projectResults = path.join(projectRoot, "bench-results");
  if (await access(projectResults).then(() => true, () => false)) {
    await writeFile(path.join(projectResults, "latest.json"), json);
    written.push(path.join(projectResults, "latest.json"));
  }
  return written;
}
