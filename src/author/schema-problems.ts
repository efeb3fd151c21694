// A schema's verdict on what a command was about to write, in the editor's terms: the option that set the field
// (--sent, not sent), the schema's own message, and its hint when it has one.
import type { z } from "zod";
import type { Problem } from "./author-error.ts";

export function problemsOfSchema(error: z.ZodError, optionOf: Record<string, string>): Problem[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    const params = (issue as { params?: { hint?: string } }).params;
    return { message: `${optionOf[field] ?? field}: ${issue.message}`, hint: params?.hint };
  });
}
