// The GitHub Actions workflow the README offers for publishing is valid YAML and runs the commands the README
// documents, in the right order, on the folder it uploads; it cannot be run here, so its shape is what is checked.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/edition.ts";

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

describe("the deploy workflow", () => {
  it("checks, builds into _site and uploads that folder to GitHub Pages, then deploys it", async () => {
    const workflow = parse(await readFile(path.join(PROJECT_ROOT, ".github/workflows/deploy.yml"), "utf8")) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: Step[]; needs?: string }>;
    };
    const build = workflow.jobs.build!.steps;
    expect(build.filter((step) => step.run).map((step) => step.run)).toEqual(["npm ci", "npm run check", "npm run build -- --output _site"]);
    const upload = build.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(upload?.with?.path).toBe("_site");
    // A Node that package.json's engines names (the LTS lines the tests run under).
    const nodeVersion = build.find((step) => step.uses?.startsWith("actions/setup-node@"))?.with?.["node-version"];
    expect(nodeVersion).toBe(24);
    const engines = JSON.parse(await readFile(path.join(PROJECT_ROOT, "package.json"), "utf8")).engines.node as string;
    expect(engines.split(/\s*\|\|\s*/)).toContain(`^${nodeVersion}`);
    expect(workflow.jobs.deploy!.needs).toBe("build");
    expect(workflow.jobs.deploy!.steps.map((step) => step.uses)).toEqual(["actions/deploy-pages@v4"]);
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    // Every script the workflow runs exists.
    const scripts = JSON.parse(await readFile(path.join(PROJECT_ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    for (const step of build.filter((s) => s.run?.startsWith("npm run "))) expect(scripts).toHaveProperty(step.run!.split(" ")[2]!);
  });
});
