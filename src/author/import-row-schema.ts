// What a row of an import file must hold, as a zod schema: the fields every transcript needs (sender, timestamp,
// text), the recipients, and the optional ones that map onto transcript fields. A spreadsheet's empty cell counts
// as not given.
import { z } from "zod";
import { idSchema, MESSAGE_KINDS } from "../load/schema.ts";
import { readSent } from "./sent-timestamp.ts";

const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blankAsMissing, z.string().trim().min(1).optional());

/** Several recipients: an array (JSON) or one cell separated by semicolons (CSV). */
const recipients = z.preprocess(
  blankAsMissing,
  z
    .union([z.array(z.string({ error: "a name or id for each recipient" })), z.string()], { error: 'a list of names, e.g. "Ben Moor; Carol Lee" or ["Ben Moor", "Carol Lee"]' })
    .optional()
    .transform((value) =>
      (typeof value === "string" ? value.split(";") : (value ?? []))
        .map((name) => name.trim())
        .filter(Boolean),
    ),
);

export const importRowSchema = z.object({
  sender: z.preprocess(blankAsMissing, z.string({ error: "the sender's name or person id" }).trim().min(1)),
  recipients,
  timestamp: z.preprocess(
    blankAsMissing,
    z.string({ error: "the time the message was sent, in ISO 8601" }).superRefine((value, ctx) => {
      const read = readSent(value);
      if ("message" in read) ctx.addIssue({ code: "custom", message: read.message, params: { hint: read.hint } });
    }),
  ),
  text: z.string({ error: "the text of the message" }).refine((value) => value.trim() !== "", { error: "the text of the message, not an empty cell" }),
  id: z.preprocess(blankAsMissing, idSchema.optional()),
  kind: z.preprocess(blankAsMissing, z.enum(MESSAGE_KINDS, { error: `one of ${MESSAGE_KINDS.join(", ")}` }).optional()),
  platform: optionalText,
  subject: optionalText,
  title: optionalText,
});

export type ImportRowFields = z.infer<typeof importRowSchema>;

/** Hints for a bad field, in the terms of the import file. */
export const IMPORT_FIELD_HINTS: Record<string, string> = {
  sender: "Give the sender's name as the export has it, or a person id from edition/people.yaml.",
  recipients: 'Separate several recipients with semicolons in a CSV cell ("Ben Moor; Carol Lee"); use an array in JSON.',
  timestamp: "Write it as 2024-05-01T09:30+02:00 (with the UTC offset), 2024-05-01, or 2024-05.",
  text: "Give the message's text exactly as written; line breaks inside a CSV cell need the cell in double quotes.",
  id: "Leave it empty to have an id made from the date and sender, or use lowercase letters, digits and hyphens.",
  kind: `Use one of ${MESSAGE_KINDS.join(", ")}, or leave it empty.`,
};
