// Our build as a user runs it: `node --import tsx <project>/src/cli/build.ts` in the edition's folder, as a child
// process, measured, with the stage breakdown read from the one line the command prints.
import { rm } from "node:fs/promises";
import path from "node:path";
import { measureProcess, type ProcessMeasurement } from "./measure-process.ts";

/**
 * The breakdown `src/cli/build.ts` prints, in seconds (two decimals, as printed): the wall time of each stage, and
 * the time Eleventy and Pagefind took summed over the build's threads, which run side by side.
 */
export interface BuildStages {
  pages: number;
  total: number;
  load: number;
  render: number;
  write: number;
  eleventy: number;
  pagefind: number;
}

const BUILD_LINE =
  /Built .*? and indexed (\d+) pages for search in ([\d.]+) s \(load ([\d.]+) s, render ([\d.]+) s, write ([\d.]+) s; across threads: Eleventy ([\d.]+) s, Pagefind ([\d.]+) s\)/;

export function parseBuildLine(stdout: string): BuildStages | undefined {
  const match = BUILD_LINE.exec(stdout);
  if (!match) return undefined;
  const [pages, total, load, render, write, eleventy, pagefind] = match.slice(1).map(Number) as [number, number, number, number, number, number, number];
  return { pages, total, load, render, write, eleventy, pagefind };
}

export interface OurBuildCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * tsx finds tsconfig.json from the working directory, and an edition's folder has none: without
 * TSX_TSCONFIG_PATH pointing at the project's, the JSX pages compile for React and the build fails.
 */
export function ourBuildCommand(projectRoot: string, nodeArgs: string[] = []): OurBuildCommand {
  return {
    command: process.execPath,
    args: [...nodeArgs, "--import", import.meta.resolve("tsx"), path.join(projectRoot, "src", "cli", "build.ts")],
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(projectRoot, "tsconfig.json") },
  };
}

/** Removes what a previous build left in `root` (the site and any cache), so that the next build starts cold. */
export async function removeBuildOutput(root: string): Promise<void> {
  for (const dir of ["_site", ".cache"]) await rm(path.join(root, dir), { recursive: true, force: true });
}

export interface OurBuildRun {
  measurement: ProcessMeasurement;
  stages?: BuildStages;
  ok: boolean;
}

export async function runOurBuild(
  projectRoot: string,
  editionRoot: string,
  options: { cold: boolean; timeoutMs?: number; nodeArgs?: string[] },
): Promise<OurBuildRun> {
  if (options.cold) await removeBuildOutput(editionRoot);
  const { command, args, env } = ourBuildCommand(projectRoot, options.nodeArgs);
  const measurement = await measureProcess(command, args, { cwd: editionRoot, env, timeoutMs: options.timeoutMs });
  const stages = parseBuildLine(measurement.stdout);
  return { measurement, stages, ok: measurement.exitCode === 0 && stages !== undefined };
}
