// Reads the rows of an import file, a CSV (with csv-parse) or a JSON array, as plain records with where each row
// is in the file, so that a bad row can be reported at its line. Nothing is validated here but the file's syntax.
import path from "node:path";
import { parse as parseCsv, CsvError } from "csv-parse/sync";
import { parseLocatedYaml } from "../load/yaml-document.ts";
import type { Place } from "../load/diagnostics.ts";
import { AuthorError } from "./author-error.ts";

export interface ImportRow {
  /** For a CSV, the row as a spreadsheet numbers it (the header is row 1); for JSON, the item's position from 1. */
  number: number;
  record: Record<string, unknown>;
  /** Where the row starts in the file. */
  place: Place;
  /** Where a field of the row is (JSON), or the row's place (CSV, whose fields csv-parse does not locate). */
  placeOf(field: string): Place;
}

export interface ImportFile {
  format: "csv" | "json";
  rows: ImportRow[];
  /** Columns or fields present in the file that the import does not read. */
  ignoredFields: string[];
}

export const IMPORT_FIELDS = ["sender", "recipients", "timestamp", "text", "id", "kind", "platform", "subject", "title"] as const;

function ignored(names: Iterable<string>): string[] {
  return [...new Set(names)].filter((name) => !(IMPORT_FIELDS as readonly string[]).includes(name));
}

function readCsv(file: string, text: string): ImportFile {
  let parsed: Array<{ record: Record<string, string>; info: { lines: number; empty_lines: number; columns?: Array<{ name: string }> | boolean } }>;
  try {
    parsed = parseCsv(text, { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), bom: true, info: true, skip_empty_lines: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw new AuthorError({ message: `The CSV cannot be read: ${error.message}`, hint: "Check the quotes on this line: a field with a comma, a quote or a line break must be in double quotes, with inner quotes doubled (\"\")." , file, place: { line: line ?? 1, column: 1 }, ruleId: "import-csv" });
  }
  const header = parsed[0]?.info.columns;
  const columns = Array.isArray(header) ? header.map((column) => column.name) : [];
  // csv-parse says on which line each record ends; a record starts after the previous one and any empty lines.
  let previousEnd = 1;
  let previousEmpty = 0;
  const rows = parsed.map(({ record, info }, index) => {
    const place = { line: previousEnd + 1 + (info.empty_lines - previousEmpty), column: 1 };
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { number: index + 2, record, place, placeOf: () => place };
  });
  return { format: "csv", rows, ignoredFields: ignored(columns) };
}

function readJson(file: string, text: string): ImportFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    // JSON.parse says where as an offset ("at position 16"); the YAML reader (JSON is YAML) is the fallback.
    const position = /position (\d+)/.exec((error as Error).message);
    const before = position ? text.slice(0, Number(position[1])).split("\n") : undefined;
    const place = before ? { line: before.length, column: before.at(-1)!.length + 1 } : (parseLocatedYaml(text).errors[0]?.place ?? { line: 1, column: 1 });
    throw new AuthorError({ message: `The JSON cannot be read: ${(error as Error).message}`, hint: "Check the commas, brackets and quotes around this place.", file, place, ruleId: "import-json" });
  }
  if (!Array.isArray(value))
    throw new AuthorError({ message: "The JSON is not an array of messages", hint: 'Write it as [ { "sender": …, "recipients": […], "timestamp": …, "text": … }, … ].', file, place: { line: 1, column: 1 }, ruleId: "import-json" });
  const located = parseLocatedYaml(text.replace(/^\uFEFF/, ""));
  const names: string[] = [];
  const rows = value.map((item, index): ImportRow => {
    const record = item && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    names.push(...Object.keys(record));
    return { number: index + 1, record, place: located.locate([index]), placeOf: (field) => located.locate([index, field]) };
  });
  value.forEach((item, index) => {
    if (!item || typeof item !== "object" || Array.isArray(item))
      throw new AuthorError({ message: `Row ${index + 1} is not an object with the message's fields`, hint: 'Each item is { "sender": …, "recipients": […], "timestamp": …, "text": … }.', file, place: located.locate([index]), ruleId: "import-row" });
  });
  return { format: "json", rows, ignoredFields: ignored(names) };
}

export function readImportFile(file: string, text: string): ImportFile {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return readCsv(file, text);
  if (extension === ".json") return readJson(file, text);
  throw new AuthorError({ message: `Cannot import ${path.basename(file)}: only .csv and .json files are read`, hint: "Export the messages as CSV (columns sender, recipients, timestamp, text) or as a JSON array." });
}
