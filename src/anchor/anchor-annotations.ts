// Anchors all of one transcript's annotations to its lines: each either gets a range of the text (with the
// W3C TextQuoteSelector context around it) or a problem that says why not. Notes are numbered in reading order.
import type { Anchor } from "../load/schema.ts";
import { AnchorResolver, type AnchorProblem, type MovedAnchor, type PublishedAnchor } from "./resolve-anchor.ts";
import { TranscriptText, type TextRange, type TranscriptLine } from "./transcript-text.ts";
import { compareText } from "../load/compare-text.ts";

export interface AnnotationToAnchor {
  id: string;
  anchor: Anchor;
  kind?: string;
  /** Where its quote was in a published version, which is the only place it may be followed to after a correction. */
  published?: PublishedAnchor;
}

export interface AnchoredAnnotation {
  id: string;
  kind?: string;
  /** 1-based, in reading order of the passages. */
  number: number;
  range: TextRange;
  exact: string;
  /** Up to 32 characters either side, as a W3C TextQuoteSelector records them. */
  prefix: string;
  suffix: string;
  firstLine: string;
  lastLine: string;
  method: "quote" | "quote-and-line" | "lines" | "moved";
  /** Set when the note had to be found again after its text changed: what it was anchored to, and what now. */
  moved?: MovedAnchor;
}

export interface AnchorFailure {
  annotation: AnnotationToAnchor;
  problem: AnchorProblem;
}

const CONTEXT = 32;

export function anchorAnnotations(
  transcriptName: string,
  lines: readonly TranscriptLine[],
  annotations: readonly AnnotationToAnchor[],
): { anchored: AnchoredAnnotation[]; failures: AnchorFailure[] } {
  const transcript = new TranscriptText(lines);
  const resolver = new AnchorResolver(transcriptName, transcript);
  const anchored: AnchoredAnnotation[] = [];
  const failures: AnchorFailure[] = [];
  for (const annotation of annotations) {
    const result = resolver.resolve(annotation.anchor, annotation.published);
    if (!result.ok) {
      failures.push({ annotation, problem: result.problem });
      continue;
    }
    const { range, method, moved } = result.anchor;
    const { first, last } = transcript.linesOf(range);
    anchored.push({
      id: annotation.id,
      kind: annotation.kind,
      number: 0,
      range,
      exact: transcript.text.slice(range.start, range.end),
      prefix: transcript.text.slice(Math.max(0, range.start - CONTEXT), range.start),
      suffix: transcript.text.slice(range.end, range.end + CONTEXT),
      firstLine: first.label,
      lastLine: last.label,
      method,
      ...(moved ? { moved } : {}),
    });
  }
  anchored.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end || compareText(a.id, b.id));
  anchored.forEach((annotation, i) => (annotation.number = i + 1));
  return { anchored, failures };
}
