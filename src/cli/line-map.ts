// `npm run line-map`: freezes the current version's line map (edition/line-maps/<version>.json), the record that
// later versions are checked against so that published citations keep pointing at the same words. Run it when
// publishing a version; it refuses to overwrite a different map for the same version.
import { readFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildLineMap } from "../anchor/line-stability.ts";
import { formatReport } from "../load/diagnostics.ts";
import { EditionCheck } from "../pipeline/check-edition.ts";
import { parseCommandLine } from "./command-line.ts";
import { editionRoot } from "../load/edition-root.ts";
import { isMain } from "./is-main.ts";

export async function writeLineMap(root = editionRoot(), options: { force?: boolean } = {}): Promise<{ path: string; written: boolean }> {
  const run = new EditionCheck({ root });
  const { edition, entries, files, errors } = await run.check().finally(() => run.close());
  if (errors || !edition || !entries) throw new Error(`The edition has errors; fix them before freezing its line map:\n${formatReport(files, root)}`);
  const map = buildLineMap(
    edition.meta.version,
    entries.map(({ message, lines, notes }) => ({
      id: message.id,
      lines,
      notes: notes.map(({ annotation, anchored }) => ({ id: annotation.id, anchor: annotation.anchor, method: anchored.method, firstLine: anchored.firstLine, lastLine: anchored.lastLine })),
    })),
  );
  const text = `${JSON.stringify(map, null, 1)}\n`;
  const target = path.join(root, "edition", "line-maps", `${map.version}.json`);
  const existing = await readFile(target, "utf8").catch(() => undefined);
  if (existing === text) return { path: target, written: false };
  if (existing !== undefined && !options.force)
    throw new Error(`${path.relative(root, target)} already exists with other content: version ${map.version} is published. Raise the version in edition/edition.yaml first (or pass --force to replace an unpublished map).`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  return { path: target, written: true };
}

if (isMain(import.meta.url)) {
  const { values } = parseCommandLine({ options: { force: { type: "boolean", default: false } } }, "npm run line-map [-- --force]");
  try {
    const result = await writeLineMap(editionRoot(), { force: values.force });
    console.log(result.written ? `Wrote ${path.relative(process.cwd(), result.path)}.` : `${path.relative(process.cwd(), result.path)} is up to date.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
