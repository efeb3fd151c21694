// What the editor selected on the page, in the terms a note's anchor is written in: the words as the transcript's
// lines hold them (line numbers and note calls are not text), widened to whole words as every quote must be
// (anchor/word-edges.ts, the build's own rule), and where they start — a line and an offset in it — so that the
// server picks the occurrence the editor meant when the words occur more than once.
import { toWordEdges } from "../../anchor/word-edges.ts";

export interface TranscriptBox {
  /** The message the transcript is of. */
  message: string;
  element: HTMLElement;
}

interface LineText {
  label: string;
  start: number;
  nodes: Array<{ node: Text; start: number }>;
}

interface BoxText {
  box: TranscriptBox;
  text: string;
  lines: LineText[];
}

export interface Selected {
  message: string;
  quote: string;
  at: { line: string; offset: number };
  firstLine: string;
  lastLine: string;
  /** Every message the selection touches: more than one when it runs from one into the next (the conversation). */
  messages: string[];
}

/** The transcripts of the page: one on a message page, every message's on the conversation. */
export function transcriptBoxes(): TranscriptBox[] {
  const rows = [...document.querySelectorAll<HTMLElement>("li[id^='message-'] .transcript")];
  if (rows.length)
    return rows.map((element) => ({ element, message: element.closest<HTMLElement>("li[id^='message-']")!.id.slice("message-".length) }));
  const single = document.querySelector<HTMLElement>("body.page-message section.transcript");
  const id = /\/messages\/([^/]+)\/$/.exec(location.pathname)?.[1];
  return single && id ? [{ element: single, message: decodeURIComponent(id) }] : [];
}

/** A transcript's text as lines joined by "\n", as the anchoring code joins them (anchor/transcript-text.ts). */
function boxText(box: TranscriptBox): BoxText {
  const lines: LineText[] = [];
  let text = "";
  for (const line of box.element.querySelectorAll<HTMLElement>(".line[data-line]")) {
    const label = line.dataset.line!;
    // A table row's cells are segments of one line.
    let current = lines.at(-1);
    if (current?.label !== label) {
      if (lines.length) text += "\n";
      current = { label, start: text.length, nodes: [] };
      lines.push(current);
    }
    for (const part of line.querySelectorAll(":scope .line-text")) {
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        current.nodes.push({ node, start: text.length });
        text += node.data;
      }
    }
  }
  return { box, text, lines };
}

/** The offset in the box's text of the first (or last) selected character, if the range reaches its lines. */
function edge(box: BoxText, range: Range, which: "start" | "end"): number | undefined {
  const nodes = box.lines.flatMap((line) => line.nodes);
  const inRange = nodes.filter(({ node }) => range.intersectsNode(node));
  const hit = which === "start" ? inRange[0] : inRange.at(-1);
  if (!hit) return undefined;
  if (which === "start") return hit.start + (hit.node === range.startContainer ? range.startOffset : 0);
  return hit.start + (hit.node === range.endContainer ? range.endOffset : hit.node.length);
}

const lineAt = (box: BoxText, offset: number) => [...box.lines].reverse().find((line) => line.start <= offset) ?? box.lines[0]!;

/** The selection as a quote, or undefined when it holds no words of a transcript. */
export function selectedQuote(selection: Selection | null, boxes: TranscriptBox[]): Selected | undefined {
  if (!selection || selection.isCollapsed || !selection.rangeCount) return undefined;
  const range = selection.getRangeAt(0);
  const touched = boxes.filter((box) => range.intersectsNode(box.element)).map(boxText);
  const first = touched[0];
  const last = touched.at(-1);
  if (!first || !last) return undefined;
  let start = edge(first, range, "start");
  let end = edge(last, range, "end");
  if (start === undefined || end === undefined) return undefined;
  // Whole words at each end, then no spaces: what the editor meant by the words they swept over.
  ({ start } = toWordEdges(first.text, { start, end: first === last ? end : first.text.length }));
  ({ end } = toWordEdges(last.text, { start: first === last ? start : 0, end }));
  while (start < first.text.length && /\s/.test(first.text[start]!)) start++;
  while (end > 0 && /\s/.test(last.text[end - 1]!)) end--;
  const parts = first === last ? [first.text.slice(start, end)] : [first.text.slice(start), ...touched.slice(1, -1).map((box) => box.text), last.text.slice(0, end)];
  const quote = parts.join("\n");
  if (!quote.trim()) return undefined;
  const startLine = lineAt(first, start);
  return {
    message: first.box.message,
    quote,
    at: { line: startLine.label, offset: start - startLine.start },
    firstLine: startLine.label,
    lastLine: lineAt(last, Math.max(0, end - 1)).label,
    messages: touched.map((box) => box.box.message),
  };
}

/** Where to put the "Add a note" control: just below the end of the selection, in the page's coordinates. */
export function selectionEnd(selection: Selection): { top: number; left: number } | undefined {
  if (!selection.rangeCount) return undefined;
  const rects = [...selection.getRangeAt(0).getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
  const rect = rects.at(-1);
  return rect ? { top: rect.bottom + window.scrollY, left: rect.right + window.scrollX } : undefined;
}
