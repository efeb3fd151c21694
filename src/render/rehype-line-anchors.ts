// Makes every non-empty source line of a transcript a citable line: its own element with a stable id (`#L3`), a
// visible line number that links to it, and `data-pagefind-title` so that Pagefind makes it a sub-result.
// Paragraphs that span several source lines are split at the line breaks; inline elements that span a break are
// split in two, so that the markup stays well-formed.
import type { Element, ElementContent, Root, RootContent, Text } from "hast";
import { phrasing } from "hast-util-phrasing";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import type { TranscriptLine } from "../anchor/transcript-text.ts";
import { baseNumber } from "../anchor/line-labels.ts";
import {
  LINE_CLASS,
  LINE_CONTINUATION_CLASS,
  LINE_NUMBER_CLASS,
  LINE_TEXT_CLASS,
  lineId,
} from "./line-markup.ts";

export interface Options {
  /** Prefix of line ids (default `L`, giving `#L3`). */
  idPrefix?: string;
  /** Labels for the citable lines, given how many there are (default: 1, 2, 3…). */
  labels?: (count: number, file: VFile) => string[];
  /** The sub-result title Pagefind shows for a line (default: `Line 3`). */
  title?: (label: string, file: VFile) => string;
  /**
   * Numbers of withdrawn lines, which get a notice in their place so that their anchors still lead somewhere
   * (see `lineLabels` in anchor/). The notice is not a citable line and has no text to anchor to.
   */
  withdrawn?: (file: VFile) => readonly string[];
  /** The notice shown for a withdrawn line (default: "Line 5 was withdrawn…"). */
  withdrawnNotice?: (label: string, file: VFile) => string;
}

declare module "vfile" {
  interface DataMap {
    /** The citable lines of the transcript, in order, as rendered. */
    lines: TranscriptLine[];
  }
}

interface Segment {
  sourceLine: number;
  children: ElementContent[];
}

const defaultLabels = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));

function startLine(node: { position?: { start: { line: number } } }, fallback: number): number {
  return node.position?.start.line ?? fallback;
}

/** Splits phrasing content into runs by source line, cloning inline elements that cross a line break. */
function splitByLine(children: readonly ElementContent[], firstLine: number, into: Map<number, ElementContent[]>): number {
  let line = firstLine;
  const push = (at: number, node: ElementContent) => {
    const run = into.get(at);
    if (run) run.push(node);
    else into.set(at, [node]);
  };
  for (const child of children) {
    if (child.type === "text") {
      line = startLine(child, line);
      const pieces = child.value.split("\n");
      pieces.forEach((piece, i) => {
        if (i > 0) line++;
        if (piece) push(line, { type: "text", value: piece });
      });
    } else if (child.type === "element" && child.tagName === "br") {
      // Every line is its own block already; a hard break adds nothing.
    } else if (child.type === "element") {
      line = startLine(child, line);
      const inner = new Map<number, ElementContent[]>();
      line = splitByLine(child.children, line, inner);
      if (inner.size === 0 && child.children.length === 0) push(startLine(child, line), child);
      for (const [at, run] of inner) push(at, { ...child, children: run });
    }
  }
  return line;
}

function textOf(nodes: readonly ElementContent[]): string {
  let text = "";
  for (const node of nodes) {
    if (node.type === "text") text += node.value;
    else if (node.type === "element") text += textOf(node.children);
  }
  return text;
}

function isPhrasingRun(node: RootContent): boolean {
  return node.type === "text" || (node.type === "element" && phrasing(node));
}

function fencedCodeOffset(code: Element, file: VFile): number {
  const line = code.position?.start.line;
  if (!line) return 0;
  const source = String(file.value).split("\n")[line - 1] ?? "";
  return /^\s*(```|~~~)/.test(source) ? 1 : 0;
}

/**
 * The line's number, drawn by CSS from data-n so that it is not part of the line's text: copying a passage,
 * matching a text fragment or indexing a line sees only the words.
 */
function lineNumberLink(label: string, id: string): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { className: [LINE_NUMBER_CLASS], href: `#${id}`, ariaLabel: `Line ${label}`, dataN: label, dataPagefindIgnore: "" },
    children: [],
  };
}

