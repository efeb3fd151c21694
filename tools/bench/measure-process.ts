// Runs one command as a child process and measures it as a whole: wall time, and the peak resident memory of its
// whole process tree (our build spawns Pagefind's binary, so the Node process alone would undercount), sampled from
// /proc every ~50 ms. Where /usr/bin/time exists, its maximum RSS is recorded too, as a cross-check.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const GNU_TIME = "/usr/bin/time";

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the whole tree after this long (default: no limit). */
  timeoutMs?: number;
}

export interface ProcessMeasurement {
  command: string[];
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  wallMs: number;
  /** Largest sum of VmRSS over the child and all its descendants at one sample, in bytes. */
  peakTreeRssBytes: number;
  /** The largest RSS seen for one process of each command name (node, pagefind, esbuild…), in bytes. */
  peakRssByCommand: Record<string, number>;
  /** Most processes seen in the tree at one sample. */
  peakProcesses: number;
  samples: number;
  /** CPU time (user + system) of the command and its children, from GNU time (only children it waited for). */
  cpuSeconds?: number;
  /**
   * CPU time of every process seen in the tree, as last sampled from /proc: unlike GNU time's, it includes helper
   * processes that outlive or are not waited for by their parent (esbuild's service, for one).
   */
  sampledTreeCpuSeconds: number;
  /**
   * CPU time the whole machine was busy during the run (from /proc/stat), in seconds. Minus `cpuSeconds`, it is
   * what other processes (and this benchmark's sampling) took: a measure of how disturbed the run was.
   */
  machineBusySeconds?: number;
  /**
   * GNU time's "Maximum resident set size": the largest single process of the tree (the kernel's ru_maxrss of the
   * waited-for children), not their sum. Undefined when /usr/bin/time is not installed.
   */
  gnuTimeMaxRssBytes?: number;
  stdout: string;
  stderr: string;
}

const KEEP_OUTPUT = 64 * 1024;
/** How often the process tree is sampled; the report quotes it. */
const POLL_MS = 50;

interface ProcessEntry {
  parent: number;
  /** CPU ticks used so far (utime + stime). */
  ticks: number;
  /** The command name, as in `ps -o comm`. */
  name: string;
}

/**
 * Every process on the machine, from /proc/<pid>/stat (fields counted from the one after the command's closing
 * paren, since the name itself may hold spaces and parens).
 */
function processTable(): Map<number, ProcessEntry> {
  const table = new Map<number, ProcessEntry>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      table.set(pid, { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), name });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

function vmRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "latin1"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The root and all its descendants; `exclude` drops a wrapper (GNU time) from the count but not its children.
 * `ticks` has the CPU ticks each process of the tree has used so far.
 */
function sampleTree(
  root: number,
  exclude?: number,
): { rss: number; processes: number; ticks: Map<number, number>; rssByName: Map<string, number> } {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of table) {
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  let rss = 0;
  let processes = 0;
  const ticks = new Map<number, number>();
  const rssByName = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (pid !== exclude) {
      const own = vmRssBytes(pid);
      const entry = table.get(pid);
      rss += own;
      processes++;
      ticks.set(pid, entry?.ticks ?? 0);
      const name = entry?.name ?? "?";
      rssByName.set(name, Math.max(own, rssByName.get(name) ?? 0));
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, processes, ticks, rssByName };
}

/** Clock ticks the machine has spent busy, from the first line of /proc/stat (USER_HZ = 100); undefined off Linux. */
function busyTicks(): number | undefined {
  try {
    const fields = readFileSync("/proc/stat", "latin1").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // idle and iowait (fields 4 and 5) are what is left out.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return user + nice + system + irq + softirq + steal;
  } catch {
    return undefined;
  }
}

const TICKS_PER_SECOND = 100;

/**
 * Waits until the machine has been nearly idle (less than `threshold` CPUs busy) for `quietMs`, or `maxWaitMs` has
 * passed, so that a run does not start while another job (a test suite, a compile) is using the CPUs.
 */
