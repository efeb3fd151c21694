// Adds entries to an editor's YAML list (people.yaml, sources.yaml) as text, after what is there, so that their
// comments, order and formatting stay exactly as they were. The scaffold's empty `[]` is replaced by the first
// entries. The result is read back and validated with the file's schema before it is written.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isSeq, parseDocument } from "yaml";
import type { z } from "zod";
import { parseLocatedYaml } from "../load/yaml-document.ts";
import { AuthorError } from "./author-error.ts";

/** The file's text with `entries` (block-list items, each starting with "- ") appended. */
export function appendedText(text: string, entries: string, file: string): string {
  const doc = parseDocument(text);
  const relative = path.relative(process.cwd(), file) || file;
  if (doc.errors.length)
    throw new AuthorError({ message: `${relative} is not valid YAML, so nothing was added to it`, hint: "Run npm run check to see where, fix it, and run the command again.", file });
  const contents = doc.contents;
  const block = entries.endsWith("\n") ? entries : `${entries}\n`;
  if (contents === null || contents === undefined) return `${text}${text && !text.endsWith("\n") ? "\n" : ""}${block}`;
  if (isSeq(contents) && contents.flow && contents.items.length === 0 && contents.range) {
    // The scaffold's `[]`: remove it (and the rest of its line, if that is only a comment or space) and append.
    const [start, end] = contents.range;
    const lineEnd = text.indexOf("\n", end);
    const rest = lineEnd === -1 ? text.slice(end) : text.slice(end, lineEnd);
    const before = text.slice(0, start);
    const after = /^\s*(#.*)?$/.test(rest) ? (lineEnd === -1 ? "" : text.slice(lineEnd + 1)) : text.slice(end);
    const kept = `${before.replace(/[ \t]*$/, "")}${after}`;
    return `${kept}${kept && !kept.endsWith("\n") ? "\n" : ""}${block}`;
  }
  if (isSeq(contents) && !contents.flow) return `${text}${text.endsWith("\n") ? "" : "\n"}${block}`;
  throw new AuthorError({
    message: `${relative} is not a block list (one "- " entry per item), so entries cannot be added to it as text`,
    hint: "Rewrite it as a block list, like the example at the top of the file, and run the command again.",
    file,
  });
}

/** Appends entries and writes the file, after checking that the whole list still validates. */
export async function appendToYamlList(file: string, entries: string, schema: z.ZodType, dryRun = false): Promise<void> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  const next = appendedText(text, entries, file);
  const parsed = parseLocatedYaml(next);
  const valid = !parsed.errors.length && schema.safeParse(parsed.value).success;
  if (!valid)
    throw new AuthorError({
      message: `Adding to ${path.relative(process.cwd(), file) || file} would make it invalid, so it was left as it was`,
      hint: "Run npm run check to see what is wrong with the file now, fix it, and run the command again.",
      file,
    });
  if (!dryRun) await writeFile(file, next);
}
