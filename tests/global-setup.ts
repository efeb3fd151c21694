// Builds the default edition once for every test that reads it (search relevance, citations, exports, browser
// tests), as a user would: the build command in a child process, into a temporary folder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

declare module "vitest" {
  export interface ProvidedContext {
    /** The built default edition's _site/ folder. */
    defaultSite: string;
  }
}

export default function setup(project: TestProject) {
  const output = mkdtempSync(path.join(os.tmpdir(), "default-edition-"));
  execFileSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/build.ts"), "--output", output], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
  project.provide("defaultSite", output);
  return () => rmSync(output, { recursive: true, force: true });
}
