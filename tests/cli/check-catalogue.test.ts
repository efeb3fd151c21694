// `npm run check`: every mistake in the catalogue is reported at its place, as `path:line:col  severity  message
// [rule-id]` with a hint, all at once, and an error makes the command exit non-zero. One test per entry.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../src/cli/check.ts";
import { editedFixture, makeEdition, PROJECT_ROOT, removeEdition, type EditionChanges } from "../helpers/edition.ts";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeEdition(root);
  root = undefined;
});

const ADA = "content/1901-04-01-ada.md";
const BEN = "content/1901-04-02-ben.md";
const WICKS = "annotations/wicks.md";

async function reportFor(changes: EditionChanges): Promise<string> {
  root = await makeEdition("small", changes);
  return (await check(root)).report;
}
const edited = (file: string, search: string, replacement: string) => editedFixture("small", file, search, replacement);

describe("the check catalogue", () => {
  it("malformed YAML front matter", async () => {
    expect(await reportFor({ [ADA]: await edited(ADA, "from: ada", "from: [ada") })).toMatch(
      /content\/1901-04-01-ada\.md:\d+:\d+  error  Malformed YAML front matter: .+  \[yaml-syntax\]\n    hint: Check indentation/,
    );
  });

  it("a missing required field", async () => {
    expect(await reportFor({ [ADA]: await edited(ADA, "platform: Letter\n", "") })).toContain(`${ADA}:2:1  error  Missing required field "platform": expected string  [missing-field]`);
  });

  it("a message's language that is not a language tag", async () => {
    const report = await reportFor({ [BEN]: await edited(BEN, "completeness: excerpt\n", "completeness: excerpt\nlanguage: Japanese\n") });
    expect(report).toMatch(/content\/1901-04-02-ben\.md:10:11  error  [^\n]*"language"[^\n]*such as ja[^\n]*"Japanese"[^\n]*  \[invalid-field\]/);
  });

  it("an unknown field, with a did-you-mean suggestion", async () => {
        const report = await reportFor({ [ADA]: await edited(ADA, "completeness:", "completness:") });
    expect(report).toContain(`${ADA}:9:1  error  Unknown field "completness"  [unknown-field]\n    hint: Did you mean "completeness"?`);
    expect(report).not.toContain("[missing-field]");
  });

  it("a wrong type", async () => {
    expect(await reportFor({ [WICKS]: await edited(WICKS, "sources: [gazette]", "sources: gazette") })).toContain(`${WICKS}:7:10  error  Field "sources": expected array, found string "gazette"  [wrong-type]`);
  });

  it("an invalid date", async () => {
    expect(await reportFor({ [BEN]: await edited(BEN, "sent: 1901-04-02", "sent: 2 April 1901") })).toContain(`${BEN}:7:7  error  Field "sent": "2 April 1901" is not an ISO 8601 date or timestamp  [invalid-date]`);
  });

  it("an impossible date", async () => {
    expect(await reportFor({ [BEN]: await edited(BEN, "sent: 1901-04-02", "sent: 1901-02-30") })).toContain(`${BEN}:7:7  error  Field "sent": "1901-02-30" is not a real date or time (check the month, day, hour and offset)  [invalid-date]`);
  });

  it("a missing time zone", async () => {
    expect(await reportFor({ [ADA]: await edited(ADA, "09:30+00:00", "09:30") })).toContain(`${ADA}:7:7  error  Field "sent": "1901-04-01T09:30" has no time zone  [invalid-date]\n    hint: Add the UTC offset`);
  });

  it("a precision that contradicts the timestamp", async () => {
    expect(await reportFor({ [BEN]: await edited(BEN, "precision: day", "precision: minute") })).toContain(`${BEN}:8:12  error  Field "precision": precision "minute" needs a time of day, but sent is only "1901-04-02"  [invalid-date]`);
  });

  it("an unknown sender, recipient or source id", async () => {
    const report = await reportFor({ [BEN]: (await edited(BEN, "from: ben", "from: benn")).replace("to: [ada]", "to: [adda]").replace("sources: [gazette]", "sources: [gazzette]") });
    expect(report).toContain(`${BEN}:5:7  error  Unknown sender "benn"  [unknown-person]`);
    expect(report).toContain(`${BEN}:6:6  error  Unknown recipient "adda"  [unknown-person]`);
    expect(report).toContain(`${BEN}:10:11  error  Unknown source id "gazzette"  [unknown-source]`);
  });

  it("duplicate message and annotation ids, naming both files", async () => {
    const report = await reportFor({
      "content/zz-ada-again.md": await edited(ADA, "id:", "id:"),
      "annotations/zz-wicks-again.md": await edited(WICKS, "id:", "id:"),
    });
    expect(report).toContain(`content/zz-ada-again.md:2:5  error  Duplicate message id "1901-04-01-ada", also used by ${ADA}  [duplicate-id]`);
    expect(report).toContain(`annotations/zz-wicks-again.md:2:5  error  Duplicate annotation id "wicks", also used by ${WICKS}  [duplicate-id]`);
  });

  it("an annotation whose target does not exist", async () => {
    expect(await reportFor({ [WICKS]: await edited(WICKS, "target: 1901-04-01-ada", "target: 1901-04-09-ada") })).toContain(`${WICKS}:3:9  error  The target message "1901-04-09-ada" does not exist  [unknown-target]`);
  });

  it("a quote not found", async () => {
    expect(await reportFor({ [WICKS]: await edited(WICKS, "quote: wicks", "quote: wiks") })).toContain(`${WICKS}:5:10  error  Quote "wiks" not found in 1901-04-01-ada  [quote-not-found]`);
  });

  it("a quote found more than once, with how many times and a prefix or suffix that makes it unique", async () => {
    expect(await reportFor({ [WICKS]: await edited(WICKS, "quote: wicks", "quote: the") })).toContain(
      `${WICKS}:5:10  error  Quote "the" matches 2 places in 1901-04-01-ada (lines 2, 4)  [ambiguous-quote]\n    hint: Add a prefix or suffix, e.g. prefix: "before " for the match on line 2.`,
    );
  });

  it("a line range out of bounds", async () => {
    const file = "annotations/whole-letter.md";
    expect(await reportFor({ [file]: await edited(file, 'lines: "1-2"', 'lines: "4-5"') })).toContain(`${file}:5:10  error  Line range "4-5" is not in 1901-04-01-ada, which has lines 1–4  [line-out-of-range]`);
  });

  it("a broken cross-link from a note to a message or line", async () => {
    const file = "annotations/spring-tides.md";
    expect(await reportFor({ [file]: await edited(file, "message:1901-04-02-ben", "message:1901-04-03-ben") })).toContain(
      `${file}:9:32  error  Broken link "message:1901-04-03-ben": no message has the id "1901-04-03-ben"  [broken-link]`,
    );
  });

  it("a transcript containing {{, {% or raw HTML: a warning, and the build goes on", async () => {
    const file = "content/1901-05-harbour-board.md";
    const report = await reportFor({ [file]: await edited(file, "The lamp has been repaired.", "The lamp {% if %} has been repaired.") });
    expect(report).toContain(`${file}:11:38  warning  Raw HTML is shown as text, not interpreted: "<b>"  [raw-html]`);
    expect(report).toContain(`${file}:11:1  warning  Line 1 contains template syntax ({{ or {%), which is shown as text  [template-syntax]`);
    expect((await check(root!)).errors).toBe(0);
  });

  it("a UTF-8 byte-order mark and Windows line endings: warnings, fixed by --fix", async () => {
    const text = await readFile(path.join(PROJECT_ROOT, "tests/fixtures/small", ADA), "utf8");
    const report = await reportFor({ [ADA]: `\uFEFF${text.replace(/\n/g, "\r\n")}` });
    expect(report).toContain(`${ADA}:1:1  warning  The file starts with a UTF-8 byte-order mark (BOM)  [bom]`);
    expect(report).toContain(`${ADA}:1:1  warning  The file has Windows (CRLF) or old Mac (CR) line endings  [line-endings]`);
    const fixed = await check(root!, { fix: true });
    expect(fixed.report).not.toContain("[bom]");
    expect(await readFile(path.join(root!, ADA), "utf8")).toBe(text);
  });

  it("bytes that are not UTF-8, at the line where they are", async () => {
    const latin1 = Buffer.from((await edited(ADA, "lighthouse", "lighthouse caf\u00e9")).replace("café", "caf_"), "utf8");
    latin1[latin1.indexOf("caf_") + 3] = 0xe9;
    expect(await reportFor({ [ADA]: latin1 })).toContain(`${ADA}:12:1  error  The file is not valid UTF-8  [encoding]`);
  });

  it("a TODO placeholder left in a transcript, a note or a front-matter comment: a warning at its line", async () => {
    const report = await reportFor({
      [ADA]: await edited(ADA, "platform: Letter\n", "platform: Letter  # TODO: the channel\n"),
      [WICKS]: `${(await readFile(path.join(PROJECT_ROOT, "tests/fixtures/small", WICKS), "utf8")).trimEnd()}\nTODO: say where the wicks came from.\n`,
    });
    expect(report).toContain(`${ADA}:4:21  warning  Line 4 still holds a placeholder: "platform: Letter  # TODO: the channel"  [placeholder]`);
    expect(report).toMatch(/annotations\/wicks\.md:(\d+):1 {2}warning {2}Line \1 still holds a placeholder: "TODO: say where the wicks came from\."  \[placeholder\]/);
    expect(report).not.toContain("error");
  });

  it("an empty file", async () => {
    expect(await reportFor({ "annotations/empty.md": "  \n" })).toContain("annotations/empty.md:1:1  error  The file is empty  [empty-file]");
  });

  it("files that the pipeline does not understand, named in a warning", async () => {
    const report = await reportFor({ "content/notes.txt": "stray", "annotations/draft.markdown": "stray" });
    expect(report).toContain("content/notes.txt:1:1  warning  The pipeline does not read this file: only .md files in content/ are read, as transcripts  [unknown-file]");
    expect(report).toContain("annotations/draft.markdown:1:1  warning  The pipeline does not read this file");
  });

  it("a moved note is reported with its old and new text, and --fix stores its new anchor", async () => {
    const file = "annotations/spring-tides.md";
    root = await makeEdition("small", { [ADA]: await edited(ADA, "before the *spring\ntides* arrive", "before the *spring\ntide* arrives") });
    const { report } = await check(root);
    expect(report).toContain(`${file}:5:10  warning  Note moved: "new wicks before the spring tides" is no longer in 1901-04-01-ada; it is now anchored to "new wicks before the spring\ntide" on line 2 (97% similar)  [moved-note]`);
    const fixed = await check(root, { fix: true });
    expect(fixed.fixed.map((f) => path.relative(root!, f.path))).toEqual([file]);
    expect(fixed.report).not.toContain("[moved-note]");
    expect(await readFile(path.join(root, file), "utf8")).toContain("  quote: new wicks before the spring tide\n  line: \"2\"");
  });

  it("reports every problem at once and exits non-zero", async () => {
    root = await makeEdition("small", {
      [ADA]: await edited(ADA, "from: ada", "from: nobody"),
      [WICKS]: await edited(WICKS, "kind: variant", "kind: varient"),
      "annotations/empty.md": "",
    });
    const run = promisify(execFile)(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(PROJECT_ROOT, "src/cli/check.ts")], { cwd: root });
    const failure = await run.then(() => undefined, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.match(/  error  /g)).toHaveLength(3);
    expect(failure?.stderr).toContain("✖ 3 errors");
  });
});
