// Splits a Markdown file into front matter and body, and reads the front matter with the one YAML library the
// project uses (yaml, with YAML 1.2's core schema, so that dates stay strings). The value is read without positions
// (faster); the same text is parsed again with positions only when a problem has to be reported at its key.
// Front matter in another language (`---js`, which gray-matter would have run with eval) is refused, never read:
// content is untrusted.
import type { VFile } from "vfile";
import { parse } from "yaml";
import { report } from "./diagnostics.ts";
import { parseLocatedYaml, type LocatedYaml } from "./yaml-document.ts";

export interface FrontMatterFile {
  /** The front matter's fields. */
  value: Record<string, unknown>;
  /** The front matter parsed with positions, on first use. */
  located(): LocatedYaml;
  body: string;
  /** The 1-based line on which the body starts. */
  bodyStartLine: number;
}

export interface FrontMatterBlock {
  /** What follows the opening `---` on its line (`js` in `---js`), trimmed; empty for YAML. */
  language: string;
  /**
   * The front matter's text, preceded by a newline for the opening line, so that its line n is the file's line n.
   * (Before the closing `---`; undefined when the block is never closed.)
   */
  yaml: string | undefined;
  body: string;
  bodyStartLine: number;
}

/**
 * Finds the front matter block: a first line `---` (or `---lang`), then lines up to the first line that is `---`.
 * Undefined when the file does not start with one.
 */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  if (!text.startsWith("---")) return undefined;
  const firstLineEnd = text.indexOf("\n");
  const language = text.slice(3, firstLineEnd === -1 ? undefined : firstLineEnd).trim();
  if (firstLineEnd === -1) return { language, yaml: undefined, body: "", bodyStartLine: 2 };
  const match = /^---[ \t]*$/m.exec(text.slice(firstLineEnd + 1));
  if (!match) return { language, yaml: undefined, body: "", bodyStartLine: text.split("\n").length + 1 };
  const closeStart = firstLineEnd + 1 + match.index;
  const afterClose = closeStart + match[0].length;
  const bodyStart = text[afterClose] === "\n" ? afterClose + 1 : afterClose;
  return {
    language,
    yaml: text.slice(firstLineEnd, closeStart),
    body: text.slice(bodyStart),
    bodyStartLine: text.slice(0, bodyStart).split("\n").length,
  };
}

export function splitFrontMatter(file: VFile, text: string): FrontMatterFile | undefined {
  const block = findFrontMatter(text);
  if (block && block.language && block.language !== "yaml") {
    report(file, `Front matter in "${block.language}" is not supported`, {
      ruleId: "yaml-syntax",
      place: { line: 1, column: 4 },
      hint: "Write the front matter in YAML, opening it with a plain `---` line.",
    });
    return undefined;
  }
  const source = block?.yaml;
  if (block && source === undefined) {
    report(file, "The front matter has no closing `---` line", {
      ruleId: "missing-front-matter",
      place: { line: 1, column: 1 },
      hint: "End the fields with a line that holds only `---`; the text follows it.",
    });
    return undefined;
  }
  if (source === undefined || !source.trim()) {
    report(file, "The file has no front matter", {
      ruleId: "missing-front-matter",
      place: { line: 1, column: 1 },
      hint: "Start the file with a `---` line, the fields in YAML, and another `---` line (see the README's formats).",
    });
    return undefined;
  }
  let located: LocatedYaml | undefined;
  const locate = () => (located ??= parseLocatedYaml(source, 1));
  let value: unknown;
  try {
    value = parse(source, { schema: "core", uniqueKeys: true, prettyErrors: false, logLevel: "error" });
  } catch (error) {
    // The located parser says where, in the editor's terms; what it cannot place (too many aliases) is at line 1.
    const errors = locate().errors;
    for (const { message, place } of errors.length ? errors : [{ message: (error as Error).message, place: { line: 1, column: 1 } }]) {
      report(file, `Malformed YAML front matter: ${message}`, {
        ruleId: "yaml-syntax",
        place,
        hint: "Check indentation, colons and quotes on this line; quote values that contain `: ` or start with a symbol.",
      });
    }
    return undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    report(file, "The front matter is not a mapping of fields", {
      ruleId: "yaml-syntax",
      place: { line: 2, column: 1 },
      hint: "Write one `field: value` per line between the `---` lines.",
    });
    return undefined;
  }
  return { value: value as Record<string, unknown>, located: locate, body: block!.body, bodyStartLine: block!.bodyStartLine };
}
