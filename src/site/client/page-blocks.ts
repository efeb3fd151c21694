// The page's text as a browser's text search sees it, for choosing text-fragment links (cite/text-fragment.ts):
// the rendered text in document order, cut into blocks wherever an element is not inline (each line, each table
// cell, each inline-block note call). Text that is not rendered is left out, and so are the notes opened under
// their lines on a phone, which a reader who follows the link does not have.
import type { FragmentPage } from "../../cite/text-fragment.ts";

const SKIP = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"]);

export function pageBlocks(firstLine: string, lastLine: string): FragmentPage | undefined {
  const blocks: string[] = [];
  const linesOf: Array<Set<string>> = [];
  let text = "";
  let lines = new Set<string>();
  const flush = () => {
    if (!text.trim()) {
      text = "";
      lines = new Set();
      return;
    }
    blocks.push(text);
    linesOf.push(lines);
    text = "";
    lines = new Set();
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.nodeValue ?? "";
      const line = node.parentElement?.closest<HTMLElement>(".transcript .line[data-line]");
      if (line) lines.add(line.dataset.line!);
      return;
    }
    if (!(node instanceof Element) || SKIP.has(node.tagName) || node.classList.contains("inline-note")) return;
    const display = getComputedStyle(node).display;
    // An element of display: contents draws no box of its own, but its children do.
    if (display === "none" || (display !== "contents" && !node.checkVisibility())) return;
    const boundary = display !== "inline" && display !== "contents";
    if (boundary) flush();
    for (const child of node.childNodes) walk(child);
    if (boundary) flush();
  };
  walk(document.body);
  flush();
  const first = linesOf.findIndex((set) => set.has(firstLine));
  let last = -1;
  for (let i = linesOf.length - 1; i >= 0; i--)
    if (linesOf[i]!.has(lastLine)) {
      last = i;
      break;
    }
  return first >= 0 && last >= first ? { blocks, first, last } : undefined;
}
