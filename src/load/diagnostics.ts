// Problems with an edition's content are vfile messages, so every stage reports them the same way:
// `path:line:col  severity  message  [rule-id]`, followed by a hint that says how to fix it and where the rule is
// documented. A rule's severity is the registry's (rules.ts), never the caller's.
import path from "node:path";
import { VFile } from "vfile";
import { isRuleId, ruleAnchor, RULES, type RuleId } from "./rules.ts";

/** A problem reported on a file (vfile's own message type, without depending on vfile-message directly). */
type VFileMessage = ReturnType<VFile["message"]>;

export interface Place {
  line: number;
  column: number;
}

export interface ReportOptions {
  ruleId: RuleId;
  place?: Place;
  /** How to fix it, in one sentence. */
  hint?: string;
}

export function report(file: VFile, reason: string, options: ReportOptions): VFileMessage {
  const message = file.message(reason, { place: options.place, ruleId: options.ruleId, source: "edition" });
  message.fatal = RULES[options.ruleId].severity === "error";
  if (options.hint) message.note = options.hint;
  return message;
}

/** The line under a message: its hint, and where its rule is documented. */
export function hintLine(hint: string | undefined, ruleId: string | undefined): string | undefined {
  const see = isRuleId(ruleId) ? `see ${ruleAnchor(ruleId)}` : undefined;
  if (!hint) return see && `    ${see}`;
  return `    hint: ${hint}${see ? ` (${see})` : ""}`;
}

export function countErrors(files: Iterable<VFile>): number {
  let errors = 0;
  for (const file of files) for (const message of file.messages) if (message.fatal) errors++;
  return errors;
}

/** Formats every message of every file, errors first within each file, sorted by position. */
export function formatReport(files: Iterable<VFile>, cwd = process.cwd()): string {
  const lines: string[] = [];
  for (const file of files) {
    const sorted = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    for (const message of sorted) {
      const where = `${file.path ? path.relative(cwd, file.path) : "<input>"}:${message.line ?? 1}:${message.column ?? 1}`;
      const severity = message.fatal ? "error" : "warning";
      lines.push(`${where}  ${severity}  ${message.reason}  [${message.ruleId ?? "edition"}]`);
      const hint = hintLine(message.note, message.ruleId);
      if (hint) lines.push(hint);
    }
  }
  return lines.join("\n");
}

export function summary(files: Iterable<VFile>): string {
  let errors = 0;
  let warnings = 0;
  for (const file of files)
    for (const message of file.messages) {
      if (message.fatal) errors++;
      else if (message.fatal === false) warnings++;
    }
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

/** Thrown when an edition cannot be built; its message is the full report, so Eleventy and the CLI print it whole. */
export class EditionError extends Error {
  readonly files: VFile[];
  constructor(files: VFile[], cwd?: string) {
    super(`The edition has problems (${summary(files)}):\n${formatReport(files, cwd)}`);
    this.name = "EditionError";
    this.files = files;
  }
}
