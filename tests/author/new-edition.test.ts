// An editor starting from nothing: `new edition` gives an edition that checks clean and builds; people and a
// source are added; `new message` writes a transcript; `new note` anchors a note to words that occur more than
// once, and the built page marks the occurrence that was meant; a quote that is not there is refused.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorError } from "../../src/author/author-error.ts";
import { MESSAGE_BODY_PLACEHOLDER, newMessage } from "../../src/author/new-message.ts";
import { newNote } from "../../src/author/new-note.ts";
import { newPerson } from "../../src/author/new-person.ts";
import { newSource } from "../../src/author/new-source.ts";
import { scaffoldEdition } from "../../src/author/scaffold-edition.ts";
import { build } from "../../src/cli/build.ts";
import { check } from "../../src/cli/check.ts";
import { markOf, messagePageLines, tempDir } from "./helpers.ts";

let root: string;
beforeAll(async () => {
  root = path.join(await tempDir("author-new-"), "harbour");
  await scaffoldEdition(root, { title: "The Harbour Letters", today: new Date("2026-05-01T12:00:00Z") });
});
afterAll(() => rm(path.dirname(root), { recursive: true, force: true }));

const BODY = "The morning boat is late again.\nWe wait for the morning boat; the morning boat brings the wicks.\n";

async function refusal(promise: Promise<unknown>): Promise<AuthorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthorError);
  return error as AuthorError;
}

