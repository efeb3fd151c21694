// Rendering one transcript, as a job that can run on any thread: plain data in (its text, line labels and the
// anchors of its notes), plain data out (its HTML, lines, anchored notes and problems). The build (src/pipeline/)
// runs jobs on its worker threads, a partition at a time.
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { anchorAnnotations, type AnchoredAnnotation, type AnnotationToAnchor } from "../anchor/anchor-annotations.ts";
import { lineLabels, type LabelProblem } from "../anchor/line-labels.ts";
import type { AnchorProblem } from "../anchor/resolve-anchor.ts";
import type { TranscriptLine } from "../anchor/transcript-text.ts";
import type { Annotation, Message } from "../load/model.ts";
import { createTranscriptHtmlProcessor, createTranscriptLinesProcessor, type HtmlProcessor, type TranscriptLinesProcessor } from "./processors.ts";

/** What rendering one message's transcript needs: its text and where it sits in its file, and its notes' anchors. */
export function transcriptJob(message: Message, annotations: readonly Annotation[]): TranscriptJob {
  return {
    id: message.id,
    path: message.origin.file.path,
    body: message.body,
    bodyStartLine: message.origin.bodyStartLine,
    insertedAfter: message.inserted_after,
    withdrawn: message.withdrawn_lines,
    annotations: annotations.map(({ id, anchor, kind }) => ({ id, anchor, kind })),
  };
}

export interface TranscriptJob {
  id: string;
  path: string;
  body: string;
  bodyStartLine: number;
  insertedAfter?: string[];
  withdrawn?: string[];
  annotations: AnnotationToAnchor[];
}

/** A problem found while rendering, in a form that can be cached, sent between threads and reported later. */
export interface StoredMessage {
  reason: string;
  ruleId?: string;
  line?: number;
  column?: number;
  note?: string;
  fatal?: boolean | null;
}

export interface RenderedTranscript {
  html: string;
  lines: TranscriptLine[];
  anchored: AnchoredAnnotation[];
  failures: Array<{ id: string; problem: AnchorProblem }>;
  /** Where inserted_after cannot describe the transcript's lines. */
  labelProblems: LabelProblem[];
  messages: StoredMessage[];
  /** Milliseconds spent anchoring, for the build's per-stage timings. */
  anchorTime: number;
}

export function storedMessage(message: VFileMessage): StoredMessage {
  return { reason: message.reason, ruleId: message.ruleId, line: message.line, column: message.column, note: message.note, fatal: message.fatal };
}

declare module "vfile" {
  interface DataMap {
    job: TranscriptJob;
    labelProblems: LabelProblem[];
  }
}

/** Renders transcripts with one pair of processors, created once per thread. */
export class TranscriptRenderer {
  readonly #lines: TranscriptLinesProcessor;
  readonly #html: HtmlProcessor;

  constructor() {
    this.#lines = createTranscriptLinesProcessor({
      labels: (count, file) => {
        const { labels, problems } = lineLabels(count, { insertedAfter: file.data.job?.insertedAfter, withdrawn: file.data.job?.withdrawn });
        file.data.labelProblems = problems;
        return labels;
      },
      withdrawn: (file) => file.data.job?.withdrawn ?? [],
    });
    this.#html = createTranscriptHtmlProcessor();
  }

  render(job: TranscriptJob): RenderedTranscript {
    // The body at the same line numbers as in the editor's file, so that positions need no mapping.
    const file = new VFile({ path: job.path, value: "\n".repeat(job.bodyStartLine - 1) + job.body });
    file.data.job = job;
    const tree = this.#lines.runSync(this.#lines.parse(file), file);
    const lines = file.data.lines ?? [];
    const anchorStart = performance.now();
    const { anchored, failures } = anchorAnnotations(job.id, lines, job.annotations);
    const anchorTime = performance.now() - anchorStart;
    file.data.anchored = anchored;
    const html = this.#html.stringify(this.#html.runSync(tree, file), file);
    return {
      html,
      lines,
      anchored,
      failures: failures.map(({ annotation, problem }) => ({ id: annotation.id, problem })),
      labelProblems: file.data.labelProblems ?? [],
      messages: file.messages.map(storedMessage),
      anchorTime,
    };
  }
}
