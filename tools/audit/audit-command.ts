// `npm run audit [-- --site DIR] [paths…]`: Lighthouse on the built site's home, a message, the conversation and
// the search pages (or the paths given). Prints every score and what keeps each below 100; exits non-zero if
// any page scores below 100 for accessibility, which is the bar the site is held to in CI.
import path from "node:path";
import { auditSite, CATEGORIES } from "./lighthouse-audit.ts";
import { loadEdition } from "../../src/load/load-edition.ts";
import { siteUrls } from "../../src/site/urls.ts";
import { parseCommandLine } from "../../src/cli/command-line.ts";
import { editionRoot } from "../../src/load/edition-root.ts";

async function defaultPaths(root: string): Promise<string[]> {
  const { edition } = await loadEdition(root);
  if (!edition) throw new Error(`The edition in ${root} does not load; run npm run check.`);
  const urls = siteUrls(edition.meta.base_url);
  const message = edition.messages.find((m) => (edition.annotationsByMessage.get(m.id)?.length ?? 0) > 0) ?? edition.messages[0];
  // A search for a word the edition has, so that the search page is audited with its results on screen.
  const word = edition.messages[0]?.body.match(/\p{L}{5,}/u)?.[0] ?? "";
  return [urls.home(), ...(message ? [urls.message(message.id)] : []), urls.conversation(), `${urls.search()}?q=${encodeURIComponent(word)}`];
}

const { values, positionals } = parseCommandLine(
  { options: { site: { type: "string" }, root: { type: "string" } }, allowPositionals: true },
  "npm run audit [-- --site <folder>] [--root <edition folder>] [paths…]",
);
const root = values.root ? path.resolve(values.root) : editionRoot();
const site = path.resolve(values.site ?? path.join(root, "_site"));
const paths = positionals.length ? positionals : await defaultPaths(root);
const audits = await auditSite(site, paths);

let belowBar = 0;
for (const audit of audits) {
  console.log(`${audit.path}\n  ${CATEGORIES.map((c) => `${c} ${audit.scores[c]}`).join(" · ")}`);
  for (const category of CATEGORIES)
    if (audit.scores[category] < 100)
      for (const failing of audit.failing[category])   console.log(`    ${category}: ${failing.title}${failing.displayValue ? ` (${failing.displayValue})` : ""} [${failing.id}]`);
  if (audit.scores.accessibility < 100) belowBar++;
}
if (belowBar) {
  console.error(`\n${belowBar} page${belowBar === 1 ? "" : "s"} below 100 for accessibility.`);
  process.exitCode = 1;
}
