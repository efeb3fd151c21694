// Importing the documented examples (examples/import/) into a new edition: it checks clean, builds, and every
// line of every message is a line of its page showing exactly the original characters, `#`-lines and `{{ }}`
// included. A bad row is reported by row, field and line, and nothing is written.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorError } from "../../src/author/author-error.ts";
import { importMessages, type ImportResult } from "../../src/author/import-messages.ts";
import { scaffoldEdition } from "../../src/author/scaffold-edition.ts";
import { build } from "../../src/cli/build.ts";
import { check } from "../../src/cli/check.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";
import { messagePageLines, tempDir } from "./helpers.ts";

const EXAMPLES = path.join(PROJECT_ROOT, "examples", "import");
let root: string;
let csv: ImportResult;
let json: ImportResult;

/** The examples' messages, read independently of the import code. */
async function originals(): Promise<{ csv: Array<Record<string, string>>; json: Array<Record<string, unknown>> }> {
  return {
    csv: parseCsv(await readFile(path.join(EXAMPLES, "messages.csv"), "utf8"), { columns: true }),
    json: JSON.parse(await readFile(path.join(EXAMPLES, "messages.json"), "utf8")),
  };
}

/** What a reader must see of a message: each non-blank line, without the spaces at its ends that HTML cannot show. */
const visibleLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ""))
    .filter(Boolean);

beforeAll(async () => {
  root = path.join(await tempDir("author-import-"), "choir");
  await scaffoldEdition(root, { title: "The Choir Letters" });
  csv = await importMessages({ file: path.join(EXAMPLES, "messages.csv"), edition: root });
  json = await importMessages({ file: path.join(EXAMPLES, "messages.json"), edition: root });
});
afterAll(() => rm(path.dirname(root), { recursive: true, force: true }));

describe("importing the examples", () => {
  it("writes one transcript per row, ids from date and sender unless the row gives one", () => {
    expect(csv.messages.map((message) => [message.row, message.id])).toEqual([
      [2, "2024-05-01-mira-kovac"],
      [3, "2024-05-01-jonas-berg"],
      [4, "2024-05-01-ana-silva"],
      [5, "2024-05-03-mira-kovac"],
    ]);
    expect(json.messages.map((message) => [message.row, message.id])).toEqual([
      [1, "2024-05-08-jonas-berg"],
      [2, "2024-05-08-mira-kovac"],
      [3, "2024-05-09-folders"],
    ]);
  });

  it("adds unknown people once, with ids from their names, and matches them by name in the next import", async () => {
    expect(csv.addedPeople).toEqual([
      { id: "mira-kovac", name: "Mira Kovač" },
      { id: "jonas-berg", name: "Jonas Berg" },
      { id: "ana-silva", name: "Ana Silva" },
    ]);
    expect(json.addedPeople).toEqual([]);
    const people = await readFile(path.join(root, "edition/people.yaml"), "utf8");
    expect(people).toContain("# Everyone who sends or receives a message");
    expect(people).toContain("# Added by npm run import from messages.csv");
    const transcript = await readFile(path.join(root, "content/2024-05-08-mira-kovac.md"), "utf8");
    expect(transcript).toContain("\nfrom: mira-kovac\nto: [jonas-berg, ana-silva]\n");
    expect(transcript).toContain("\nsources: [messages-json]\n");
  });

  it("passes check with no errors", async () => {
    const result = await check(root);
    expect(result.errors, result.report).toBe(0);
  });

  it("builds, and every line of every message is a line of its page, exactly as written", async () => {
    await build(root);
    const site = path.join(root, "_site");
    const { csv: csvRows, json: jsonRows } = await originals();
    const expected = [
      ...csv.messages.map((message) => [message.id, csvRows[message.row - 2]!.text!] as const),
      ...json.messages.map((message) => [message.id, String(jsonRows[message.row - 1]!.text)] as const),
    ];
    expect(expected).toHaveLength(7);
    for (const [id, text] of expected) {
      const lines = await messagePageLines(site, id);
      expect(lines.map((line) => line.text), id).toEqual(visibleLines(text));
      expect(lines.map((line) => line.id), id).toEqual(visibleLines(text).map((_, i) => `L${i + 1}`));
    }
    const agenda = await messagePageLines(site, "2024-05-01-mira-kovac");
    expect(agenda.map((line) => line.text)).toContain("# Agenda");
    expect(agenda.map((line) => line.text)).toContain("1. Warm-up");
    const merge = await messagePageLines(site, "2024-05-01-ana-silva");
    expect(merge[0]?.text).toBe("The sign-up form still says {{ first_name }} at the top: the mail merge broke.");
    const raw = await messagePageLines(site, "2024-05-08-mira-kovac");
    expect(raw[1]?.text).toBe("{% raw %} stays as typed, {{ and so does this }}");
  }, 120_000);

  it("leaves {{ and {% untouched in the transcript file, and escapes only what Markdown would act on", async () => {
    const file = await readFile(path.join(root, "content/2024-05-08-mira-kovac.md"), "utf8");
    expect(file).toContain("\n{% raw %} stays as typed, {{ and so does this }}\n\\+ one spare\n3\\) three are torn\n");
    const jonas = await readFile(path.join(root, "content/2024-05-01-jonas-berg.md"), "utf8");
    expect(jonas).toContain("\nI'll bring the \\*spare\\* stands and the \\[old\\] scores_2023.\n");
  });

  it("says which lines lost spaces at their ends", () => {
    expect(json.messages.find((message) => message.id === "2024-05-09-folders")?.trimmedLines).toEqual([4]);
  });

  it("refuses to import the same file again, naming every clash, and writes nothing", async () => {
    const before = await readdir(path.join(root, "content"));
    const error = await importMessages({ file: path.join(EXAMPLES, "messages.csv"), edition: root }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthorError);
    expect((error as AuthorError).problems.map((problem) => problem.message)).toEqual([
      "Row 2: the message would be content/2024-05-01-mira-kovac.md, which already exists (was this file imported before?)",
      "Row 3: the message would be content/2024-05-01-jonas-berg.md, which already exists (was this file imported before?)",
      "Row 4: the message would be content/2024-05-01-ana-silva.md, which already exists (was this file imported before?)",
      "Row 5: the message would be content/2024-05-03-mira-kovac.md, which already exists (was this file imported before?)",
    ]);
    expect(await readdir(path.join(root, "content"))).toEqual(before);
  });
});

