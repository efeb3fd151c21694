// Rendering on worker threads gives exactly what rendering in one thread gives: the same HTML, the same lines and
// anchors, and the same problems reported at the same places.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { generateEdition } from "../../src/bench/generate-edition.ts";
import { formatReport } from "../../src/load/diagnostics.ts";
import { loadEdition } from "../../src/load/load-edition.ts";
import { renderEdition } from "../../src/render/render-edition.ts";
import { siteUrls } from "../../src/site/urls.ts";

let root: string;
afterAll(() => rm(root, { recursive: true, force: true }));

async function render(threads: number) {
  const { edition, files } = await loadEdition(root);
  const rendered = await renderEdition(edition!, { urls: siteUrls(edition!.meta.base_url), threads });
  return {
    messages: rendered.messages.map(({ message, html, lines, notes }) => ({ id: message.id, html, lines, notes: notes.map((n) => [n.anchored, n.html]) })),
    report: formatReport(files, root),
  };
}

it("renders the same on worker threads as in one thread", async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "render-threads-"));
  const generated = await generateEdition(root, { messages: 600, annotations: 1200, seed: 5 });
  // One note whose quote is gone, so that a problem found on a worker must come back to the editor.
  const broken = path.join(root, generated.annotations[0]!.file);
  const text = await readFile(broken, "utf8");
  await writeFile(broken, text.includes("quote:") ? text.replace(/quote: (["']?)/, "quote: $1zzqx ") : text.replace(/lines: .*/, "lines: 99"));

  const inOneThread = await render(1);
  const onWorkers = await render(2);
  expect(inOneThread.messages).toHaveLength(600);
  expect(inOneThread.report).toMatch(/error/);
  expect(onWorkers.report).toBe(inOneThread.report);
  expect(onWorkers.messages).toEqual(inOneThread.messages);
}, 120_000);
