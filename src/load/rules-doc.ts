// docs/rules.md, written from the rule registry (rules.ts) by `npm run rules`: a table of every rule, then one entry
// per rule whose heading is its id, so that `docs/rules.md#ambiguous-quote` (the address each hint line ends with)
// lands on it. A test fails when the committed file is not what this writes.
import { hintLine } from "./diagnostics.ts";
import { RULES, type Example, type Rule, type RuleId } from "./rules.ts";

const REPORTED_BY: Record<Rule["by"], string> = {
  check: "`npm run check`, and the build and `npm start`, which check first",
  import: "`npm run import`, which then writes nothing",
  plugin: "the unified plugins, when used in a chain of one's own",
};

function example(heading: string, { file, text, language = "text" }: Example): string[] {
  const fence = text.includes("```") ? "````" : "```";
  return [`${heading} (\`${file}\`):`, "", `${fence}${language}`, text, fence, ""];
}

export function rulesDocument(): string {
  const ids = (Object.keys(RULES) as RuleId[]).sort();
  const rules = RULES as Record<RuleId, Rule>;
  const lines = [
    "# Rules",
    "",
    "<!-- Written by `npm run rules` from src/load/rules.ts; edit that file, not this one. -->",
    "",
    "Every problem the commands report names its rule after the message, as `[rule-id]`, and its hint line ends with",
    "the address of the rule's entry below:",
    "",
    "```",
    "annotations/wicks.md:5:10  error  Quote \"the\" matches 2 places in 1901-04-01-ada (lines 2, 4)  [ambiguous-quote]",
    hintLine('Add a prefix or suffix, e.g. prefix: "before " for the match on line 2.', "ambiguous-quote")!,
    "```",
    "",
    "An error stops the build and makes `npm run check` exit non-zero; a warning is reported and the build goes on.",
    "",
    "| rule | severity | what it finds |",
    "| --- | --- | --- |",
    ...ids.map((id) => `| [${id}](#${id}) | ${rules[id].severity} | ${rules[id].description.replace(/\|/g, "\\|")} |`),
    "",
  ];
  for (const id of ids) {
    const rule = rules[id];
    lines.push(`## ${id}`, "", `**${rule.severity}** · reported by ${REPORTED_BY[rule.by]}.`, "", rule.description, "");
    lines.push(...example("The mistake", rule.mistake), ...example("The fix", rule.fix));
    if (rule.note) lines.push(rule.note, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
