// Splits a Markdown file into front matter and body. gray-matter finds the block; js-yaml reads it (fast, with
// YAML 1.2's core schema, so that dates stay strings); the same text is parsed again with positions (the yaml
// package) only when a problem has to be reported at the key that caused it.
import matter from "gray-matter";
import jsYaml from "js-yaml";
import type { VFile } from "vfile";
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

const refuse = (): never => {
  throw new Error("front matter in a language other than YAML is not read");
};

export function splitFrontMatter(file: VFile, text: string): FrontMatterFile | undefined {
  // gray-matter would evaluate `---js` front matter with eval(); content is untrusted, so only YAML is accepted.
  const language = matter.language(text).name;
  if (text.startsWith("---") && language && language !== "yaml") {
    report(file, `Front matter in "${language}" is not supported`, {
      ruleId: "yaml-syntax",
      place: { line: 1, column: 4 },
      hint: "Write the front matter in YAML, opening it with a plain `---` line.",
    });
    return undefined;
  }
  let source: string | undefined;
  let value: unknown;
  let failure: jsYaml.YAMLException | undefined;
  const parsed = matter(text, {
    language: "yaml",
    engines: {
      javascript: refuse,
      js: refuse,
      coffee: refuse,
      json: refuse,
      // gray-matter hands over the text after the opening `---`, which begins with that line's newline, so the
      // YAML's line 1 is the file's line 1.
      yaml: (frontMatter: string) => {
        source = frontMatter;
        try {
          value = jsYaml.load(frontMatter, { schema: jsYaml.CORE_SCHEMA });
        } catch (error) {
          failure = error as jsYaml.YAMLException;
        }
        return {};
      },
    },
  });
  if (source === undefined || !parsed.matter.trim()) {
    report(file, "The file has no front matter", {
      ruleId: "missing-front-matter",
      place: { line: 1, column: 1 },
      hint: "Start the file with a `---` line, the fields in YAML, and another `---` line (see the README's formats).",
    });
    return undefined;
  }
  let located: LocatedYaml | undefined;
  const locate = () => (located ??= parseLocatedYaml(source!, 1));
  if (failure) {
    // The located parser says where, in the editor's terms; js-yaml's own mark is the fallback.
    const errors = locate().errors;
    const mark = failure.mark ? { line: failure.mark.line + 1, column: failure.mark.column + 1 } : { line: 1, column: 1 };
    for (const error of errors.length ? errors : [{ message: failure.reason, place: mark }]) {
      report(file, `Malformed YAML front matter: ${error.message}`, {
        ruleId: "yaml-syntax",
        place: error.place,
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
  const consumed = text.length - parsed.content.length;
  const bodyStartLine = text.slice(0, consumed).split("\n").length;
  return { value: value as Record<string, unknown>, located: locate, body: parsed.content, bodyStartLine };
}
