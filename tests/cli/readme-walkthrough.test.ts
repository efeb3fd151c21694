// The README's "Publish your own edition" walk-through, followed as a new editor would: in a fresh clone of the
// repository, its shell blocks are run exactly as printed, the two edits it asks for are made, and the new edition
// is checked, built, searched in Chromium, and the search lands on the line.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";
import { serveStatic } from "../helpers/server.ts";

const run = promisify(execFile);
let clone: string;
let workDir: string;

/** The shell blocks of the README's walk-through, in order, as printed. */
async function walkthroughBlocks(): Promise<string[]> {
  const readme = await readFile(path.join(PROJECT_ROOT, "README.md"), "utf8");
  const start = readme.indexOf("## Publish your own edition");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return [...section.matchAll(/^( *)```sh\n([\s\S]*?)^\1```$/gm)].map(([, indent, body]) =>
    body!.split("\n").map((line) => line.slice(indent!.length)).join("\n").trim(),
  );
}

/** Runs a block of the README in the clone, as a reader pasting it into one terminal would. */
async function paste(block: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout, stderr } = await run("bash", ["-e", "-c", block], { cwd: clone, env: { ...process.env, ...env }, maxBuffer: 16 * 2 ** 20 });
  return stdout + stderr;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "walkthrough-"));
  clone = path.join(workDir, "repository");
  await run("git", ["clone", "--quiet", PROJECT_ROOT, clone]);
  // `npm install` in a fresh clone fetches what node_modules already holds here.
  await symlink(path.join(PROJECT_ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
}, 60_000);
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe("the README's walk-through, from a fresh clone", () => {
  it("creates an edition, adds a message and a note, checks, builds, and finds the line by search", async () => {
    const blocks = await walkthroughBlocks();
    const [setup, note, finish, importing] = blocks;
    expect(setup).toMatch(/^export EDITION_ROOT=editions\/harbour\nnpm run new -- edition /);
    expect(note).toMatch(/^npm run new -- note /);
    expect(finish).toContain("npm run build");
    expect(importing).toContain("npm run import -- examples/import/messages.csv");
    const env = { EDITION_ROOT: "editions/harbour" };

    expect(await paste(setup!)).toContain("Wrote editions/harbour/content/1901-04-01-ada.md");
    // Step 3: the two fields settled, and the letter in place of the TODO line, as the README prints it.
    const readme = await readFile(path.join(PROJECT_ROOT, "README.md"), "utf8");
    const letter = /line:\n\n {3}```\n([\s\S]*?) {3}```/.exec(readme)![1]!.replace(/^ {3}/gm, "");
    const message = path.join(clone, "editions/harbour/content/1901-04-01-ada.md");
    await writeFile(
      message,
      (await readFile(message, "utf8"))
        .replace(/^TODO:.*$/m, letter.trimEnd())
        // The fields it asks to settle keep their values; their TODO comments go.
        .replace(/^((?:platform|completeness): [^#\n]*?) +# TODO:.*$/gm, "$1"),
    );

    expect(await paste(note!, env)).toContain('Wrote editions/harbour/annotations/new-wicks.md: anchored to "new wicks" on line 2 of 1901-04-01-ada.');
    const noteFile = path.join(clone, "editions/harbour/annotations/new-wicks.md");
    await writeFile(noteFile, (await readFile(noteFile, "utf8")).replace(/^TODO:.*$/m, "Wicks came from the mainland twice a year."));

    // npm start serves until stopped; the walk-through's other commands run as printed.
    const output = await paste(finish!.split("\n").filter((line) => line !== "npm start").join("\n"), env);
    expect(output).toMatch(/✔ 0 errors, \d+ warnings?/);
    // What is left to settle is the scaffold's own TODOs in edition/, not the letter or the note.
    const placeholders = output.split("\n").filter((line) => line.includes("[placeholder]"));
    expect(placeholders.filter((line) => !line.startsWith("edition/"))).toEqual([]);
    expect(output).toContain("Built editions/harbour/_site/");

    const server = await serveStatic(path.join(clone, "editions/harbour/_site"));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      expect(await page.locator("h1").first().innerText()).toBe("The Harbour Letters");
      await page.getByRole("searchbox", { name: "Search the edition" }).fill("wicks");
      await page.keyboard.press("Enter");
      const line = page.locator("#search-result-list a.result-line-link").first();
      await line.waitFor();
      await line.click();
      await page.waitForURL(/\/messages\/1901-04-01-ada\/\?pagefind-highlight=wicks#L2$/);
      expect(await page.locator(".line:target .line-text").innerText()).toBe("We must order new wicks before the spring tides arrive.");
    } finally {
      await browser.close();
      await server.close();
    }

    // The import example, into an edition of its own.
    const imported = await paste(importing!);
    expect(imported).toContain("Wrote 4 transcripts from examples/import/messages.csv:");
    const checked = await paste("npm run check", { EDITION_ROOT: "editions/choir" });
    expect(checked).toMatch(/✔ 0 errors/);
  }, 180_000);
});
