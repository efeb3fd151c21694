// A message's text as a transcript body whose every line renders as exactly the original line. Escaping is checked
// by rendering the body with the pipeline's own transcript chain (TranscriptRenderer), not by reasoning about
// Markdown: a line that does not come out as written is escaped completely instead, and if even that fails, the
// message is refused rather than published with different words.
import { TranscriptRenderer } from "../render/transcript-job.ts";
import { escapeLine, escapeLineFully, trimLine } from "./verbatim-markdown.ts";

export interface Transcription {
  /** The transcript body, ending with a newline. */
  body: string;
  /** Lines that lost spaces or tabs at either end, which a transcript line cannot show (1-based, in the text). */
  trimmed: number[];
  /** Lines (1-based) that no escaping could make render as written; empty when the transcription is verbatim. */
  unfaithful: Array<{ line: number; expected: string; rendered: string }>;
}

/** The text's lines, without blank lines at either end (they are not part of what a reader sees). */
export function messageLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  return lines;
}

export class VerbatimTranscriber {
  readonly #renderer = new TranscriptRenderer();

  /** The text of each rendered line, by the line of the body it came from (1-based). */
  #renderedLines(body: string): Map<number, string> {
    const { lines } = this.#renderer.render({ id: "transcription", path: "transcription.md", body, bodyStartLine: 1, annotations: [] });
    return new Map(lines.map((line) => [line.sourceLine ?? 0, line.text]));
  }

  #mismatches(expected: readonly string[], body: string): Array<{ line: number; expected: string; rendered: string }> {
    const rendered = this.#renderedLines(body);
    const wrong: Array<{ line: number; expected: string; rendered: string }> = [];
    expected.forEach((text, i) => {
      const got = rendered.get(i + 1) ?? "";
      if (got !== text) wrong.push({ line: i + 1, expected: text, rendered: got });
    });
    // A line that renders where the text has none (it would be a line the original does not have).
    for (const [line, text] of rendered) if (line > expected.length) wrong.push({ line, expected: "", rendered: text });
    return wrong;
  }

  transcribe(text: string): Transcription {
    const original = messageLines(text);
    const expected = original.map(trimLine);
    const trimmed = original.flatMap((line, i) => (line !== expected[i] && expected[i] !== "" ? [i + 1] : []));
    const escaped = original.map(escapeLine);
    let unfaithful = this.#mismatches(expected, `${escaped.join("\n")}\n`);
    if (unfaithful.length) {
      for (const { line } of unfaithful) if (line <= original.length) escaped[line - 1] = escapeLineFully(original[line - 1]!);
      unfaithful = this.#mismatches(expected, `${escaped.join("\n")}\n`);
    }
    return { body: `${escaped.join("\n")}\n`, trimmed, unfaithful };
  }
}
