// The rule registry (src/load/rules.ts) knows every rule the code reports, and docs/rules.md is what it says.
// (The check catalogue, tests/cli/check-catalogue.test.ts, also fails on any reported rule the registry lacks.)
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { formatReport, report } from "../../src/load/diagnostics.ts";
import { RULES, RULES_DOC, type Rule } from "../../src/load/rules.ts";
import { rulesDocument } from "../../src/load/rules-doc.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the rule registry", () => {
  it("knows every rule id the code reports", async () => {
    const unknown: string[] = [];
    let found = 0;
    for (const file of await sourceFiles(path.join(PROJECT_ROOT, "src"))) {
      const text = await readFile(file, "utf8");
      for (const match of text.matchAll(/\b(?:ruleId|rule)(?:\s*===\s*|:\s*)"([a-z][a-z-]*)"/g)) {
        found++;
        if (!Object.hasOwn(RULES, match[1]!)) unknown.push(`${path.relative(PROJECT_ROOT, file)}: ${match[1]}`);
      }
    }
    expect(unknown).toEqual([]);
    // The scan finds the reports themselves (over forty of them), not nothing.
    expect(found).toBeGreaterThan(40);
  });

  it("gives each rule a one-line description, a mistake and a different fix", () => {
    for (const [id, rule] of Object.entries(RULES) as Array<[string, Rule]>) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description, id).toMatch(/^[^\n]+\.$/);
      expect(rule.mistake.text.trim(), id).not.toBe("");
      expect(rule.fix.text, id).not.toBe(rule.mistake.text);
    }
  });

  it("takes a message's severity from the registry, and ends its hint with the rule's entry", () => {
    const file = new VFile({ path: path.join(PROJECT_ROOT, "content", "x.md") });
    report(file, "Raw HTML is shown as text", { ruleId: "raw-html", place: { line: 3, column: 1 }, hint: "Write Markdown." });
    report(file, "Quote not found", { ruleId: "quote-not-found", place: { line: 5, column: 10 } });
    expect(formatReport([file], PROJECT_ROOT)).toBe(
      [
        "content/x.md:3:1  warning  Raw HTML is shown as text  [raw-html]",
        "    hint: Write Markdown. (see docs/rules.md#raw-html)",
        "content/x.md:5:10  error  Quote not found  [quote-not-found]",
        "    see docs/rules.md#quote-not-found",
      ].join("\n"),
    );
  });

  it("is what docs/rules.md says (run npm run rules after changing src/load/rules.ts)", async () => {
    const committed = await readFile(path.join(PROJECT_ROOT, RULES_DOC), "utf8");
    expect(committed).toBe(rulesDocument());
    for (const id of Object.keys(RULES)) expect(committed).toContain(`\n## ${id}\n`);
  });
});
