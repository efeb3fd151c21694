// The benchmark, step by step: generate an edition, build ours and the plain-Eleventy baseline alternately (cold,
// each a measured child process), then a warm rebuild after small edits, the first search in Chromium, the sizes
// of both sites, and optionally a CPU profile of one build. Returns everything measured; report.ts presents it.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareBaseline, runBaseline, baselineCommands, type BaselineRun } from "./baseline.ts";
import { findProfiles, readProfile, summariseProfile, type ProfileSummary } from "./cpu-profile.ts";
import { DEFAULT_UI_RESULT_LINK, measureFirstSearch, type FirstSearchResult } from "./first-search-bytes.ts";
import { generateEdition, type GeneratedEdition } from "./generate-edition.ts";
import { describeCode, describeMachine, type CodeVersion, type MachineInfo } from "./machine.ts";
import { waitForQuiet, type ProcessMeasurement } from "./measure-process.ts";
import { ourBuildCommand, runOurBuild, type BuildStages } from "./our-build.ts";
import { measureEditorLoop, type EditorLoopResult } from "./editor-loop.ts";
import { measureInProcess, type InProcessCosts } from "./in-process.ts";
import { createRandom } from "./prng.ts";
import { measurePage, measureSite, type PageWeight, type SiteSize } from "./site-size.ts";

export interface BenchOptions {
  messages: number;
  annotations: number;
  runs: number;
  seed: number;
  /** Where to generate the edition and the baseline. */
  workDir: string;
  projectRoot: string;
  timeoutMs?: number;
  /** Profile one extra cold build of ours with --cpu-prof into this folder. */
  cpuProfDir?: string;
  /** Before each run, wait up to this long for the machine to be idle (default 180 s; 0 to not wait). */
  quietWaitMs?: number;
  /** Edits of each kind in the editor's loop, measured with npm start (0: none). */
  loopEdits?: number;
  log?: (line: string) => void;
}

/** How the machine was when a run started, and how busy other processes kept it during the run. */
export interface RunConditions {
  waitedMs: number;
  /** CPUs busy in the last second before the run started. */
  busyCpusAtStart: number;
  quietAtStart: boolean;
  /** Average CPUs used by other processes during the run (machine busy time minus the run's own CPU time). */
  otherCpus?: number;
}

/** A measured process without its full output: the last lines are kept, for failures. */
export type MeasurementRecord = Omit<ProcessMeasurement, "stdout" | "stderr"> & { stdoutTail: string; stderrTail: string };

export interface OurRunRecord {
  run: number;
  ok: boolean;
  /** The project's commit when the run started: src/ may change between runs while others work. */
  code: CodeVersion;
  conditions: RunConditions;
  measurement: MeasurementRecord;
  stages?: BuildStages;
}

export type BaselineRunRecord = Omit<BaselineRun, "eleventy" | "pagefind"> & {
  run: number;
  conditions: RunConditions;
  eleventy: MeasurementRecord;
  pagefind?: MeasurementRecord;
};

export interface WarmRebuild {
  edited: string;
  change: string;
  run: OurRunRecord;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  options: Omit<BenchOptions, "log" | "projectRoot" | "workDir">;
  machine: MachineInfo;
  code: CodeVersion;
  workDir: string;
  edition: Omit<GeneratedEdition, "messages" | "annotations"> & {
    lines: number;
    anchors: Record<string, number>;
    messagesWithoutNotes: number;
  };
  commands: { ours: string; baseline: string[]; env: Record<string, string> };
  ours: OurRunRecord[];
  baseline: BaselineRunRecord[];
  warm: WarmRebuild[];
  editorLoop?: EditorLoopResult;
  site: { ours?: SiteSize; baseline?: SiteSize; typicalPage?: PageWeight };
  firstSearch?: FirstSearchResult;
  /** Citations and the timeline's layout, timed in this process. */
  inProcess?: InProcessCosts;
  /** The same search on the baseline's search page (Pagefind's Default UI, no filters). */
  baselineFirstSearch?: FirstSearchResult;
  /** All threads summed; `mainThread` alone. */
  profile?: ProfileSummary & { file: string; files: string[]; run: OurRunRecord; mainThread: ProfileSummary };
  failures: string[];
}

