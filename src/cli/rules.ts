// `npm run rules`: writes docs/rules.md from the rule registry (src/load/rules.ts).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RULES_DOC } from "../load/rules.ts";
import { rulesDocument } from "../load/rules-doc.ts";
import { parseCommandLine } from "./command-line.ts";
import { isMain } from "./is-main.ts";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

if (isMain(import.meta.url)) {
  parseCommandLine({ options: {} }, "npm run rules");
  await writeFile(path.join(PROJECT_ROOT, RULES_DOC), rulesDocument());
  console.log(`Wrote ${RULES_DOC}.`);
}