describe("a bad row", () => {
  it("is reported by row number, field and line, and nothing at all is written", async () => {
    const dir = await tempDir("author-bad-row-");
    const edition = path.join(dir, "edition");
    await scaffoldEdition(edition);
    const file = path.join(dir, "bad.csv");
    await writeFile(file, 'sender,recipients,timestamp,text\nAda,Ben,2024-05-01T09:30+02:00,"fine"\nAda,Ben,,"no time\nat all"\nBen,Ada,2024-05-03,"also fine"\n');
    const peopleBefore = await readFile(path.join(edition, "edition/people.yaml"), "utf8");
    const error = await importMessages({ file, edition }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthorError);
    expect((error as AuthorError).problems).toEqual([
      {
        message: "Row 3: timestamp: missing; expected the time the message was sent, in ISO 8601",
        hint: "Write it as 2024-05-01T09:30+02:00 (with the UTC offset), 2024-05-01, or 2024-05.",
        file,
        place: { line: 3, column: 1 },
        ruleId: "import-row",
      },
    ]);
    expect(await readdir(path.join(edition, "content"))).toEqual([".gitkeep"]);
    expect(await readFile(path.join(edition, "edition/people.yaml"), "utf8")).toBe(peopleBefore);
    await rm(dir, { recursive: true, force: true });
  });

  it("in JSON is located at the field", async () => {
    const dir = await tempDir("author-bad-json-");
    const edition = path.join(dir, "edition");
    await scaffoldEdition(edition);
    const file = path.join(dir, "bad.json");
    await writeFile(file, '[\n  { "sender": "Ada", "recipients": ["Ben"], "timestamp": "2024-05-01", "text": "ok" },\n  { "sender": "Ada", "recipients": ["Ben"],\n    "timestamp": "1 May 2024", "text": "x" }\n]\n');
    const error = (await importMessages({ file, edition }).catch((caught: unknown) => caught)) as AuthorError;
    expect(error.problems.map(({ message, place }) => ({ message, place }))).toEqual([
      { message: 'Row 2: timestamp: "1 May 2024" is not an ISO 8601 date or timestamp', place: { line: 4, column: 18 } },
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});