const tail = (text: string, chars = 4000) => (text.length > chars ? `…${text.slice(-chars)}` : text);

function record({ stdout, stderr, ...rest }: ProcessMeasurement): MeasurementRecord {
  return { ...rest, stdoutTail: tail(stdout), stderrTail: tail(stderr) };
}

function otherCpus(measurements: Array<MeasurementRecord | undefined>): number | undefined {
  let other = 0;
  let wall = 0;
  for (const m of measurements) {
    if (!m) continue;
    if (m.machineBusySeconds === undefined) return undefined;
    other += Math.max(0, m.machineBusySeconds - Math.max(m.cpuSeconds ?? 0, m.sampledTreeCpuSeconds));
    wall += m.wallMs / 1000;
  }
  return wall ? other / wall : undefined;
}

/** One line of progress for a run. */
function runLine(wallMs: number, peakTreeRssBytes: number, ok: boolean, conditions: RunConditions): string {
  return `  ${(wallMs / 1000).toFixed(1)} s, peak ${(peakTreeRssBytes / 2 ** 20).toFixed(0)} MiB, other processes ${conditions.otherCpus?.toFixed(2) ?? "?"} CPUs${ok ? "" : " FAILED"}`;
}

function failure(what: string, measurement: MeasurementRecord): string {
  const why = measurement.timedOut ? "timed out" : `exited with ${measurement.exitCode ?? measurement.signal}`;
  return `${what} ${why}:\n${measurement.stderrTail || measurement.stdoutTail}`;
}

