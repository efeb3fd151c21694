// YAML written by hand, line by line, so that generated files look like the ones editors write (and can carry
// `# TODO:` comments), with every value checked to read back as exactly the string that was meant.
import { parse } from "yaml";

function readsBackAs(text: string, value: string): boolean {
  try {
    // As the pipeline reads front matter (src/load/front-matter.ts): yaml, with YAML 1.2's core schema.
    return parse(text, { schema: "core", logLevel: "error" }) === value;
  } catch {
    return false;
  }
}

/** A string as a YAML scalar: plain when that reads back unchanged, double-quoted (JSON escapes) otherwise. */
export function yamlString(value: string): string {
  const plainSafe = /^[\p{L}\p{N}(][^#\n\r\t]*$/u.test(value) && !/:(\s|$)|\s$/.test(value) && !/[[\]{}]/.test(value);
  if (plainSafe && readsBackAs(value, value)) return value;
  const quoted = JSON.stringify(value);
  if (!readsBackAs(quoted, value)) throw new Error(`Cannot write ${quoted} as YAML`);
  return quoted;
}

/** A line label or line range: a bare number where YAML reads it back as that number. */
export function yamlLineLabel(label: string): string {
  return /^[1-9]\d*$/.test(label) ? label : yamlString(label);
}

/** A list of ids in flow style, `[ada, ben]`, as the fixtures write `to:` and `sources:`. */
export function yamlIdList(ids: readonly string[]): string {
  return `[${ids.map(yamlString).join(", ")}]`;
}

/** `key: value`, with a trailing comment when there is something the editor must decide. */
export function yamlField(key: string, value: string, comment?: string, indent = ""): string {
  return `${indent}${key}: ${value}${comment ? `  # ${comment}` : ""}`;
}
