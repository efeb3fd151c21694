// `npm run check`: validates the whole edition without building the site. Every problem in every file is reported
// at once, as `path:line:col  severity  message  [rule-id]` with a hint, and any error makes the exit code
// non-zero. With --fix it first stores moved notes' new anchors and normalises encodings (src/cli/fix.ts).
import path from "node:path";
import { countErrors, formatReport, summary } from "../load/diagnostics.ts";
import { EditionCheck } from "../pipeline/check-edition.ts";
import { parseCommandLine } from "./command-line.ts";
import { fixEdition, type FixResult } from "./fix.ts";
import { editionRoot } from "../load/edition-root.ts";
import { isMain } from "./is-main.ts";

export async function check(root = editionRoot(), options: { fix?: boolean } = {}): Promise<{ report: string; errors: number; summary: string; fixed: FixResult["fixed"] }> {
  const run = new EditionCheck({ root });
  try {
    let result = await run.check();
    let fixed: FixResult["fixed"] = [];
    if (options.fix) {
      fixed = (await fixEdition(result.files, result.entries)).fixed;
      if (fixed.length) result = await run.check({ changed: fixed.map((entry) => entry.path) });
    }
    return { report: formatReport(result.files, root), errors: countErrors(result.files), summary: summary(result.files), fixed };
  } finally {
    await run.close();
  }
}

if (isMain(import.meta.url)) {
  const options = parseCommandLine({ options: { fix: { type: "boolean", default: false } } }, "npm run check [-- --fix]").values;
  const result = await check(editionRoot(), { fix: options.fix });
  for (const { path: file, what } of result.fixed) console.error(`fixed  ${path.relative(process.cwd(), file)}: ${what}`);
  if (result.report) console.error(result.report);
  console.error(result.errors ? `\n✖ ${result.summary}` : `✔ ${result.summary}`);
  process.exitCode = result.errors ? 1 : 0;
}