/** Replaces the first plain lowercase word (four letters or more) after the front matter, keeping the line count. */
async function editBody(file: string, replacement: string, lineFilter: (line: string) => boolean = () => true): Promise<string> {
  const text = await readFile(file, "utf8");
  const bodyStart = text.indexOf("\n---\n", 4) + 5;
  const lines = text.slice(bodyStart).split("\n");
  for (const [i, line] of lines.entries()) {
    if (!line.trim() || !lineFilter(line)) continue;
    const word = /(?<=^|\s)[a-z]{4,}(?=\s|$)/.exec(line);
    if (!word) continue;
    lines[i] = line.slice(0, word.index) + replacement + line.slice(word.index + word[0].length);
    await writeFile(file, text.slice(0, bodyStart) + lines.join("\n"));
    return `line ${i + 1} of the body: "${word[0]}" → "${replacement}"`;
  }
  throw new Error(`No word to edit in ${file}`);
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? (() => {});
  const startedAt = new Date().toISOString();
  const editionRoot = path.join(options.workDir, "edition");
  const baselineRoot = path.join(options.workDir, "baseline");
  const failures: string[] = [];

  log(`Generating ${options.messages} messages and ${options.annotations} annotations in ${editionRoot}`);
  await mkdir(options.workDir, { recursive: true });
  const generated = await generateEdition(editionRoot, { messages: options.messages, annotations: options.annotations, seed: options.seed });
  await prepareBaseline(editionRoot, baselineRoot);
  const { messages, annotations, ...editionFacts } = generated;
  const anchors: Record<string, number> = {};
  for (const annotation of annotations) anchors[annotation.anchor] = (anchors[annotation.anchor] ?? 0) + 1;

  const quiet = async () => {
    if (options.quietWaitMs === 0) return { waitedMs: 0, busyCpus: 0, quiet: true };
    const state = await waitForQuiet({ maxWaitMs: options.quietWaitMs });
    if (state.waitedMs > 5000 || !state.quiet)
      log(`  (waited ${(state.waitedMs / 1000).toFixed(0)} s for the machine to be idle${state.quiet ? "" : `; still ${state.busyCpus.toFixed(1)} CPUs busy`})`);
    return state;
  };
  const conditions = (state: { waitedMs: number; busyCpus: number; quiet: boolean }, measurements: Array<MeasurementRecord | undefined>): RunConditions => ({
    waitedMs: state.waitedMs,
    busyCpusAtStart: state.busyCpus,
    quietAtStart: state.quiet,
    otherCpus: otherCpus(measurements),
  });
  const ourRun = async (run: number, buildOptions: Parameters<typeof runOurBuild>[2]): Promise<OurRunRecord> => {
    const state = await quiet();
    const code = describeCode(options.projectRoot);
    const { ok, measurement, stages } = await runOurBuild(options.projectRoot, editionRoot, buildOptions);
    const measured = record(measurement);
    return { run, ok, code, conditions: conditions(state, [measured]), measurement: measured, stages };
  };

  const ours: OurRunRecord[] = [];
  const baseline: BaselineRunRecord[] = [];
  for (let run = 1; run <= options.runs; run++) {
    log(`Run ${run}/${options.runs}: ours (cold)…`);
    const our = await ourRun(run, { cold: true, timeoutMs: options.timeoutMs });
    ours.push(our);
    log(runLine(our.measurement.wallMs, our.measurement.peakTreeRssBytes, our.ok, our.conditions));
    if (!our.ok) failures.push(failure(`Our build (run ${run})`, our.measurement));
    log(`Run ${run}/${options.runs}: baseline (cold)…`);
    const state = await quiet();
    const result = await runBaseline(options.projectRoot, baselineRoot, { timeoutMs: options.timeoutMs });
    const eleventy = record(result.eleventy);
    const pagefind = result.pagefind && record(result.pagefind);
    const base: BaselineRunRecord = { run, ...result, conditions: conditions(state, [eleventy, pagefind]), eleventy, pagefind };
    baseline.push(base);
    log(runLine(base.wallMs, base.peakTreeRssBytes, base.ok, base.conditions));
    // Pagefind runs only after Eleventy succeeded: if it ran, it is what failed.
    if (!base.ok) failures.push(failure(`The baseline (run ${run})`, base.pagefind ?? base.eleventy));
  }

  const site: BenchResults["site"] = {};
  const warm: WarmRebuild[] = [];
  let firstSearch: FirstSearchResult | undefined;
  const lastOurs = ours.at(-1);
  if (lastOurs?.ok) {
    // Warm: the site and tsx's cache are there from the cold build; one transcript, then one note, is edited.
    const unquoted = messages.filter((m) => m.quoteAnnotations === 0 && m.lines >= 2);
    const message = unquoted[Math.floor(unquoted.length / 2)] ?? messages[0]!;
    const change = await editBody(path.join(editionRoot, message.file), "edited", (line) => !/[*[]|https?:/.test(line));
    log(`Repeat build after editing ${message.file} (${change})…`);
    const afterTranscript = await ourRun(1, { cold: false, timeoutMs: options.timeoutMs });
    warm.push({ edited: message.file, change, run: afterTranscript });
    if (!afterTranscript.ok) failures.push(failure("The warm rebuild after a transcript edit", afterTranscript.measurement));

    const annotation = annotations[Math.floor(annotations.length / 2)];
    if (annotation) {
      const noteChange = await editBody(path.join(editionRoot, annotation.file), "edited");
      log(`Repeat build after editing ${annotation.file} (${noteChange})…`);
      const afterNote = await ourRun(1, { cold: false, timeoutMs: options.timeoutMs });
      warm.push({ edited: annotation.file, change: noteChange, run: afterNote });
      if (!afterNote.ok) failures.push(failure("The warm rebuild after an annotation edit", afterNote.measurement));
    }

    const siteDir = path.join(editionRoot, "_site");
    site.ours = await measureSite(siteDir);
    // A typical message page: one with notes whose transcript is of median length.
    const annotated = messages.filter((m) => m.annotations > 0).sort((a, b) => a.characters - b.characters);
    const typical = annotated[Math.floor(annotated.length / 2)];
    if (typical) site.typicalPage = await measurePage(siteDir, `/messages/${typical.id}/`);

    log(`First search in Chromium for "${generated.searchTerm}"…`);
    try {
      firstSearch = await measureFirstSearch(siteDir, generated.searchTerm);
    } catch (error) {
      failures.push(`The first search could not be measured: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let inProcess: InProcessCosts | undefined;
  try {
    inProcess = await measureInProcess(options.projectRoot);
  } catch (error) {
    failures.push(`Citations and the timeline could not be timed: ${error instanceof Error ? error.message : String(error)}`);
  }
  let editorLoop: EditorLoopResult | undefined;
  if (lastOurs?.ok && (options.loopEdits ?? 0) > 0) {
    // Last, because its edits change the edition: deleted and moved messages, added notes.
    log(`The editor's loop: npm start, ${options.loopEdits} edits of each kind…`);
    try {
      editorLoop = await measureEditorLoop({ projectRoot: options.projectRoot, editionRoot, random: createRandom(options.seed + 1), perKind: options.loopEdits!, log });
    } catch (error) {
      failures.push(`The editor's loop could not be measured: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  let baselineFirstSearch: FirstSearchResult | undefined;
  if (baseline.at(-1)?.ok) {
    const baselineSite = path.join(baselineRoot, "_site");
    site.baseline = await measureSite(baselineSite);
    log(`First search in Chromium on the baseline for "${generated.searchTerm}"…`);
    try {
      baselineFirstSearch = await measureFirstSearch(baselineSite, generated.searchTerm, DEFAULT_UI_RESULT_LINK);
    } catch (error) {
      failures.push(`The baseline's first search could not be measured: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  let profile: BenchResults["profile"];
  if (options.cpuProfDir) {
    await rm(options.cpuProfDir, { recursive: true, force: true });
    log(`Profiling one cold build of ours into ${options.cpuProfDir}…`);
    const profiled = await ourRun(0, {
      cold: true,
      timeoutMs: options.timeoutMs,
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`],
    });
    // One profile per thread (main, render workers, tsx's loader): summed, since the work is spread over them.
    const files = await findProfiles(options.cpuProfDir).catch(() => []);
    const main = files[0];
    if (main) {
      const all = await Promise.all(files.map(readProfile));
      profile = {
        file: main,
        files,
        run: profiled,
        mainThread: summariseProfile(all[0]!, options.projectRoot),
        ...summariseProfile(all, options.projectRoot),
      };
    } else failures.push(failure("The profiled build wrote no profile; it", profiled.measurement));
  }

  const command = ourBuildCommand(options.projectRoot);
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    options: {
      messages: options.messages,
      annotations: options.annotations,
      runs: options.runs,
      seed: options.seed,
      quietWaitMs: options.quietWaitMs,
      loopEdits: options.loopEdits,
      timeoutMs: options.timeoutMs,
      cpuProfDir: options.cpuProfDir,
    },
    machine: describeMachine(),
    code: describeCode(options.projectRoot),
    workDir: options.workDir,
    edition: {
      ...editionFacts,
      lines: messages.reduce((sum, m) => sum + m.lines, 0),
      anchors,
      messagesWithoutNotes: messages.filter((m) => m.annotations === 0).length,
    },
    commands: {
      ours: `cd ${editionRoot} && ${[command.command, ...command.args].join(" ")}`,
      baseline: Object.values(baselineCommands(options.projectRoot)).map((argv) => `cd ${baselineRoot} && ${argv.join(" ")}`),
      env: { TSX_TSCONFIG_PATH: command.env.TSX_TSCONFIG_PATH ?? "" },
    },
    ours,
    baseline,
    warm,
    editorLoop,
    site,
    firstSearch,
    baselineFirstSearch,
    inProcess,
    profile,
    failures,
  };
}
