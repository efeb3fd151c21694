// `npm start` on an edition, in a child process on a random free-ish port, as an editor runs it: resolves once it
// says it is serving, and keeps everything it prints.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./edition.ts";

export interface WatchServer {
  port: number;
  process: ChildProcess;
  /** Everything the server has printed so far, stdout and stderr. */
  output(): string;
  stop(): void;
}

export async function startWatchServer(root: string, firstPort: number, args: string[] = []): Promise<WatchServer> {
  const port = firstPort + Math.floor(Math.random() * 2_000);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/start.ts"), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, EDITION_ROOT: root, PORT: String(port) },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (!output.includes("Serving the edition")) {
    if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`npm start did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The port it serves, which is the next free one if the one asked for was taken.
  const served = Number(/Serving the edition at http:\/\/localhost:(\d+)/.exec(output)?.[1] ?? port);
  return { port: served, process: child, output: () => output, stop: () => child.kill() };
}
