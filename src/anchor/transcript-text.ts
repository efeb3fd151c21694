// The text that annotations anchor to: a transcript's citable lines joined by "\n". Offsets into this text are
// what a W3C TextPositionSelector counts, and what the render stage maps back onto the rendered lines.

export interface TranscriptLine {
  /** The line's permanent label, as in `#L3`. */
  label: string;
  /** The plain text of the line as a reader sees it, without Markdown syntax. */
  text: string;
  /** The line of the source file it was written on, when known, for error messages. */
  sourceLine?: number;
}

export interface TextRange {
  start: number;
  end: number;
}

export class TranscriptText {
  readonly lines: readonly TranscriptLine[];
  readonly text: string;
  /** Offset in `text` at which each line starts. */
  readonly lineStarts: readonly number[];
  readonly #indexByLabel: Map<string, number>;

  constructor(lines: readonly TranscriptLine[]) {
    this.lines = lines;
    const starts: number[] = [];
    let offset = 0;
    for (const line of lines) {
      starts.push(offset);
      offset += line.text.length + 1;
    }
    this.lineStarts = starts;
    this.text = lines.map((line) => line.text).join("\n");
    this.#indexByLabel = new Map(lines.map((line, index) => [line.label, index]));
  }

  indexOfLabel(label: string): number | undefined {
    return this.#indexByLabel.get(label);
  }

  /** The index of the line that contains `offset` (an offset at a line's end belongs to that line). */
  lineIndexAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The labels of the first and last lines a range touches. */
  linesOf(range: TextRange): { first: TranscriptLine; last: TranscriptLine } {
    const first = this.lines[this.lineIndexAt(range.start)]!;
    const last = this.lines[this.lineIndexAt(Math.max(range.start, range.end - 1))]!;
    return { first, last };
  }

  /** The range that covers whole lines `from` to `to`, by index. */
  rangeOfLines(from: number, to: number): TextRange {
    const start = this.lineStarts[from] ?? 0;
    const end = (this.lineStarts[to] ?? 0) + (this.lines[to]?.text.length ?? 0);
    return { start, end };
  }
}
