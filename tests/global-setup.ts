// Builds the default edition and the second edition (tests/fixtures/garden-committee) once for every test that
// reads them (search relevance, citations, exports, browser tests), as a user would: the build command in a child
// process each, side by side, into temporary folders. The integration and e2e projects both name this setup; they
// share the builds (the unit project needs none). Tests read the built folders and never write to them; a test
// that edits an edition makes its own copy.
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
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
    /** A copy of the second edition (tests/fixtures/garden-committee), built into its own _site/. */
    gardenRoot: string;
    gardenSite: string;
  }
}

interface Built {
  defaultSite: string;
  gardenRoot: string;
  gardenSite: string;
}

interface SharedBuild {
  built: Promise<Built>;
  users: number;
}

/** Vitest loads this module once per project that names it; the builds are kept on globalThis to be shared. */
const shared = globalThis as typeof globalThis & { __editionBuilds?: SharedBuild };

/** `npm run build` of the edition in `root`, into `output`. */
async function build(root: string, output: string): Promise<void> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/build.ts"), "--output", output], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, EDITION_ROOT: root },
    maxBuffer: 16 * 2 ** 20,
  });
  process.stdout.write(stdout);
  process.stderr.write(stderr);
}

async function buildEditions(): Promise<Built> {
  const defaultSite = await mkdtemp(path.join(os.tmpdir(), "default-edition-"));
  const gardenRoot = await mkdtemp(path.join(os.tmpdir(), "edition-garden-committee-"));
  await cp(path.join(PROJECT_ROOT, "tests", "fixtures", "garden-committee"), gardenRoot, { recursive: true });
  const gardenSite = path.join(gardenRoot, "_site");
  await Promise.all([build(PROJECT_ROOT, defaultSite), build(gardenRoot, gardenSite)]);
  return { defaultSite, gardenRoot, gardenSite };
}

export default async function setup(project: TestProject) {
  const builds = (shared.__editionBuilds ??= { built: buildEditions(), users: 0 });
  builds.users++;
  const built = await builds.built;
  project.provide("defaultSite", built.defaultSite);
  project.provide("gardenRoot", built.gardenRoot);
  project.provide("gardenSite", built.gardenSite);
  return async () => {
    if (--builds.users > 0) return;
    shared.__editionBuilds = undefined;
    await Promise.all([built.defaultSite, built.gardenRoot].map((dir) => rm(dir, { recursive: true, force: true })));
  };
}
