// `npm run check`: validates the whole edition without building the site. Every problem in every file is reported
// at once, as `path:line:col  severity  message  [rule-id]` with a hint, and any error makes the exit code non-zero.
import { countErrors, formatReport, summary } from "../load/diagnostics.ts";
import { createSiteModel } from "../site/site-model.ts";

export async function check(root = process.cwd()): Promise<{ report: string; errors: number; summary: string }> {
  const { files } = await createSiteModel(root);
  return { report: formatReport(files, root), errors: countErrors(files), summary: summary(files) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await check();
  if (result.report) console.error(result.report);
  console.error(result.errors ? `\n✖ ${result.summary}` : `✔ ${result.summary}`);
  process.exitCode = result.errors ? 1 : 0;
}
