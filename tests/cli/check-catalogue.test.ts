// `npm run check`: every mistake in the catalogue is reported at its place, as `path:line:col  severity  message
// [rule-id]` with a hint, all at once, and an error makes the command exit non-zero. One test per entry.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../src/cli/check.ts";
import { writeLineMap } from "../../src/cli/line-map.ts";
import { SITE_PATHS } from "../../src/load/page-name.ts";
import { isRuleId, RULES, type RuleId } from "../../src/load/rules.ts";
import { permalinks } from "../../src/site/urls.ts";
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
  const { report } = await check(root);
  // Every rule reported is one the registry documents, at the registry's severity, with the link to its entry.
  for (const [, severity, rule] of report.matchAll(/  (error|warning)  .*  \[([^\]]+)\]$/gm)) {
    expect(isRuleId(rule), `${rule} is not in src/load/rules.ts`).toBe(true);
    expect(RULES[rule as RuleId].severity).toBe(severity);
    expect(report).toContain(`docs/rules.md#${rule}`);
  }
  return report;
}
const edited = (file: string, search: string, replacement: string) => editedFixture("small", file, search, replacement);

describe("the check catalogue", () => {
  it("malformed YAML front matter", async () => {
    expect(await reportFor({ [ADA]: await edited(ADA, "from: ada", "from: [ada") })).toMatch(
      /content\/1901-04-01-ada\.md:\d+:\d+  error  Malformed YAML front matter: .+  \[yaml-syntax\]\n    hint: Check indentation/,
    );
  });

  it("a missing required field", async () => {
    expect(await reportFor({ [ADA]: await edited(ADA, "platform: Letter\n", "") })).toContain(`${ADA}:2:1  error  Missing required field "platform": expected text  [missing-field]`);
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
    expect(await reportFor({ [WICKS]: await edited(WICKS, "sources: [gazette]", "sources: gazette") })).toContain(`${WICKS}:7:10  error  Field "sources": expected a list, found text "gazette"  [wrong-type]`);
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

  it("a link with a malformed percent-escape: a warning in a transcript (its words stay), an error in a note", async () => {
    const report = await reportFor({
      [BEN]: `${(await edited(BEN, "never late.", "never late.")).trimEnd()}\nSee [the log](#%zz).\n`,
      [WICKS]: `${(await edited(WICKS, "kind: variant", "kind: variant")).trimEnd()}\nCompare [the reply](message:%zz).\n`,
    });
    expect(report).toContain(`${BEN}:14:5  warning  Link "#%zz" holds a malformed percent-escape, so it leads nowhere; its words are shown as text  [malformed-link]`);
    expect(report).toContain(`${WICKS}:10:9  error  Broken link "message:%zz": the id holds a malformed percent-escape  [broken-link]`);
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

  // Regression: a quote that never matched was attached to the nearest passage by approximate matching, with only
  // a warning, and could start or end inside a word.
  it("a quote that never matched, however close: an error whose hint is the nearest whole-word passage", async () => {
    const report = await reportFor({ [WICKS]: await edited(WICKS, "quote: wicks", "quote: new wick before the spring tide") });
    expect(report).toContain(
      `${WICKS}:5:10  error  Quote "new wick before the spring tide" not found in 1901-04-01-ada  [quote-not-found]\n    hint: The nearest passage is "new wicks before the spring tides" on line 2; if it is the one meant, write quote: "new wicks before the spring tides".`,
    );
    expect(report).not.toContain("[moved-note]");
  });

  it("a prefix or suffix that does not touch the quote", async () => {
    expect(await reportFor({ [WICKS]: (await edited(WICKS, "quote: wicks", "quote: wicks\n  prefix: \"old \"")) })).toContain(
      `${WICKS}:6:11  error  Quote "wicks" is in 1901-04-01-ada (line 2), but not with its prefix  [quote-not-found]\n    hint: The quote occurs only once: remove the prefix, or copy it exactly from the transcript (it must touch the quote).`,
    );
  });

  it("a published note whose line was corrected is reported as moved, with its old and new text, and --fix stores its new anchor", async () => {
    const file = "annotations/spring-tides.md";
    root = await makeEdition("small");
    await writeLineMap(root);
    const edit = async (name: string, change: (text: string) => string) => writeFile(path.join(root!, name), change(await readFile(path.join(root!, name), "utf8")));
    await edit(ADA, (text) => text.replace("before the *spring\ntides* arrive", "before the *spring\ntide* arrives"));
    await edit("edition/edition.yaml", (text) => text.replace("version: 1.0.0", "version: 1.1.0"));
    await writeFile(path.join(root, "edition/changelog.yaml"), "- version: 1.1.0\n  date: 2026-12-01\n  changes:\n    - {type: correction, message: 1901-04-01-ada, line: 3, description: The ledger reads tide.}\n");
    const { report, errors } = await check(root);
    expect(errors).toBe(0);
    expect(report).toContain(`${file}:5:10  warning  Note moved: "new wicks before the spring tides" is no longer in 1901-04-01-ada; it is now anchored to "new wicks before the spring\ntide" on line 2, where it was in version 1.0.0 (97% similar)  [moved-note]`);
    const fixed = await check(root, { fix: true });
    expect(fixed.fixed.map((f) => path.relative(root!, f.path))).toEqual([file]);
    expect(fixed.report).not.toContain("[moved-note]");
    expect(await readFile(path.join(root, file), "utf8")).toContain("  quote: new wicks before the spring tide\n  line: \"2\"");
  });

  it("the same correction to a note that no published version recorded: an error, not a move", async () => {
    const report = await reportFor({ [ADA]: await edited(ADA, "before the *spring\ntides* arrive", "before the *spring\ntide* arrives") });
    expect(report).toContain(`annotations/spring-tides.md:5:10  error  Quote "new wicks before the spring tides" not found in 1901-04-01-ada  [quote-not-found]`);
    expect(report).not.toContain("[moved-note]");
  });

  it("a published note whose passage is gone: an orphan, saying what and where it annotated", async () => {
    root = await makeEdition("small");
    await writeLineMap(root);
    const ada = path.join(root, ADA);
    await writeFile(ada, (await readFile(ada, "utf8")).replace("before the *spring\ntides* arrive", "at once\nplease"));
    const { report } = await check(root);
    expect(report).toContain(
      `annotations/spring-tides.md:5:10  error  Orphaned note: the passage it annotates, "new wicks before the spring tides", on lines 2–3 in version 1.0.0, is no longer there, not even approximately  [orphaned-note]`,
    );
  });

  // Regression: Eleventy stopped with a stack trace about two files writing /people/.
  it("an editorial page whose file name cannot be its address, or is a page of the site's own", async () => {
    const page = "---\ntitle: A page\n---\nText.\n";
    const report = await reportFor({ "edition/pages/people.md": page, "edition/pages/My Notes%.md": page });
    expect(report).toContain('edition/pages/people.md:1:1  error  The page\'s file name "people.md" is taken by the site\'s own /people/ page  [page-name]\n    hint: Give it another name, e.g. about-people.md.');
    expect(report).toContain('edition/pages/My Notes%.md:1:1  error  The page\'s file name "My Notes%.md" cannot be its address (/My Notes%/)  [page-name]\n    hint: Name it with lowercase letters, digits and hyphens, e.g. my-notes.md.');
    // Every path the site writes is among those no page may take.
    for (const permalink of Object.values(permalinks).map((make) => make("x" as never)))
      if (permalink !== "/x/" && permalink !== "/") expect(SITE_PATHS, permalink).toContain(permalink.split("/")[1]);
  });

  // Regression: zod's own words reached the editor ("expected Invalid URL", "Invalid string: must match pattern
  // /^\d+[a-z]?…/"), and an anchor with both quote and lines was told that lines is unknown ("Did you mean lines?").
  it("every schema error is in an editor's words, with what to write instead, for every kind of file", async () => {
    const report = await reportFor({
      [ADA]: (await edited(ADA, "platform: Letter", 'platform: ""\norder: -1\nurl: "javascript:alert(1)"\ninserted_after: [x2]\nwithdrawn_lines: [y]\nin_reply_to: Not An Id\ntitle: ""'))
        .replace("kind: letter", "kind: 3")
        .replace("sources: [gazette, { id: ledger, quote: \"on the first of April\" }]", "sources: []"),
      [BEN]: (await edited(BEN, "precision: day", "precision: exact")).replace("completeness: excerpt", "completeness: [x]"),
      [WICKS]: (await edited(WICKS, "quote: wicks", 'quote: ""\n  lines: 2')).replace("sources: [gazette]", "sources: []\ntitle: 5\nauthor: \"\""),
      "annotations/lamp-failing.md": (await edited("annotations/lamp-failing.md", "quote: lamp is failing", 'lines: "two"')).replace("kind: context", "kind: 5"),
      "edition/people.yaml": "- id: Ada\n  name: Ada Quill\n  kind: robot\n  handle: 3\n  citation_name: { family: 5 }\n",
      "edition/sources.yaml": "- id: gazette\n  short: The Gazette\n  kind: news article\n  publisher: null\n  title: null\n  author: null\n  published: May 1901\n  url: ftp://gazette\n",
      "edition/edition.yaml": "title: T\ndescription: D\neditors: []\nlicense: CC0\nlicense_url: nowhere\nbase_url: letters.example.org\nversion: \"1\"\npublished: 2026-01\nlanguage: English\npreview_image: { file: a.jpg }\n",
      "edition/changelog.yaml": "- version: 2\n  date: yesterday\n  changes: [{ type: fix }]\n",
      "edition/line-maps/1.0.0.json": JSON.stringify({ version: "1", messages: { "1901-04-01-ada": { first: "abc" } } }),
    });
    const errors = report.split("\n").filter((line) => line.includes("  error  "));
    expect(errors.length).toBeGreaterThan(25);
    // zod's wording, and regular expressions, never reach the editor.
    for (const line of report.split("\n")) expect(line).not.toMatch(/Invalid|Too (?:small|big)|received|must match|pattern|\/\^|expected (?:string|number|array|object|boolean)\b|Did you mean "lines"/);
    // Every error says how to fix it.
    const lines = report.split("\n");
    lines.forEach((line, i) => {
      if (line.includes("  error  ")) expect(lines[i + 1], line).toMatch(/^    hint: \S/);
    });
    expect(report).toContain(`${ADA}:6:6  error  Field "url": expected the message's web address starting with http:// or https://, found text "javascript:alert(1)"  [invalid-field]`);
    expect(report).toContain(`${ADA}:7:18  error  Field "inserted_after": expected a line number such as 3, or 3a for a line inserted after line 3, found text "x2"  [invalid-field]`);
    expect(report).toContain(`${WICKS}:5:3  error  Field "anchor": an anchor is either a quote or a line range, not both  [invalid-field]\n    hint: Keep quote (with its prefix or suffix) to anchor to words, or lines to anchor to whole lines, and delete the other.`);
    expect(report).toContain('annotations/lamp-failing.md:5:10  error  Field "anchor.lines": expected a line number or a range of lines, such as 3 or "2-4", found text "two"  [invalid-field]');
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
