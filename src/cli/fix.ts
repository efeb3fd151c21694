// What `npm run check -- --fix` repairs without asking: it stores the new anchor of every note that moved (so the
// warning goes away and later corrections start from the right place), and rewrites files saved with a
// byte-order mark or Windows line endings. It changes nothing else, and never touches a transcript's words.
import { readFile, writeFile } from "node:fs/promises";
import type { VFile } from "vfile";
import { parseDocument } from "yaml";
import { collapse, collapseWhitespace, findQuote, suggestDisambiguation } from "../anchor/text-quote.ts";
import { TranscriptText } from "../anchor/transcript-text.ts";
import { findFrontMatter } from "../load/front-matter.ts";
import type { MessageEntry } from "../render/rendered.ts";

export interface FixResult {
  /** Files rewritten, with what was done to each. */
  fixed: Array<{ path: string; what: string }>;
}

/** Rewrites a file's front matter; false when the file no longer has one to rewrite. */
async function rewriteFrontMatter(path: string, change: (doc: ReturnType<typeof parseDocument>) => void): Promise<boolean> {
  const text = await readFile(path, "utf8");
  const block = findFrontMatter(text);
  // The check read this file's front matter a moment ago; a file changed since then is left alone.
  if (block?.yaml === undefined) return false;
  const doc = parseDocument(block.yaml.replace(/^\n/, ""));
  change(doc);
  await writeFile(path, `---\n${doc.toString().replace(/\n$/, "")}\n---\n${block.body}`);
  return true;
}

export async function fixEdition(files: readonly VFile[], entries: readonly MessageEntry[] | undefined): Promise<FixResult> {
  const fixed: FixResult["fixed"] = [];

  for (const file of files) {
    if (!file.path || !file.messages.some((m) => m.ruleId === "bom" || m.ruleId === "line-endings")) continue;
    const text = await readFile(file.path, "utf8");
    await writeFile(file.path, text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
    fixed.push({ path: file.path, what: "removed the byte-order mark and Windows line endings" });
  }

  for (const { message, lines, notes } of entries ?? []) {
    const transcript = new TranscriptText(lines);
    const collapsed = collapseWhitespace(transcript.text);
    for (const { annotation, anchored } of notes) {
      if (!anchored.moved || !("quote" in annotation.anchor)) continue;
      const quote = collapse(anchored.exact);
      const unique = findQuote(collapsed, { exact: quote }).length === 1;
      const context = unique ? undefined : suggestDisambiguation(collapsed, quote, anchored.range);
      const rewritten = await rewriteFrontMatter(annotation.origin.file.path, (doc) => {
        doc.setIn(["anchor", "quote"], quote);
        if (context?.prefix !== undefined) doc.setIn(["anchor", "prefix"], context.prefix);
        else doc.deleteIn(["anchor", "prefix"]);
        if (context?.suffix !== undefined) doc.setIn(["anchor", "suffix"], context.suffix);
        else doc.deleteIn(["anchor", "suffix"]);
        doc.setIn(["anchor", "line"], anchored.firstLine);
      });
      if (rewritten) fixed.push({ path: annotation.origin.file.path, what: `re-anchored to "${quote}" on line ${anchored.firstLine} of ${message.id}` });
    }
  }
  return { fixed };
}