export async function waitForQuiet(options: { threshold?: number; quietMs?: number; maxWaitMs?: number } = {}): Promise<{ waitedMs: number; busyCpus: number; quiet: boolean }> {
  const threshold = options.threshold ?? 0.3;
  const quietMs = options.quietMs ?? 3000;
  const maxWaitMs = options.maxWaitMs ?? 180_000;
  const started = performance.now();
  let quietSince = performance.now();
  let busyCpus = 0;
  for (;;) {
    const before = busyTicks();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = busyTicks();
    if (before === undefined || after === undefined) return { waitedMs: performance.now() - started, busyCpus: 0, quiet: true };
    busyCpus = (after - before) / TICKS_PER_SECOND;
    if (busyCpus >= threshold) quietSince = performance.now();
    else if (performance.now() - quietSince >= quietMs) return { waitedMs: performance.now() - started, busyCpus, quiet: true };
    if (performance.now() - started >= maxWaitMs) return { waitedMs: performance.now() - started, busyCpus, quiet: false };
  }
}

/** What `/usr/bin/time -v` wrote; empty if it wrote nothing (the command could not start, or was killed). */
async function readGnuTimeReport(file: string): Promise<{ gnuTimeMaxRssBytes?: number; cpuSeconds?: number }> {
  const report = await readFile(file, "utf8").catch(() => "");
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  const user = /User time \(seconds\): ([\d.]+)/.exec(report);
  const system = /System time \(seconds\): ([\d.]+)/.exec(report);
  return {
    gnuTimeMaxRssBytes: rss ? Number(rss[1]) * 1024 : undefined,
    cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : undefined,
  };
}

export async function measureProcess(command: string, args: string[], options: MeasureOptions): Promise<ProcessMeasurement> {
  const timeDir = existsSync(GNU_TIME) ? await mkdtemp(path.join(os.tmpdir(), "bench-time-")) : undefined;
  const timeFile = timeDir ? path.join(timeDir, "time.txt") : undefined;
  const [file, argv] = timeFile ? [GNU_TIME, ["-v", "-o", timeFile, command, ...args]] : [command, args];

  const ticksBefore = busyTicks();
  const started = performance.now();
  // Its own process group, so that a timeout can end the whole tree and nothing else.
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout = (stdout + chunk).slice(-KEEP_OUTPUT)));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-KEEP_OUTPUT)));

  let peakTreeRssBytes = 0;
  let peakProcesses = 0;
  let samples = 0;
  const treeTicks = new Map<number, number>();
  const peakRssByCommand: Record<string, number> = {};
  const sample = () => {
    if (child.pid === undefined) return;
    const { rss, processes, ticks, rssByName } = sampleTree(child.pid, timeFile ? child.pid : undefined);
    for (const [pid, used] of ticks) treeTicks.set(pid, Math.max(used, treeTicks.get(pid) ?? 0));
    for (const [name, bytes] of rssByName) peakRssByCommand[name] = Math.max(bytes, peakRssByCommand[name] ?? 0);
    samples++;
    peakTreeRssBytes = Math.max(peakTreeRssBytes, rss);
    peakProcesses = Math.max(peakProcesses, processes);
  };
  const poller = setInterval(sample, POLL_MS);
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      }, options.timeoutMs)
    : undefined;

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  const wallMs = performance.now() - started;
  const ticksAfter = busyTicks();
  clearInterval(poller);
  if (timer) clearTimeout(timer);

  const { gnuTimeMaxRssBytes, cpuSeconds } = timeFile ? await readGnuTimeReport(timeFile) : {};
  if (timeDir) await rm(timeDir, { recursive: true, force: true });
  return {
    command: [command, ...args],
    // GNU time passes the command's exit status through, so this is the command's own whether or not it is wrapped.
    exitCode: code,
    signal,
    timedOut,
    wallMs,
    peakTreeRssBytes,
    peakRssByCommand,
    peakProcesses,
    samples,
    cpuSeconds,
    sampledTreeCpuSeconds: [...treeTicks.values()].reduce((sum, t) => sum + t, 0) / TICKS_PER_SECOND,
    machineBusySeconds: ticksBefore !== undefined && ticksAfter !== undefined ? (ticksAfter - ticksBefore) / TICKS_PER_SECOND : undefined,
    gnuTimeMaxRssBytes,
    stdout,
    stderr,
  };
}
