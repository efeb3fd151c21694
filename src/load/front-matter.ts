// Splits a Markdown file into located front matter and body. gray-matter finds the block; the YAML inside is
// parsed with positions so that every later error can point at the key that caused it.
import matter from "gray-matter";
import type { VFile } from "vfile";
import { report } from "./diagnostics.ts";
import { parseLocatedYaml, type LocatedYaml } from "./yaml-document.ts";

export interface FrontMatterFile {
  yaml: LocatedYaml;
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
  let yaml: LocatedYaml | undefined;
  const parsed = matter(text, {
    language: "yaml",
    engines: {
      javascript: refuse,
      js: refuse,
      coffee: refuse,
      json: refuse,
      // gray-matter hands over the text after the opening `---`, which begins with that line's newline, so the
      // YAML's line 1 is the file's line 1.
      yaml: (source: string) => {
        yaml = parseLocatedYaml(source, 1);
        return (yaml.value ?? {}) as object;
      },
    },
  });
  if (!yaml || !parsed.matter.trim()) {
    report(file, "The file has no front matter", {
      ruleId: "missing-front-matter",
      place: { line: 1, column: 1 },
      hint: "Start the file with a `---` line, the fields in YAML, and another `---` line (see the README's formats).",
    });
    return undefined;
  }
  if (yaml.errors.length) {
    for (const error of yaml.errors) {
      report(file, `Malformed YAML front matter: ${error.message}`, {
        ruleId: "yaml-syntax",
        place: error.place,
        hint: "Check indentation, colons and quotes on this line; quote values that contain `: ` or start with a symbol.",
      });
    }
    return undefined;
  }
  if (yaml.value === null || typeof yaml.value !== "object" || Array.isArray(yaml.value)) {
    report(file, "The front matter is not a mapping of fields", {
      ruleId: "yaml-syntax",
      place: { line: 2, column: 1 },
      hint: "Write one `field: value` per line between the `---` lines.",
    });
    return undefined;
  }
  const consumed = text.length - parsed.content.length;
  const bodyStartLine = text.slice(0, consumed).split("\n").length;
  return { yaml, body: parsed.content, bodyStartLine };
}
