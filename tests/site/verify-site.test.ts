// The build's check of its own output: it passes on a good build, and names every page that lost a message, a
// note, a line anchor or a link target.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import type { EditionModel } from "../../src/site/site-model.ts";
import { verifySite } from "../../src/site/verify-site.ts";
import { makeEdition, removeEdition } from "../helpers/edition.ts";

let root: string;
let site: string;
let model: EditionModel;

beforeAll(async () => {
  root = await makeEdition("small");
  site = (await build(root)).outputDir;
  model = (await readEdition(root)).model!;
});
afterAll(() => removeEdition(root));

async function tamper(page: string, change: (html: string) => string): Promise<void> {
  const file = path.join(site, page, "index.html");
  await writeFile(file, change(await readFile(file, "utf8")));
}

describe("the build's check of its own output", () => {
  it("finds nothing missing in a good build", async () => {
    expect(await verifySite(site, model)).toEqual([]);
  });

  it("names a missing message page, a lost note, a lost line anchor and a broken link", async () => {
    await rm(path.join(site, "messages/1901-05-harbour-board"), { recursive: true });
    await tamper("messages/1901-04-01-ada", (html) => html.replace('id="note-wicks"', 'id="note-gone"').replace('id="L3"', ""));
    await tamper("messages/1901-04-01-ada", (html) => html.replace('href="/messages/1901-04-02-ben/#L1"', 'href="/messages/1901-04-02-ben/#L9"'));
    const problems = await verifySite(site, model);
    expect(problems).toContain("message 1901-05-harbour-board: no page at /messages/1901-05-harbour-board/");
    expect(problems).toContain("note wicks: #note-wicks appears 0 times on /messages/1901-04-01-ada/, not once");
    expect(problems).toContain("message 1901-04-01-ada: line anchor #L3 appears 0 times");
    expect(problems).toContain("/messages/1901-04-01-ada/: link /messages/1901-04-02-ben/#L9 points at #L9, which /messages/1901-04-02-ben/ does not have");
    expect(problems).toContain("/messages/1901-04-01-ada/: link #L3 points at #L3, which /messages/1901-04-01-ada/ does not have");
  });
});
