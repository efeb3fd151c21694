// What an authoring command says when it refuses: the problem, the fix, and (when a file is at fault) where, in the
// same `path:line:col  error  message  [rule]` form as `npm run check`, so that editors read one kind of report.
import path from "node:path";
import { hintLine, type Place } from "../load/diagnostics.ts";
import { compareText } from "../load/compare-text.ts";

export interface Problem {
  message: string;
  /** How to fix it, in one sentence. */
  hint?: string;
  /** The file at fault, when there is one; otherwise the problem is with the command's arguments. */
  file?: string;
  place?: Place;
  ruleId?: string;
}

/** A refusal by an authoring command: nothing was written, and every problem found is listed. */
export class AuthorError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((problem) => problem.message).join("\n"));
    this.name = "AuthorError";
    this.problems = list;
  }
}

/** A path as the editor can use it: relative to the current folder when inside it, absolute otherwise. */
export function shownPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative && !relative.startsWith("..") ? relative : path.resolve(cwd, file);
}

/**
 * Formats problems for the terminal: located ones in the form of `npm run check` (src/load/diagnostics.ts), sorted
 * by file and line, the others as `error  …`, each with its hint.
 */
export function formatProblems(problems: readonly Problem[], cwd = process.cwd()): string {
  const located = problems
    .filter((problem) => problem.file)
    .map((problem) => ({ ...problem, where: shownPath(problem.file!, cwd), place: problem.place ?? { line: 1, column: 1 } }))
    .sort((a, b) => compareText(a.where, b.where) || a.place.line - b.place.line || a.place.column - b.place.column);
  const lines: string[] = [];
  for (const problem of located) {
    lines.push(`${problem.where}:${problem.place.line}:${problem.place.column}  error  ${problem.message}  [${problem.ruleId ?? "author"}]`);
    const hint = hintLine(problem.hint, problem.ruleId);
    if (hint) lines.push(hint);
  }
  for (const problem of problems.filter((candidate) => !candidate.file)) {
    lines.push(`error  ${problem.message}`);
    if (problem.hint) lines.push(`    hint: ${problem.hint}`);
  }
  return lines.join("\n");
}
