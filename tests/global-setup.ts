// Builds the default edition once for every test that reads it (search relevance, citations, exports, browser
// tests), as a user would: the build command in a child process, into a temporary folder. The integration and
// e2e projects both name this setup; they share the one build (the unit project needs none).
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

declare module "vitest" {
  export interface ProvidedContext {
    /** The built default edition's _site/ folder. */
    defaultSite: string;
  }
}

interface SharedBuild {
  site: Promise<string>;
  users: number;
}

/** Vitest loads this module once per project that names it; the build is kept on globalThis to be shared. */
const shared = globalThis as typeof globalThis & { __defaultEditionBuild?: SharedBuild };

async function buildDefaultEdition(): Promise<string> {
  const output = await mkdtemp(path.join(os.tmpdir(), "default-edition-"));
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/build.ts"), "--output", output], {
    cwd: PROJECT_ROOT,
    maxBuffer: 16 * 2 ** 20,
  });
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  return output;
}

export default async function setup(project: TestProject) {
  const build = (shared.__defaultEditionBuild ??= { site: buildDefaultEdition(), users: 0 });
  build.users++;
  project.provide("defaultSite", await build.site);
  return async () => {
    if (--build.users > 0) return;
    shared.__defaultEditionBuild = undefined;
    await rm(await build.site, { recursive: true, force: true });
  };
}
