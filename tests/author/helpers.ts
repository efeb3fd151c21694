// What an editor's reader sees: the lines of a built message page (read from its HTML, as a browser would), and
// the authoring commands run the way editors run them, as child processes.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Element, ElementContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { selectAll } from "hast-util-select";
import { toString } from "hast-util-to-string";
import { PROJECT_ROOT } from "../helpers/edition.ts";

export interface PageLine {
  id: string;
  text: string;
  element: Element;
}

/** The transcript lines of a built message page, in order: each line's id and the text of its line-text. */
export async function messagePageLines(site: string, messageId: string): Promise<PageLine[]> {
  const html = await readFile(path.join(site, "messages", messageId, "index.html"), "utf8");
  const tree = fromHtml(html);
  return selectAll("section.transcript span.line[id]", tree).map((line) => {
    const text = selectAll(":scope > span.line-text", line)[0];
    return { id: String(line.properties.id), text: text ? toString(text) : "", element: line };
  });
}

/** The line that holds the (first) mark of a note, and the line's text before that mark. */
export function markOf(lines: readonly PageLine[], noteId: string): { line: string; before: string; marked: string } | undefined {
  for (const line of lines) {
    let before = "";
    let found: { marked: string } | undefined;
    const walk = (nodes: readonly ElementContent[]) => {
      for (const node of nodes) {
        if (found) return;
        if (node.type === "text") before += node.value;
        else if (node.type === "element") {
          const notes = String(node.properties.dataNotes ?? "").split(" ");
          if (node.tagName === "mark" && notes.includes(noteId)) found = { marked: toString(node) };
          else walk(node.children);
        }
      }
    };
    const text = selectAll(":scope > span.line-text", line.element)[0];
    if (text) walk(text.children);
    if (found) return { line: line.id, before, marked: found.marked };
  }
  return undefined;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx src/cli/<script> …args` from the project folder, as `npm run` does. */
export function runCli(script: "new.ts" | "import.ts", args: string[]): Promise<CommandResult> {
  const env = { ...process.env };
  delete env.EDITION_ROOT;
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", path.join("src", "cli", script), ...args], { cwd: PROJECT_ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
