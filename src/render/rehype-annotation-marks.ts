// Anchors annotations to a transcript's lines and marks the passages they annotate: each passage is wrapped in
// <mark> (splitting at element boundaries, nesting where notes overlap) and followed by a numbered call that links to
// its note. Runs after rehypeLineAnchors, whose line elements it reads.
import type { Element, ElementContent, Root, Text } from "hast";
import type { Plugin } from "unified";
import { AnchorResolver, type AnchorProblem } from "../anchor/resolve-anchor.ts";
import type { TextRange } from "../anchor/transcript-text.ts";
import { TranscriptText } from "../anchor/transcript-text.ts";
import type { Anchor } from "../load/schema.ts";
import { hasClass, LINE_CONTINUATION_CLASS, LINE_TEXT_CLASS, lineLabelOf } from "./line-markup.ts";

export interface MarkedAnnotation {
  id: string;
  anchor: Anchor;
  kind?: string;
}

export interface AnchoredAnnotation {
  id: string;
  /** 1-based, in reading order of the passages. */
  number: number;
  range: TextRange;
  exact: string;
  /** Up to 32 characters either side, as a W3C TextQuoteSelector would record them. */
  prefix: string;
  suffix: string;
  firstLine: string;
  lastLine: string;
  method: "quote" | "quote-and-line" | "lines";
}

export interface Options {
  /** The annotations to anchor; when omitted, `file.data.annotations`, so one processor can serve many files. */
  annotations?: readonly MarkedAnnotation[];
  /** Name of the transcript in messages (default: the file's stem). */
  transcriptName?: string;
  /** Where a note call links to (default `#note-<id>`). */
  noteHref?: (id: string) => string;
  /** Called for each anchor that cannot be resolved; by default it becomes a message on the transcript's file. */
  onProblem?: (annotation: MarkedAnnotation, problem: AnchorProblem) => void;
}

declare module "vfile" {
  interface DataMap {
    annotations: readonly MarkedAnnotation[];
    /** The annotations that anchored, in reading order. */
    anchored: AnchoredAnnotation[];
  }
}

const CONTEXT = 32;

const rehypeAnnotationMarks: Plugin<[Options?], Root> = function (options = {}) {
  const noteHref = options.noteHref ?? ((id: string) => `#note-${id}`);

  return (tree, file) => {
    const lines = file.data.lines;
    if (!lines) {
      file.fail("rehypeAnnotationMarks needs the lines from rehypeLineAnchors; use that plugin first", {
        ruleId: "plugin-order",
        source: "rehype-annotation-marks",
      });
      return;
    }
    const transcript = new TranscriptText(lines);
    const resolver = new AnchorResolver(options.transcriptName ?? file.stem ?? "the transcript", transcript);

    const annotations = options.annotations ?? file.data.annotations ?? [];
    const anchored: AnchoredAnnotation[] = [];
    for (const annotation of annotations) {
      const result = resolver.resolve(annotation.anchor);
      if (!result.ok) {
        if (options.onProblem) options.onProblem(annotation, result.problem);
        else {
          const message = file.message(`${result.problem.message} (annotation ${annotation.id})`, {
            ruleId: result.problem.rule,
            source: "rehype-annotation-marks",
          });
          message.fatal = true;
          message.note = result.problem.hint;
        }
        continue;
      }
      const { range, method } = result.anchor;
      const { first, last } = transcript.linesOf(range);
      anchored.push({
        id: annotation.id,
        number: 0,
        range,
        exact: transcript.text.slice(range.start, range.end),
        prefix: transcript.text.slice(Math.max(0, range.start - CONTEXT), range.start),
        suffix: transcript.text.slice(range.end, range.end + CONTEXT),
        firstLine: first.label,
        lastLine: last.label,
        method,
      });
    }
    anchored.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end || a.id.localeCompare(b.id));
    anchored.forEach((annotation, i) => (annotation.number = i + 1));
    file.data.anchored = anchored;
    if (!anchored.length) return;

    const kindOf = new Map(annotations.map((annotation) => [annotation.id, annotation.kind]));
    const offsetOfLabel = new Map(transcript.lines.map((line, i) => [line.label, transcript.lineStarts[i]!]));
    const cursor = new Map<string, number>();

    const noteCall = (annotation: AnchoredAnnotation): Element => ({
      type: "element",
      tagName: "a",
      properties: {
        className: ["note-call"],
        href: noteHref(annotation.id),
        id: `ref-${annotation.id}`,
        ariaLabel: `Note ${annotation.number}`,
        dataN: String(annotation.number),
        dataPagefindIgnore: "",
      },
      children: [],
    });

    /** Marks the text nodes of one line's text, starting at transcript offset `start`; returns the offset after it. */
    const markText = (parent: Element, start: number): number => {
      let offset = start;
      const children: ElementContent[] = [];
      for (const child of parent.children) {
        if (child.type === "element") {
          offset = markText(child, offset);
          children.push(child);
          continue;
        }
        if (child.type !== "text") {
          children.push(child);
          continue;
        }
        const from = offset;
        const to = offset + child.value.length;
        offset = to;
        const touching = anchored.filter((a) => a.range.start < to && a.range.end > from);
        if (!touching.length) {
          children.push(child);
          continue;
        }
        const cuts = new Set([from, to]);
        for (const a of touching) {
          if (a.range.start > from) cuts.add(a.range.start);
          if (a.range.end < to) cuts.add(a.range.end);
        }
        const points = [...cuts].sort((x, y) => x - y);
        for (let i = 0; i < points.length - 1; i++) {
          const pieceStart = points[i]!;
          const pieceEnd = points[i + 1]!;
          const text: Text = { type: "text", value: child.value.slice(pieceStart - from, pieceEnd - from) };
          const covering = touching.filter((a) => a.range.start <= pieceStart && a.range.end >= pieceEnd);
          if (covering.length) {
            children.push({
              type: "element",
              tagName: "mark",
              properties: {
                className: ["annotated", ...new Set(covering.map((a) => `note-kind-${kindOf.get(a.id) ?? "note"}`))],
                dataNotes: covering.map((a) => a.id).join(" "),
                dataDepth: String(covering.length),
              },
              children: [text],
            });
          } else children.push(text);
          for (const a of touching) if (a.range.end === pieceEnd) children.push(noteCall(a));
        }
      }
      parent.children = children;
      return offset;
    };

    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        const label = lineLabelOf(child);
        if (label === undefined) {
          walk(child);
          continue;
        }
        const text = child.children.find(
          (inner): inner is Element => inner.type === "element" && hasClass(inner, LINE_TEXT_CLASS),
        );
        if (!text) continue;
        // A continuation segment of a line follows the text already marked, after the space that joins them.
        const start = hasClass(child, LINE_CONTINUATION_CLASS)
          ? (cursor.get(label) ?? offsetOfLabel.get(label)!) + 1
          : offsetOfLabel.get(label)!;
        cursor.set(label, markText(text, start));
      }
    };
    walk(tree);
  };
};

export default rehypeAnnotationMarks;
