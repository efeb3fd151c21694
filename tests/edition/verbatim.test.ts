// The edition's promise to its readers: every transcript line stands, word for word, in an article that the message
// lists as a source. The articles' wording is our own copy in source-quotations.yaml (the build never reads the
// articles), and the transcripts are checked as the site renders them, line by line.
import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { readEdition } from "../../src/pipeline/edition-build.ts";

/** Editorial omission marks, which are ours and never the sources'. */
const OMISSION = /\[(?:…|\.\.\.)\]/g;

/** Typographic and straight quotes and dashes count as the same; so does any run of whitespace. */
function normalise(text: string): string {
  return text
    .replace(OMISSION, " ")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

async function readQuotations(): Promise<Map<string, string[]>> {
  const text = await readFile(new URL("./source-quotations.yaml", import.meta.url), "utf8");
  const data: unknown = parse(text);
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new Error("source-quotations.yaml must map source ids to lists of passages");
  const quotations = new Map<string, string[]>();
  for (const [source, passages] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(passages) || !passages.every((passage): passage is string => typeof passage === "string"))
      throw new Error(`source-quotations.yaml: "${source}" must be a list of passages`);
    quotations.set(source, passages.map(normalise));
  }
  return quotations;
}

const root = process.cwd();
const { model, files } = await readEdition(root);
const quotations = await readQuotations();
const messages = model?.messages ?? [];

const DIRECT_MESSAGES = [
  "2016-09-20-wikileaks",
  "2016-09-21-trump-jr",
  "2016-10-03-wikileaks",
  "2016-10-03-trump-jr-1",
  "2016-10-03-trump-jr-2",
  "2016-10-12-wikileaks",
  "2016-10-21-wikileaks",
  "2016-11-08-wikileaks",
  "2016-11-09-wikileaks",
  "2016-12-16-wikileaks",
  "2017-07-11-wikileaks",
];

const POSTS_AND_STATEMENTS: Record<string, "public-post" | "statement"> = {
  "2016-10-02-roger-stone": "public-post",
  "2016-10-10-donald-trump": "statement",
  "2016-10-12-donald-trump": "public-post",
  "2016-10-14-trump-jr": "public-post",
  "2016-10-14-mike-pence": "statement",
  "2017-11-14-trump-jr": "public-post",
  "2017-11-alan-futerfas": "statement",
  "2017-11-pence-press-secretary": "statement",
};

describe("The edition", () => {
  test("builds its model without errors", () => {
    const errors = files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.path}: ${message.reason}`));
    expect(errors).toEqual([]);
    expect(model).toBeDefined();
  });

  test("reports no warnings on any file", () => {
    const warnings = files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`));
    expect(warnings).toEqual([]);
  });

  test("has at least eleven direct messages, including every one the articles quote", () => {
    const direct = messages.filter(({ message }) => message.kind === "direct-message").map(({ message }) => message.id);
    expect(direct.length).toBeGreaterThanOrEqual(11);
    expect(direct).toEqual(expect.arrayContaining(DIRECT_MESSAGES));
  });

  test("has the related public posts and statements, each of the right kind", () => {
    const kinds = new Map(messages.map(({ message }) => [message.id, message.kind]));
    for (const [id, kind] of Object.entries(POSTS_AND_STATEMENTS)) expect(kinds.get(id), `the edition should have ${id}`).toBe(kind);
  });

  test("has at least thirty annotations", () => {
    expect(model?.notes.length ?? 0).toBeGreaterThanOrEqual(30);
  });

  test("has a copy of the quoted wording of every source that a message lists", () => {
    const listed = new Set(messages.flatMap(({ message }) => message.sources.map((source) => source.id)));
    for (const id of listed) expect(model?.edition.sources.has(id), `${id} should be in edition/sources.yaml`).toBe(true);
    expect([...quotations.keys()].sort()).toEqual([...(model?.edition.sources.keys() ?? [])].sort());
  });
});

describe("Every transcript line", () => {
  test("is checked in at least one message", () => {
    expect(messages.reduce((count, { lines }) => count + lines.length, 0)).toBeGreaterThan(0);
  });

  for (const { message, lines } of messages) {
    test(`of ${message.id} stands word for word in a source the message lists`, () => {
      const listed = message.sources.map((source) => source.id);
      const passages = listed.flatMap((id) => quotations.get(id) ?? []);
      expect(lines.length, `${message.id} has no lines`).toBeGreaterThan(0);
      for (const line of lines) {
        const wanted = normalise(line.text);
        expect(wanted, `${message.id} #L${line.label} is empty once omission marks are removed`).not.toBe("");
        const found = passages.some((passage) => passage.includes(wanted));
        expect(
          found,
          `${message.id} #L${line.label} "${line.text}" is not in the quoted wording of ${listed.join(", ")}`,
        ).toBe(true);
      }
    });
  }
});
