// Selecting words on a page as an editor does with the mouse: from the start of some words on one line to the end of
// some words on the same or a later line, across the marks and note calls the line is built of.
import type { Page } from "playwright-core";

export interface WordsOnLine {
  /** A selector for the line (`#L2`, `#1901-04-01-ada-L4`). */
  line: string;
  words: string;
  /** Which occurrence on that line, from 1. */
  occurrence?: number;
}

/**
 * Selects from the start of `from` to the end of `to` (default: the same words). `beforeTools` selects at once, without
 * waiting for npm start's page tools.
 */
export async function selectWords(page: Page, from: WordsOnLine, to: WordsOnLine = from, { beforeTools = false } = {}): Promise<void> {
  // npm start's page tools (on pages that carry its token) put "Add a note" on the page once they have loaded the
  // edition's context; words selected before then are what a slow page gets, not what every test should by chance.
  if (!beforeTools && (await page.locator('meta[name="annotate-token"]').count())) await page.locator("button.annotate-add").waitFor({ state: "attached", timeout: 15_000 });
  await page.evaluate(
    ([start, end]) => {
      const place = (spec: typeof start, edge: "start" | "end"): [Text, number] => {
        const line = document.querySelector(spec.line);
        if (!line) throw new Error(`No line ${spec.line}`);
        const nodes: Text[] = [];
        for (const part of line.querySelectorAll(".line-text")) {
          const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        }
        const text = nodes.map((node) => node.data).join("");
        let at = -1;
        for (let n = 0; n < (spec.occurrence ?? 1); n++) at = text.indexOf(spec.words, at + 1);
        if (at < 0) throw new Error(`"${spec.words}" is not on ${spec.line}: ${text}`);
        let offset = edge === "start" ? at : at + spec.words.length;
        for (const node of nodes) {
          if (offset < node.length || (edge === "end" && offset === node.length)) return [node, offset];
          offset -= node.length;
        }
        throw new Error("unreachable");
      };
      const range = document.createRange();
      range.setStart(...place(start, "start"));
      range.setEnd(...place(end, "end"));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [from, to] as const,
  );
}
