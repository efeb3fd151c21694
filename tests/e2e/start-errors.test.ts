// `npm start` while an editor works: a mistake shows up in the browser, on the page already open, with the file,
// line and column and how to fix it, instead of a stale site; saving the fix brings the site back by itself.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchBrowser } from "../helpers/browser.ts";
import { makeEdition, PROJECT_ROOT, removeEdition } from "../helpers/edition.ts";

let root: string;
let server: ChildProcess;
let browser: Browser;
let output = "";
const port = 18_000 + Math.floor(Math.random() * 2_000);

beforeAll(async () => {
  root = await makeEdition("small");
  server = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/start.ts")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, EDITION_ROOT: root, PORT: String(port) },
  });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (!output.includes("Serving the edition")) {
    if (Date.now() - started > 60_000 || server.exitCode !== null) throw new Error(`npm start did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  server?.kill();
  await removeEdition(root);
});

describe("npm start with a mistake in the edition", () => {
  it("shows the problem on the open page, located, and the site again once it is fixed", async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/messages/1901-04-01-ada/`);
    expect(await page.locator("h1").innerText()).toBe("Ada Quill to Ben Moor");

    const file = path.join(root, "content", "1901-04-01-ada.md");
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace("from: ada", "from: nobody"));

    await eventually(() => page.locator("h1").innerText().catch(() => "")).toBe("The edition cannot be built");
    const report = await page.locator("pre").innerText();
    expect(report).toContain('content/1901-04-01-ada.md:5:7  error  Unknown sender "nobody"  [unknown-person]');
    expect(report).toContain('hint: Add "nobody" to edition/people.yaml, or use one of: ada, ben, harbour-board.');
    // Every page of the site says so, not only the one that was open.
    const response = await page.request.get(`http://localhost:${port}/`, { headers: { accept: "text/html" } });
    expect(response.status()).toBe(500);
    expect(output).toContain("content/1901-04-01-ada.md:5:7  error  Unknown sender");

    await writeFile(file, good);
    await eventually(() => page.locator("h1").innerText().catch(() => "")).toBe("Ada Quill to Ben Moor");
    await page.close();
  }, 60_000);
});