const rehypeLineAnchors: Plugin<[Options?], Root> = function (options = {}) {
  const idPrefix = options.idPrefix ?? "L";
  const labelsFor = options.labels ?? defaultLabels;
  const titleFor = options.title ?? ((label: string) => `Line ${label}`);
  const noticeFor = options.withdrawnNotice ?? ((label: string) => `Line ${label} was withdrawn in a later version; see the changelog.`);

  return (tree, file) => {
    // Pass 1: find each container's phrasing runs and split them into segments by source line.
    const containers: Array<{ parent: Element | Root; replace: Array<{ from: number; to: number; segments: Segment[]; pre: boolean }> }> = [];
    const allSegments: Segment[] = [];

    const visit = (parent: Element | Root, inheritedLine: number) => {
      const replace: (typeof containers)[number]["replace"] = [];
      if (parent.type === "element" && parent.tagName === "pre") {
        const code = parent.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
        if (code) {
          const first = startLine(code, inheritedLine) + fencedCodeOffset(code, file);
          const segments: Segment[] = [];
          textOf(code.children)
            .split("\n")
            .forEach((piece, i) => {
              if (piece.trim()) segments.push({ sourceLine: first + i, children: [{ type: "text", value: piece }] });
            });
          allSegments.push(...segments);
          containers.push({ parent: code, replace: [{ from: 0, to: code.children.length, segments, pre: true }] });
        }
        return;
      }
      const children = parent.children as RootContent[];
      let i = 0;
      while (i < children.length) {
        const child = children[i]!;
        if (isPhrasingRun(child)) {
          let j = i;
          while (j < children.length && isPhrasingRun(children[j]!)) j++;
          const run = children.slice(i, j) as ElementContent[];
          if (textOf(run).trim() || run.some((node) => node.type === "element")) {
            const byLine = new Map<number, ElementContent[]>();
            splitByLine(run, startLine(parent as Element, inheritedLine), byLine);
            const segments = [...byLine]
              .filter(([, nodes]) => textOf(nodes).trim() || nodes.some((node) => node.type === "element"))
              .map(([sourceLine, nodes]) => ({ sourceLine, children: nodes }));
            allSegments.push(...segments);
            replace.push({ from: i, to: j, segments, pre: false });
          }
          i = j;
        } else {
          if (child.type === "element") visit(child, startLine(child, inheritedLine));
          i++;
        }
      }
      if (replace.length) containers.push({ parent, replace });
    };
    visit(tree, 1);

    // Pass 2: number the source lines that carry content, in document order.
    const order: number[] = [];
    const seen = new Set<number>();
    for (const segment of allSegments)
      if (!seen.has(segment.sourceLine)) {
        seen.add(segment.sourceLine);
        order.push(segment.sourceLine);
      }
    const labels = labelsFor(order.length, file);
    const labelOf = new Map(order.map((sourceLine, i) => [sourceLine, labels[i]!]));
    const lines: TranscriptLine[] = order.map((sourceLine) => ({ label: labelOf.get(sourceLine)!, text: "", sourceLine }));
    const lineIndex = new Map(order.map((sourceLine, i) => [sourceLine, i]));

    // Pass 3: replace each run with its line elements.
    const started = new Set<number>();
    const build = (segment: Segment, pre: boolean): Element => {
      const label = labelOf.get(segment.sourceLine)!;
      const line = lines[lineIndex.get(segment.sourceLine)!]!;
      const first = !started.has(segment.sourceLine);
      started.add(segment.sourceLine);
      line.text += (first ? "" : " ") + textOf(segment.children);
      const text: Element = {
        type: "element",
        tagName: "span",
        properties: { className: [LINE_TEXT_CLASS] },
        children: segment.children,
      };
      if (!first) {
        return {
          type: "element",
          tagName: "span",
          properties: { className: [LINE_CLASS, LINE_CONTINUATION_CLASS], dataLine: label },
          children: [text],
        };
      }
      const id = lineId(label, idPrefix);
      return {
        type: "element",
        tagName: "span",
        properties: {
          className: pre ? [LINE_CLASS, "line-code"] : [LINE_CLASS],
          id,
          dataLine: label,
          dataPagefindTitle: titleFor(label, file),
        },
        children: [lineNumberLink(label, id), text],
      };
    };

    const placed: Array<{ label: string; element: Element; parent: Element | Root }> = [];
    for (const { parent, replace } of containers) {
      const children = parent.children as RootContent[];
      // Replace from the end so that earlier indexes stay valid.
      for (const { from, to, segments, pre } of [...replace].reverse()) {
        const elements: RootContent[] = [];
        segments.forEach((segment, i) => {
          if (i > 0) elements.push({ type: "text", value: "\n" } satisfies Text);
          const element = build(segment, pre);
          elements.push(element);
          if (element.properties.id) placed.push({ label: String(element.properties.dataLine), element, parent });
        });
        children.splice(from, to - from, ...elements);
      }
    }

    // A withdrawn line's notice goes where the line was: before the first line numbered after it.
    const withdrawn = options.withdrawn?.(file) ?? [];
    if (withdrawn.length && placed.length) {
      const position = new Map(labels.map((label, i) => [label, i]));
      const inOrder = [...placed].sort((a, b) => position.get(a.label)! - position.get(b.label)!);
      for (const label of withdrawn) {
        const id = lineId(label, idPrefix);
        const notice: Element = {
          type: "element",
          tagName: "span",
          properties: { className: [LINE_CLASS, "line-withdrawn"], id, dataLine: label },
          children: [
            lineNumberLink(label, id),
            { type: "element", tagName: "span", properties: { className: ["line-notice"], dataPagefindIgnore: "" }, children: [{ type: "text", value: noticeFor(label, file) }] },
          ],
        };
        const next = inOrder.find((line) => baseNumber(line.label) > Number(label));
        const anchor = next ?? inOrder.at(-1)!;
        const siblings = anchor.parent.children as RootContent[];
        const at = siblings.indexOf(anchor.element);
        siblings.splice(next ? at : at + 1, 0, ...(next ? [notice, { type: "text", value: "\n" } as Text] : [{ type: "text", value: "\n" } as Text, notice]));
      }
    }
    file.data.lines = lines;
  };
};

export default rehypeLineAnchors;
