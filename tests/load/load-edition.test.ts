// The load stage's errors: each names the file, the line and column of the field, what was expected, and a fix.
import { afterEach, describe, expect, it } from "vitest";
import { formatReport } from "../../src/load/diagnostics.ts";
import { loadEdition } from "../../src/load/load-edition.ts";
import { editedFixture, makeEdition, removeEdition } from "../helpers/edition.ts";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeEdition(root);
  root = undefined;
});

async function reportFor(changes: Record<string, string | null>): Promise<string> {
  root = await makeEdition("small", changes);
  const { files } = await loadEdition(root);
  return formatReport(files, root);
}

const ADA = "content/1901-04-01-ada.md";

describe("loading an edition", () => {
  it("loads the fixture without problems, in thread order", async () => {
    root = await makeEdition("small");
    const { edition, files } = await loadEdition(root);
    expect(formatReport(files, root)).toBe("");
    expect(edition?.messages.map((m) => m.id)).toEqual(["1901-04-01-ada", "1901-04-02-ben", "1901-05-harbour-board"]);
    expect(edition?.annotationCount).toBe(5);
  });

  it("reports a missing required field at its mapping, with the expected type", async () => {
    const report = await reportFor({ [ADA]: await editedFixture("small", ADA, "from: ada\n", "") });
    expect(report).toContain(`${ADA}:2:1  error  Missing required field "from": expected text  [missing-field]`);
    expect(report).toContain("hint: Use a person id from edition/people.yaml.");
  });

  it("reports an unknown field at its key and suggests the field meant", async () => {
    const report = await reportFor({ [ADA]: await editedFixture("small", ADA, "precision: minute", "precision: minute\nprecison: minute") });
    expect(report).toContain(`${ADA}:9:1  error  Unknown field "precison"  [unknown-field]`);
    expect(report).toContain('hint: Did you mean "precision"?');
  });

  it("reports a wrong type at the value, saying what was found", async () => {
    const report = await reportFor({ [ADA]: await editedFixture("small", ADA, "to: [ben]", "to: ben") });
    expect(report).toContain(`${ADA}:6:5  error  Field "to": expected a list, found text "ben"  [wrong-type]`);
  });

  it("reports a kind that is not one of the choices, with the nearest one", async () => {
    const report = await reportFor({ [ADA]: await editedFixture("small", ADA, "kind: letter", "kind: leter") });
    expect(report).toContain(`${ADA}:3:7  error  Field "kind": expected one of "direct-message", "email", "letter", "public-post", "statement", found text "leter"  [invalid-field]`);
    expect(report).toContain('hint: Did you mean "letter"?');
  });

  it("reports malformed YAML at the line where it breaks", async () => {
    const report = await reportFor({ [ADA]: await editedFixture("small", ADA, "to: [ben]", "to: [ben") });
    expect(report).toMatch(new RegExp(`^${ADA}:7:1  error  Malformed YAML front matter: .*  \\[yaml-syntax\\]`, "m"));
  });

  it("reports a key given twice at the second one", async () => {
    const report = await reportFor({ [ADA]: await editedFixture("small", ADA, "kind: letter", "kind: letter\nkind: email") });
    expect(report).toMatch(new RegExp(`^${ADA}:4:1  error  Malformed YAML front matter: Map keys must be unique  \\[yaml-syntax\\]`, "m"));
  });

  it("never runs front matter written in JavaScript, and says to write YAML", async () => {
    const marker = "__frontMatterRan";
    const text = `---js\n{ id: (globalThis.${marker} = "ran", "1901-04-01-ada") }\n---\nThe lighthouse lamp is failing again.\n`;
    const report = await reportFor({ [ADA]: text });
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(report).toContain(`${ADA}:1:4  error  Front matter in "js" is not supported  [yaml-syntax]`);
  });

  it("reports front matter that is never closed, rather than reading the text as fields", async () => {
    const report = await reportFor({ [ADA]: await editedFixture("small", ADA, "\n---\nThe lighthouse", "\nThe lighthouse") });
    expect(report).toContain(`${ADA}:1:1  error  The front matter has no closing \`---\` line  [missing-front-matter]`);
  });

  it("reports an unknown sender, recipient and source with the ids that exist", async () => {
    let text = await editedFixture("small", ADA, "from: ada", "from: adah");
    text = text.replace("to: [ben]", "to: [benn]").replace("sources: [gazette,", "sources: [gazete,");
    const report = await reportFor({ [ADA]: text });
    expect(report).toContain(`${ADA}:5:7  error  Unknown sender "adah"  [unknown-person]`);
    expect(report).toContain(`${ADA}:6:6  error  Unknown recipient "benn"  [unknown-person]`);
    expect(report).toContain(`${ADA}:10:11  error  Unknown source id "gazete"  [unknown-source]`);
    expect(report).toContain('hint: Did you mean "gazette" or "ledger"? Otherwise add "gazete" to edition/sources.yaml.');
  });

  it("reports an annotation whose target message does not exist", async () => {
    const file = "annotations/wicks.md";
    const report = await reportFor({ [file]: await editedFixture("small", file, "target: 1901-04-01-ada", "target: 1901-04-01-adda") });
    expect(report).toContain(`${file}:3:9  error  The target message "1901-04-01-adda" does not exist  [unknown-target]`);
  });

  it("reports a duplicate message id, naming both files", async () => {
    const copy = await editedFixture("small", ADA, "sources:", "sources:");
    const report = await reportFor({ "content/zz-copy.md": copy });
    expect(report).toContain(`content/zz-copy.md:2:5  error  Duplicate message id "1901-04-01-ada", also used by ${ADA}  [duplicate-id]`);
  });

  it("reports every problem in one pass, across files", async () => {
    const report = await reportFor({
      [ADA]: await editedFixture("small", ADA, "from: ada", "from: nobody"),
      "annotations/wicks.md": await editedFixture("small", "annotations/wicks.md", "kind: variant", "kind: varient"),
    });
    expect(report.split("\n").filter((line) => line.includes("  error  "))).toHaveLength(2);
  });
});
