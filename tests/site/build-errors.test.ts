// A build with a problem stops before writing the site, and the editor sees every problem located in its file.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { findEditionError } from "../../src/cli/eleventy.ts";
import { editedFixture, makeEdition, PROJECT_ROOT, removeEdition } from "../helpers/edition.ts";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeEdition(root);
  root = undefined;
});

async function buildError(changes: Record<string, string>): Promise<string> {
  root = await makeEdition("small", changes);
  const error = await build(root).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  const editionError = findEditionError(error);
  if (!editionError) throw new Error(`expected an edition error, got ${String(error)}`);
  return editionError.message;
}

describe("a build with problems", () => {
  it("fails on a quote found twice, naming the annotation file, target, quote, count and lines", async () => {
    const file = "annotations/morning-boat.md";
    const message = await buildError({ [file]: await editedFixture("small", file, '  prefix: "six; the "\n', "") });
    expect(message).toContain(
      `${file}:5:10  error  Quote "morning boat" matches 2 places in 1901-04-02-ben (lines 2, 2)  [ambiguous-quote]`,
    );
    expect(message).toContain('hint: Add a prefix or suffix, e.g. prefix: "The " for the match on line 2.');
    expect(existsSync(path.join(root!, "_site", "index.html"))).toBe(false);
  });

  it("fails on a quote that is not in the transcript", async () => {
    const file = "annotations/wicks.md";
    const message = await buildError({ [file]: await editedFixture("small", file, "quote: wicks", "quote: wick’s") });
    expect(message).toContain(`${file}:5:10  error  Quote "wick’s" not found in 1901-04-01-ada  [quote-not-found]`);
  });

  it("fails on a line range beyond the transcript", async () => {
    const file = "annotations/whole-letter.md";
    const message = await buildError({ [file]: await editedFixture("small", file, 'lines: "1-2"', 'lines: "3-9"') });
    expect(message).toContain(`${file}:5:10  error  Line range "3-9" is not in 1901-04-01-ada, which has lines 1–4  [line-out-of-range]`);
  });

  it("fails on a note that links to a line that does not exist", async () => {
    const file = "annotations/lamp-failing.md";
    const message = await buildError({ [file]: await editedFixture("small", file, "1901-04-02-ben#L1", "1901-04-02-ben#L7") });
    expect(message).toContain(`${file}:9:43  error  Broken link "message:1901-04-02-ben#L7": 1901-04-02-ben has no line 7  [broken-link]`);
  });

  it("exits the build command non-zero with the report on stderr", async () => {
    const file = "content/1901-04-01-ada.md";
    root = await makeEdition("small", { [file]: await editedFixture("small", file, "precision: minute", "precision: day") });
    const run = promisify(execFile)(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(PROJECT_ROOT, "src/cli/build.ts")], { cwd: root });
    const failure = await run.then(() => undefined, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    // One problem, reported once: not again by Eleventy, and not as a cascade of notes that lost their target.
    expect(failure?.stderr.match(/  error  /g)).toHaveLength(1);
    expect(failure?.stderr).toContain(
      `${file}:8:12  error  Field "precision": precision "day" contradicts the time of day in "1901-04-01T09:30+00:00"  [invalid-date]`,
    );
  });
});
