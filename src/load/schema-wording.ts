// What the schema says when a value does not fit, in an editor's words: "a web address starting with http:// or
// https://", never zod's own ("Invalid URL", "must match pattern /^\d+[a-z]?$/"). Installed as zod's error map for
// the whole program (schema.ts), so that a check without a message of its own still gets one of these; the checks
// an editor meets most carry their own wording in the schema.
import { z } from "zod";

/** zod's names for kinds of value, as an editor knows them from YAML. */
const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of fields",
  null: "null",
  undefined: "a value",
  date: "a date",
};

export const kindName = (expected: string): string => KINDS[expected] ?? expected;

const count = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** The wording of one issue: what the field should hold. */
export function editorWording(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return kindName(String(issue.expected));
    case "too_small":
      if (issue.origin === "array" || issue.origin === "set") return `a list of at least ${count(issue.minimum, "entry", "entries")}`;
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "text that is not empty" : `text of at least ${count(issue.minimum, "character", "characters")}`;
      return `a number of at least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array" || issue.origin === "set") return `a list of at most ${count(issue.maximum, "entry", "entries")}`;
      if (issue.origin === "string") return `text of at most ${count(issue.maximum, "character", "characters")}`;
      return `a number of at most ${issue.maximum}`;
    case "invalid_format":
      if (issue.format === "url") return "a web address starting with http:// or https://";
      if (issue.format === "email") return "an email address";
      return "text in the form this field needs";
    case "invalid_value":
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_union":
      return "one of the forms this field allows";
    case "not_multiple_of":
      return `a multiple of ${issue.divisor}`;
    default:
      return "a value of the form this field needs";
  }
}

z.config({ customError: (issue) => editorWording(issue) });
