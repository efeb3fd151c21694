// Marks the passages that annotations are anchored to: each is wrapped in <mark> (split at element boundaries,
// nested where notes overlap) and followed by a numbered call that links to its note. It reads the line elements
// of rehypeLineAnchors and the ranges the anchor stage resolved; it never decides where a note goes.
import type { Element, ElementContent, Root, Text } from "hast";
import type { Plugin } from "unified";
import type { AnchoredAnnotation } from "../anchor/anchor-annotations.ts";
import { TranscriptText } from "../anchor/transcript-text.ts";
import { hasClass, LINE_CONTINUATION_CLASS, LINE_TEXT_CLASS, lineLabelOf } from "./line-markup.ts";

export interface Options {
  /** The anchored annotations; when omitted, `file.data.anchored`, so one processor can serve many files. */
  anchored?: readonly AnchoredAnnotation[];
  /** Where a note call links to (default `#note-<id>`). */
  noteHref?: (id: string) => string;
}

declare module "vfile" {
  interface DataMap {
    /** The annotations anchored to this transcript, in reading order. */
    anchored: AnchoredAnnotation[];
  }
}

const rehypeAnnotationMarks: Plugin<[Options?], Root> = function (options = {}) {
  const noteHref = options.noteHref ?? ((id: string) => `#note-${id}`);

  return (tree, file) => {
    const anchored = options.anchored ?? file.data.anchored ?? [];
    if (!anchored.length) return;
    const lines = file.data.lines;
    if (!lines) {
      file.fail("rehypeAnnotationMarks needs the lines from rehypeLineAnchors; use that plugin first", {
        ruleId: "plugin-order",
        source: "rehype-annotation-marks",
      });
      return;
    }
    const transcript = new TranscriptText(lines);
    const offsetOfLabel = new Map(transcript.lines.map((line, i) => [line.label, transcript.lineStarts[i]!]));
    const cursor = new Map<string, number>();
    const callsAt = placeCalls(anchored, transcript);

    const noteCall = (annotation: AnchoredAnnotation): Element => ({
      type: "element",
      tagName: "a",
      properties: {
        className: ["note-call"],
        href: noteHref(annotation.id),
        id: `ref-${annotation.id}`,
        ariaLabel: `Note ${annotation.number}`,
        // Drawn by CSS from data-n, so that the number is not part of the transcript's text.
        dataN: String(annotation.number),
        dataPagefindIgnore: "",
      },
      children: [],
    });

    /**
     * Marks the text nodes of one line's text, starting at transcript offset `start`. Returns the offset after it,
     * and the note calls that could not go where their passage ends because that is inside a link: a link cannot
     * contain another, so they go after the link.
     */
    const markText = (parent: Element, start: number, insideLink: boolean): { offset: number; deferred: Element[] } => {
      let offset = start;
      const children: ElementContent[] = [];
      const deferred: Element[] = [];
      for (const child of parent.children) {
        if (child.type === "element") {
          const inner = markText(child, offset, insideLink || child.tagName === "a");
          offset = inner.offset;
          children.push(child);
          if (insideLink) deferred.push(...inner.deferred);
          else children.push(...inner.deferred);
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
        const calls = [...callsAt.keys()].filter((at) => at > from && at <= to);
        if (!touching.length && !calls.length) {
          children.push(child);
          continue;
        }
        const cuts = new Set([from, to, ...calls]);
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
                className: ["annotated", ...new Set(covering.map((a) => `note-kind-${a.kind ?? "note"}`))],
                dataNotes: covering.map((a) => a.id).join(" "),
                dataDepth: String(covering.length),
              },
              children: [text],
            });
          } else children.push(text);
          for (const a of callsAt.get(pieceEnd) ?? []) (insideLink ? deferred : children).push(noteCall(a));
        }
      }
      parent.children = children;
      return { offset, deferred };
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
        const { offset, deferred } = markText(text, start, false);
        text.children.push(...deferred);
        cursor.set(label, offset);
      }
    };
    walk(tree);
  };
};

/** Punctuation that closes a phrase: a call goes after it, never between the words and their full stop. */
const CLOSING = /[.,;:!?…)\]}»”’"'،؛؟۔、。！，？]/u;

/**
 * Where each note's call goes, by transcript offset, in the order the calls are printed there. A call follows the
 * end of its passage, past any closing punctuation ("UNDERVOLT.①", not "UNDERVOLT①."); passages that overlap and
 * end on the same line put their calls together at the end of the last of them, ordered by where the passages
 * start, so that overlapping notes read ①②③ and never ②.①③.
 */
export function placeCalls(anchored: readonly AnchoredAnnotation[], transcript: TranscriptText): Map<number, AnchoredAnnotation[]> {
  const byLine = new Map<number, AnchoredAnnotation[]>();
  for (const a of anchored) {
    const line = transcript.lineIndexAt(Math.max(a.range.start, a.range.end - 1));
    const group = byLine.get(line);
    if (group) group.push(a);
    else byLine.set(line, [a]);
  }
  const calls = new Map<number, AnchoredAnnotation[]>();
  for (const [line, group] of byLine) {
    const lineEnd = transcript.rangeOfLines(line, line).end;
    group.sort((a, b) => a.range.start - b.range.start || a.number - b.number);
    let cluster: AnchoredAnnotation[] = [];
    let clusterEnd = -1;
    const flush = () => {
      if (!cluster.length) return;
      let at = clusterEnd;
      while (at < lineEnd && CLOSING.test(transcript.text[at]!)) at++;
      calls.set(at, [...(calls.get(at) ?? []), ...cluster]);
      cluster = [];
    };
    for (const a of group) {
      // Within a line, a passage that begins before the cluster's last passage ends overlaps it.
      if (cluster.length && a.range.start >= clusterEnd) flush();
      cluster.push(a);
      clusterEnd = Math.max(cluster.length > 1 ? clusterEnd : 0, a.range.end);
    }
    flush();
  }
  return calls;
}

export default rehypeAnnotationMarks;
