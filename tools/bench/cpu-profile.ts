// Where a build's CPU time goes: reads a V8 .cpuprofile (from `node --cpu-prof`) and sums self time by function,
// by module (file) and by package (an npm package, one of our src/ folders, Node's internals, or V8's own buckets
// such as the garbage collector). Run it on a profile: node --import tsx tools/bench/cpu-profile.ts <file|dir>.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMain } from "../../src/cli/is-main.ts";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  selfMs: number;
  /** Of all sampled time, 0–1. */
  share: number;
}

export interface ProfileSummary {
  /** How many thread profiles were summed (Node writes one per thread: main, workers, loader). */
  threads: number;
  /** From the profile's start to its end (the longest, if several). */
  durationMs: number;
  /** Sampled while the main thread waited (for Pagefind's binary, the disk, a worker). */
  idleMs: number;
  totalMs: number;
  byPackage: SelfTime[];
  byModule: SelfTime[];
  byFunction: SelfTime[];
}

/** The package or project folder a script belongs to, and its module path, from its URL. */
function classify(url: string, functionName: string, projectRoot: string): { pkg: string; module: string } {
  if (!url) {
    const bucket = functionName.startsWith("(") ? functionName : "(native)";
    return { pkg: bucket, module: bucket };
  }
  if (url.startsWith("node:")) return { pkg: "node (internals)", module: url };
  let file = url;
  if (url.startsWith("file://")) {
    try {
      file = fileURLToPath(url);
    } catch {
      file = url;
    }
  }
  const inModules = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (inModules !== -1) {
    const rest = file.slice(inModules + "/node_modules/".length).split(path.sep);
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return { pkg, module: rest.join("/") };
  }
  const relative = path.relative(projectRoot, file);
  if (!relative.startsWith("..") && !path.isAbsolute(relative)) {
    const parts = relative.split(path.sep);
    return { pkg: parts.length > 2 ? parts.slice(0, 2).join("/") : relative, module: parts.join("/") };
  }
  return { pkg: file, module: file };
}

function ranked(totals: Map<string, number>, totalMs: number, limit: number): SelfTime[] {
  return [...totals]
    .map(([name, ms]) => ({ name, selfMs: ms, share: totalMs ? ms / totalMs : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit);
}

/** Sums self time over one profile or several (the threads of one process); idle time is kept apart. */
export function summariseProfile(profiles: CpuProfile | CpuProfile[], projectRoot: string, limit = 15): ProfileSummary {
  const byPackage = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  let durationMs = 0;
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  const list = Array.isArray(profiles) ? profiles : [profiles];
  for (const profile of list) {
    durationMs = Math.max(durationMs, (profile.endTime - profile.startTime) / 1000);
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    // As Chrome's DevTools count it: a sample lasts until the next one; the last until the profile ends.
    const selfByNode = new Map<number, number>();
    let at = profile.startTime;
    const stamps = profile.timeDeltas.map((delta) => (at += delta));
    profile.samples.forEach((id, i) => {
      const duration = (i + 1 < stamps.length ? stamps[i + 1]! : profile.endTime) - stamps[i]!;
      selfByNode.set(id, (selfByNode.get(id) ?? 0) + Math.max(0, duration));
    });
    for (const [id, micros] of selfByNode) {
      const frame = nodes.get(id);
      if (!frame) continue;
      const ms = micros / 1000;
      // Idle time is the process waiting (for Pagefind's binary, for the disk): not CPU the build spent.
      if (frame.functionName === "(idle)") {
        idleMs += ms;
        continue;
      }
      totalMs += ms;
      const { pkg, module } = classify(frame.url, frame.functionName, projectRoot);
      add(byPackage, pkg, ms);
      add(byModule, module, ms);
      add(byFunction, `${frame.functionName || "(anonymous)"} ${module}${frame.url ? `:${frame.lineNumber + 1}` : ""}`, ms);
    }
  }
  return {
    threads: list.length,
    durationMs,
    idleMs,
    totalMs,
    byPackage: ranked(byPackage, totalMs, limit),
    byModule: ranked(byModule, totalMs, limit),
    byFunction: ranked(byFunction, totalMs, limit),
  };
}

/**
 * The profiles in `target` (a .cpuprofile file or a folder of them), largest first: Node writes one per thread
 * (tsx's loader thread has its own), and the main thread's, where the build runs, is by far the largest.
 */
export async function findProfiles(target: string): Promise<string[]> {
  if ((await stat(target)).isFile()) return [target];
  const files = (await readdir(target)).filter((name) => name.endsWith(".cpuprofile")).map((name) => path.join(target, name));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return files.map((file, i) => ({ file, size: sizes[i]! })).sort((a, b) => b.size - a.size).map(({ file }) => file);
}

export async function readProfile(file: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(file, "utf8")) as CpuProfile;
}

export function profileTables(summary: ProfileSummary): string {
  const table = (title: string, rows: SelfTime[]) =>
    [
      `| ${title} | self ms | share |`,
      "| --- | ---: | ---: |",
      ...rows.map((row) => `| \`${row.name.replace(/\|/g, "\\|")}\` | ${row.selfMs.toFixed(0)} | ${(row.share * 100).toFixed(1)} % |`),
    ].join("\n");
  return [
    `${summary.threads === 1 ? "One thread" : `${summary.threads} threads`}: ${(summary.durationMs / 1000).toFixed(1)} s profiled,` +
      ` ${(summary.totalMs / 1000).toFixed(1)} s of CPU, ${(summary.idleMs / 1000).toFixed(1)} s idle (waiting for other threads, Pagefind's` +
      " binary or the disk); shares below are of the CPU time.",
    "",
    table("package / folder", summary.byPackage),
    "",
    table("module", summary.byModule),
    "",
    table("function", summary.byFunction),
  ].join("\n");
}

if (isMain(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error("Usage: node --import tsx tools/bench/cpu-profile.ts <profile.cpuprofile | folder of profiles>");
    process.exitCode = 2;
  } else {
    const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
    // A folder is one process's profiles, one per thread: summed, since the work may run on worker threads.
    const files = await findProfiles(target);
    if (!files.length) throw new Error(`No .cpuprofile in ${target}`);
    console.log(`${files.join("\n")}\n`);
    const profiles = await Promise.all(files.map(readProfile));
    console.log(profileTables(summariseProfile(profiles, projectRoot, Number(process.argv[3] ?? 15))));
  }
}
