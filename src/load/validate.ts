// Turns schema violations into located, actionable vfile messages: the field, what was expected, what was found,
// and how to fix it, at the line and column of the offending key.
import { closest } from "fastest-levenshtein";
import type { VFile } from "vfile";
import type { z } from "zod";
import { report } from "./diagnostics.ts";
import type { RuleId } from "./rules.ts";
import { kindName } from "./schema-wording.ts";
import type { LocatedYaml } from "./yaml-document.ts";

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<PropertyKey>;

/** Fix hints for the fields an editor writes, keyed by field name. */
const FIELD_HINTS: Record<string, string> = {
  id: "Use a stable, unique id of lowercase letters, digits and hyphens, e.g. 2016-10-03-wikileaks.",
  kind: "Pick one of the listed kinds.",
  from: "Use a person id from edition/people.yaml.",
  to: "List person ids from edition/people.yaml, e.g. to: [donald-trump-jr].",
  sent: "Write an ISO 8601 timestamp with its offset (2016-11-08T18:35-05:00), a date (2016-10-03) or a month (2017-03).",
  precision: "Use second, minute, hour, day, month or approximate: whatever the sources support.",
  sources: "List source ids from edition/sources.yaml, e.g. sources: [atlantic], or {id: atlantic, quote: \"...\"}.",
  completeness: "Use complete if the sources print the whole message, excerpt if they quote only part of it.",
  target: "Use the id of the message this note annotates.",
  anchor: "Anchor by quote (anchor: {quote: \"exact words\"}) or by lines (anchor: {lines: \"2-4\"}).",
  quote: "Copy the exact words of the passage from the transcript.",
  lines: 'Write a line number or range, e.g. lines: 3 or lines: "2-4".',
  platform: 'Name the channel, e.g. platform: "Twitter direct message".',
  url: "Write the full address, e.g. https://example.org/story, or null if it is not known.",
  license_url: "Write the full address of the licence, e.g. https://creativecommons.org/licenses/by/4.0/.",
  base_url: "Write the address the site will be published at, ending in /, e.g. https://example.org/letters/.",
  inserted_after: "List, once per inserted line, the published line it follows, e.g. inserted_after: [2] (0 for before the first line).",
  withdrawn_lines: "List the published numbers of the withdrawn lines, e.g. withdrawn_lines: [4].",
  editors: "List the editors, each with a name, e.g. editors: [{name: Ada Quill}].",
  language: "Write a language tag such as en, de or pt-BR.",
  version: "Write the version as three numbers, e.g. version: 1.0.0.",
  alt: "Describe the picture in words for readers who cannot see it, e.g. alt: \"The first letter, in Ada's hand\".",
  file: "Name a PNG file in edition/, e.g. file: preview.png.",
  handle: 'Write the handle as text, e.g. handle: "@wikileaks".',
  family: "Write the family name as text, e.g. family: Quill.",
  given: "Write the given name as text, e.g. given: Ada.",
  suffix: 'Write the suffix as text, e.g. suffix: "Jr.".',
  literal: "Write the name exactly as it is cited, e.g. literal: The Harbour Board.",
  published: "Write the date the sources give, as 2017, 2017-11 or 2017-11-13, or null if it is not known.",
  date: "Write the date as year-month-day, e.g. date: 2026-11-22.",
  order: "Write a whole number from 0 up that orders messages of one day: 1, 2, 3…",
  in_reply_to: "Use the id of the message this one answers, from its front matter.",
  title: "Write the title as text, or delete the field.",
  author: "Write the author's name as text, or delete the field (the note is then the editors').",
  description: "Say in a sentence what it is.",
  name: "Write the name as it should appear on the site.",
  short: "Write the short name readers see, e.g. short: The Gazette.",
  publisher: "Write the publisher's name, or null if it is not known.",
  note: "Write the note as text, or delete the field.",
  changes: "List the changes, each with a type and a description, e.g. changes: [{type: correction, message: …, line: 3, description: …}].",
  type: "Use correction, insertion, withdrawal, addition or note.",
  license: "Name the licence, e.g. license: CC BY 4.0.",
};

