// The machine and the code a benchmark ran on, so that its figures can be compared with others' later.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineInfo {
  /** What `nproc` prints: the CPUs this process may use. */
  nproc: number;
  totalMemoryBytes: number;
  cpuModel: string;
  node: string;
  kernel: string;
}

export function describeMachine(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? "unknown";
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux: keep what Node reports.
  }
  return {
    nproc: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    cpuModel,
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
  };
}

export interface CodeVersion {
  commit?: string;
  /** Files under src/ changed since that commit: the benchmark measured them too. */
  changedInSrc?: number;
}

export function describeCode(projectRoot: string): CodeVersion {
  const git = (...args: string[]) => execFileSync("git", ["-C", projectRoot, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    return {
      commit: git("rev-parse", "--short", "HEAD"),
      changedInSrc: git("status", "--porcelain", "--", "src").split("\n").filter(Boolean).length,
    };
  } catch {
    return {};
  }
}