describe("new edition", () => {
  it("passes check with no errors, and a warning at each TODO the editor has still to settle", async () => {
    const result = await check(root);
    expect(result.errors).toBe(0);
    const meta = (await readFile(path.join(root, "edition/edition.yaml"), "utf8")).split("\n");
    const todoLines = meta.flatMap((line, i) => (/#\s*TODO:/.test(line) ? [i + 1] : []));
    expect(todoLines.length).toBeGreaterThan(3);
    const warned = [...result.report.matchAll(/^edition\/edition\.yaml:(\d+):\d+ {2}warning {2}Line \d+ still holds a placeholder: .* {2}\[placeholder\]$/gm)].map((m) => Number(m[1]));
    expect(warned).toEqual(todoLines);
    // And the introduction, whose text is still the scaffold's.
    expect(result.report).toMatch(/^edition\/pages\/introduction\.md:\d+:1 {2}warning {2}Line \d+ still holds a placeholder: "TODO: /m);
    expect(result.summary).toBe(`0 errors, ${todoLines.length + 1} warnings`);
  });

  it("marks what only the editor can decide with TODO, and leaves content/ and annotations/ without .md files", async () => {
    const meta = await readFile(path.join(root, "edition/edition.yaml"), "utf8");
    expect(meta).toContain("title: The Harbour Letters\n");
    expect(meta).toMatch(/^base_url: https:\/\/example\.org\/ {2}# TODO: /m);
    expect(meta).toMatch(/^license: .* {2}# TODO: /m);
    expect(meta).toMatch(/^published: 2026-05 {2}# TODO: /m);
    expect(await readdir(path.join(root, "content"))).toEqual([".gitkeep"]);
    expect(await readdir(path.join(root, "annotations"))).toEqual([".gitkeep"]);
    expect(await readFile(path.join(root, "edition/pages/introduction.md"), "utf8")).toMatch(/^---\ntitle: Introduction\n/);
  });

  it("refuses to start a second edition over the first, and writes nothing", async () => {
    const before = await readFile(path.join(root, "edition/edition.yaml"), "utf8");
    const error = await refusal(scaffoldEdition(root, { title: "Another" }));
    expect(error.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^7 of the files already exist in .*harbour\/ \(edition\/edition\.yaml, .*\); none was overwritten$/)]);
    expect(await readFile(path.join(root, "edition/edition.yaml"), "utf8")).toBe(before);
  });
});

describe("adding to it", () => {
  it("adds people and a source to the scaffold's empty lists, keeping their comments", async () => {
    await newPerson({ edition: root, name: "Ada Quill", id: "ada" });
    await newPerson({ edition: root, name: "Ben Moor" });
    await newSource({ edition: root, short: "The Gazette", id: "gazette", published: "1901-05" });
    const people = await readFile(path.join(root, "edition/people.yaml"), "utf8");
    expect(people).toContain("# Everyone who sends or receives a message");
    expect(people).not.toMatch(/^\[\]$/m);
    expect(people).toContain("- id: ada\n  name: Ada Quill\n  kind: person\n- id: ben-moor\n  name: Ben Moor\n  kind: person\n");
    const checked = await check(root);
    expect(checked.errors).toBe(0);
    // Only the scaffold's own placeholders are left to settle.
    expect(checked.report.split("\n").filter((line) => /  (warning|error)  /.test(line)).every((line) => line.includes("[placeholder]") && line.startsWith("edition/"))).toBe(true);
  });

  it("refuses a message from someone not in people.yaml, listing who is", async () => {
    const error = await refusal(newMessage({ edition: root, from: "carol", to: ["ada", "dan"], sent: "1901-04-01T09:30+00:00" }));
    expect(error.problems).toEqual([
      { message: '--from: "carol" is not a person in edition/people.yaml', hint: expect.stringContaining("Use one of the ids there (ada, ben-moor)") },
      { message: '--to: "dan" is not a person in edition/people.yaml', hint: expect.stringContaining("(ada, ben-moor)") },
    ]);
    expect(await readdir(path.join(root, "content"))).toEqual([".gitkeep"]);
  });

  it("refuses a timestamp that is not ISO 8601 with its offset", async () => {
    const error = await refusal(newMessage({ edition: root, from: "ada", to: ["ben-moor"], sent: "1901-04-01T09:30" }));
    expect(error.problems[0]?.message).toBe('--sent: "1901-04-01T09:30" has no time zone');
  });

  it("writes a transcript with every required field, the id made from date and sender, precision from the timestamp", async () => {
    const result = await newMessage({ edition: root, from: "ada", to: ["ben-moor"], sent: "1901-04-01T09:30+00:00", kind: "letter" });
    expect(path.relative(root, result.path)).toBe("content/1901-04-01-ada.md");
    const text = await readFile(result.path, "utf8");
    expect(text).toBe(
      [
        "---",
        "id: 1901-04-01-ada",
        "kind: letter",
        'platform: Letter  # TODO: the channel as the sources name it, e.g. "Twitter direct message"',
        "from: ada",
        "to: [ben-moor]",
        "sent: 1901-04-01T09:30+00:00",
        "precision: minute  # from the form of sent; use hour, day, month or approximate (with time_note) if the sources are vaguer",
        "completeness: complete  # TODO: or excerpt, if the sources print only part of the message",
        "sources: [todo-source]  # TODO: the ids of the sources that print this message (edition/sources.yaml)",
        "---",
        MESSAGE_BODY_PLACEHOLDER,
      ].join("\n"),
    );
    // The one thing check must flag: no source has been named yet.
    const checked = await check(root);
    expect(checked.errors).toBe(1);
    expect(checked.report).toContain('content/1901-04-01-ada.md:10:11  error  Unknown source id "todo-source"  [unknown-source]');
  });

  it("numbers a second message from the same sender on the same day, and refuses to reuse a given id", async () => {
    const second = await newMessage({ edition: root, from: "ada", to: ["ben-moor"], sent: "1901-04-01", kind: "letter", sources: ["gazette"] });
    expect(second.id).toBe("1901-04-01-ada-2");
    expect(second.derivedIdTaken).toBe("1901-04-01-ada");
    expect(await readFile(second.path, "utf8")).toContain("\nprecision: day  # from the form of sent");
    await rm(second.path);
    const error = await refusal(newMessage({ edition: root, from: "ada", to: ["ben-moor"], sent: "1901-04-02", id: "1901-04-01-ada" }));
    expect(error.problems[0]?.message).toBe('A message "1901-04-01-ada" already exists (content/1901-04-01-ada.md); it was not overwritten');
  });

  it("anchors a note to the first occurrence of an ambiguous quote with the shortest prefix that singles it out", async () => {
    const file = path.join(root, "content/1901-04-01-ada.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(MESSAGE_BODY_PLACEHOLDER, BODY).replace(/^sources: .*$/m, "sources: [gazette]"));
    const first = await newNote({ edition: root, message: "1901-04-01-ada", quote: "morning boat", sources: ["gazette"] });
    expect(first.id).toBe("morning-boat");
    expect(first.anchored.anchor).toEqual({ quote: "morning boat", prefix: "The " });
    expect(first.anchored.occurrences).toBe(3);
    expect(first.anchored.occurrenceLines).toEqual(["1", "2", "2"]);
    expect(await readFile(first.path, "utf8")).toBe(
      [
        "---",
        "id: morning-boat",
        "target: 1901-04-01-ada",
        "anchor:",
        "  quote: morning boat",
        '  prefix: "The "  # chosen so that the quote is found once only',
        "  line: 1",
        "kind: context",
        "sources: [gazette]",
        "---",
        "TODO: write the note.\n",
      ].join("\n"),
    );
  });

  it("anchors another note to the third occurrence, which one word before it does not single out", async () => {
    const third = await newNote({ edition: root, message: "1901-04-01-ada", quote: "morning boat", occurrence: 3, kind: "aftermath", title: "The boat arrives", sources: ["gazette"] });
    expect(third.id).toBe("the-boat-arrives");
    // "the " also precedes the second occurrence, so two words are needed.
    expect(third.anchored.anchor).toEqual({ quote: "morning boat", prefix: "boat; the " });
    expect(third.anchored.firstLine).toBe("2");
  });

  it("anchors a note to whole lines", async () => {
    const lines = await newNote({ edition: root, message: "1901-04-01-ada", lines: "1-2", kind: "silence", sources: ["gazette"] });
    expect(lines.anchored.anchor).toEqual({ lines: "1-2" });
    expect(await readFile(lines.path, "utf8")).toContain("anchor:\n  lines: 1-2\nkind: silence\n");
  });

  it("refuses a quote that is not in the message, offering the near match the anchoring code finds", async () => {
    const missing = await refusal(newNote({ edition: root, message: "1901-04-01-ada", quote: "lamp" }));
    expect(missing.problems[0]?.message).toBe('--quote: "lamp" is not in 1901-04-01-ada');
    const near = await refusal(newNote({ edition: root, message: "1901-04-01-ada", quote: "evening boat is late" }));
    expect(near.problems[0]).toEqual({
      message: '--quote: "evening boat is late" is not in 1901-04-01-ada as written; the nearest passage is "morning boat is late" on line 1',
      hint: 'If that is the passage, copy it exactly: --quote "morning boat is late".',
    });
    const lines = await refusal(newNote({ edition: root, message: "1901-04-01-ada", lines: "2-4" }));
    expect(lines.problems[0]?.message).toBe('--lines: Line range "2-4" is not in 1901-04-01-ada, which has lines 1–2');
    const occurrence = await refusal(newNote({ edition: root, message: "1901-04-01-ada", quote: "morning boat", occurrence: 4 }));
    expect(occurrence.problems[0]?.message).toBe("--occurrence 4: the quote occurs only 3 times in 1901-04-01-ada (lines 1, 2, 2)");
    expect((await readdir(path.join(root, "annotations"))).sort()).toEqual([".gitkeep", "1901-04-01-ada-lines-1-2.md", "morning-boat.md", "the-boat-arrives.md"]);
  });

  it("checks clean, builds, and the page marks the occurrences that were meant", async () => {
    const checked = await check(root);
    expect(checked.errors).toBe(0);
    // The notes still say "TODO: write the note.", and edition.yaml keeps the scaffold's TODOs: warned, not failed.
    const problems = checked.report.split("\n").filter((line) => /  (warning|error)  /.test(line));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((line) => line.includes("[placeholder]"))).toBe(true);
    expect(problems.some((line) => line.startsWith("annotations/morning-boat.md:11:1  warning  Line 11 still holds a placeholder"))).toBe(true);
    await build(root);
    const lines = await messagePageLines(path.join(root, "_site"), "1901-04-01-ada");
    expect(lines.map((line) => line.text)).toEqual(BODY.trim().split("\n"));
    expect(markOf(lines, "morning-boat")).toEqual({ line: "L1", before: "The ", marked: "morning boat" });
    expect(markOf(lines, "the-boat-arrives")).toEqual({ line: "L2", before: "We wait for the morning boat; the ", marked: "morning boat" });
  }, 120_000);
});