function oneOf(values: readonly unknown[]): string {
  return `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
}

function typeName(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length ? "a list" : "an empty list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `text ${JSON.stringify(value)}`;
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** A field as an editor names it: its keys ("anchor.quote"), without the positions in lists, which the place gives. */
function fieldName(path: Path): string {
  const keys = path.filter((segment) => typeof segment === "string");
  return keys.length ? keys.join(".") : "front matter";
}

/** One field of one entry: what a misspelt key and its missing twin share. */
const pathKey = (path: Path) => path.map(String).join(".");

function hintFor(path: Path): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === "string" && FIELD_HINTS[segment]) return FIELD_HINTS[segment];
  }
  return undefined;
}

/** Keys that an object schema accepts at `path`, looking through optional, default, union and array wrappers. */
function knownKeysAt(schema: z.core.$ZodType, path: Path): string[] {
  const keys = new Set<string>();
  const visit = (node: z.core.$ZodType, rest: Path): void => {
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "readonly":
        visit(def.innerType as z.core.$ZodType, rest);
        return;
      case "pipe":
        // A transform's input, or a preprocessed schema's output: whichever has the fields.
        visit(def.in as z.core.$ZodType, rest);
        visit(def.out as z.core.$ZodType, rest);
        return;
      case "union":
        for (const option of def.options as z.core.$ZodType[]) visit(option, rest);
        return;
      case "array":
        if (rest.length) visit(def.element as z.core.$ZodType, rest.slice(1));
        return;
      case "object": {
        const shape = def.shape as Record<string, z.core.$ZodType>;
        if (!rest.length) Object.keys(shape).forEach((key) => keys.add(key));
        else {
          const child = shape[String(rest[0])];
          if (child) visit(child, rest.slice(1));
        }
        return;
      }
    }
  };
  visit(schema, path);
  return [...keys];
}

/** A union failed: report the branch that got furthest, so that the editor sees the nearest fix. */
function bestUnionBranch(issue: z.core.$ZodIssueInvalidUnion): Issue[] | undefined {
  const candidates = issue.errors.filter((branch) =>
    branch.every((inner) => inner.path.length > 0 || inner.code === "unrecognized_keys" || inner.code === "custom"),
  );
  if (!candidates.length) return undefined;
  return candidates.reduce((best, branch) => (branch.length < best.length ? branch : best));
}

export function reportSchemaIssues(
  file: VFile,
  schema: z.core.$ZodType,
  yaml: LocatedYaml,
  issues: Issue[],
  basePath: Path = [],
): void {
  // A misspelt key shows up twice, as an unknown field and as a missing one; it is one mistake, reported once,
  // as the unknown field with its suggestion.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const known = knownKeysAt(schema, [...basePath, ...issue.path]);
    for (const key of issue.keys) if (known.length) misspelt.add(pathKey([...basePath, ...issue.path, closest(key, known)]));
  }
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    const field = fieldName(path);
    const found = valueAt(yaml.value, path);

    if (issue.code === "invalid_union") {
      const branch = bestUnionBranch(issue);
      if (branch) {
        reportSchemaIssues(file, schema, yaml, branch, path);
        continue;
      }
    }

    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const suggestion = known.length ? closest(key, known) : undefined;
        report(file, `Unknown field "${fieldName([...path, key])}"`, {
          ruleId: "unknown-field",
          place: yaml.locateKey(path, key),
          hint: suggestion
            ? `Did you mean "${suggestion}"? Known fields here: ${known.join(", ")}.`
            : "Remove it; this field is not part of the format.",
        });
      }
      continue;
    }

    let reason: string;
    let ruleId: RuleId = "invalid-field";
    // A field the table has no hint for still says what to write there.
    let hint = hintFor(path) ?? `Write ${issue.code === "invalid_type" ? kindName(issue.expected) : issue.message} here.`;
    if (found === undefined && misspelt.has(pathKey(path))) continue;
    if (found === undefined && issue.code !== "custom") {
      const expected = issue.code === "invalid_type" ? kindName(issue.expected) : issue.code === "invalid_value" ? oneOf(issue.values) : issue.message;
      // A missing key has no place of its own: point at the mapping it belongs in.
      report(file, `Missing required field "${field}": expected ${expected}`, { ruleId: "missing-field", place: yaml.locate(path.slice(0, -1)), hint });
      continue;
    }
    if (issue.code === "invalid_type") {
      reason = `Field "${field}": expected ${kindName(issue.expected)}, found ${typeName(found)}`;
      ruleId = "wrong-type";
    } else if (issue.code === "invalid_value") {
      reason = `Field "${field}": expected ${oneOf(issue.values)}, found ${typeName(found)}`;
      const suggestion = typeof found === "string" ? closest(found, issue.values.map(String)) : undefined;
      if (suggestion) hint = `Did you mean "${suggestion}"?`;
    } else if (issue.code === "custom") {
      reason = `Field "${field}": ${issue.message}`;
      const params = issue.params as { hint?: string } | undefined;
      if (params?.hint) hint = params.hint;
      if (field === "sent" || field === "precision") ruleId = "invalid-date";
    } else {
      reason = `Field "${field}": expected ${issue.message}, found ${typeName(found)}`;
    }
    report(file, reason, { ruleId, place: yaml.locate(path), hint });
  }
}

/**
 * Validates `value` against `schema`; on failure reports every issue, at the places `locate` finds (parsing with
 * positions only then), and returns undefined.
 */
export function validateLocated<T extends z.ZodType>(
  file: VFile,
  schema: T,
  value: unknown,
  locate: () => LocatedYaml,
): z.infer<T> | undefined {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  reportSchemaIssues(file, schema, locate(), result.error.issues);
  return undefined;
}
