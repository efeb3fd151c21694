// Line labels that survive corrections. A line's number is its permanent address (#L3): once published it keeps
// meaning the same text. A line inserted after publication is numbered after the line it follows, with a letter
// (2a, 2b), so nothing after it is renumbered; a withdrawn line keeps its number, which is never reused.

export interface LineLabelSpec {
  /** Labels of published lines after which a new line was inserted, once per inserted line, in order. */
  insertedAfter?: readonly string[];
  /** Numbers of published lines that were removed; their anchors stay, pointing at a notice. */
  withdrawn?: readonly string[];
}

export interface LabelProblem {
  message: string;
  hint: string;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Labels for `count` lines in reading order. Without insertions or withdrawals this is 1…count. Returns the
 * labels, or a problem when the spec cannot describe the text (an insertion after a line that does not exist).
 */
export function lineLabels(count: number, spec: LineLabelSpec = {}): { labels: string[]; problems: LabelProblem[] } {
  const withdrawn = new Set(spec.withdrawn);
  const pending = new Map<string, number>();
  for (const after of spec.insertedAfter ?? []) pending.set(after, (pending.get(after) ?? 0) + 1);

  const labels: string[] = [];
  let base = 0;
  let letter = 0;
  while (labels.length < count) {
    const waiting = pending.get(String(base)) ?? 0;
    if (letter < waiting) {
      labels.push(`${base}${LETTERS[letter] ?? `_${letter}`}`);
      letter++;
      continue;
    }
    pending.delete(String(base));
    base++;
    letter = 0;
    while (withdrawn.has(String(base))) base++;
    labels.push(String(base));
  }
  if (letter >= (pending.get(String(base)) ?? 0)) pending.delete(String(base));
  // Whatever is still pending was never reached: the transcript has no such line, or no line after it.
  const problems: LabelProblem[] = [...pending.keys()].map((after) => ({
    message: `inserted_after names line ${after}, but the transcript has no inserted line after a line ${after}`,
    hint: "List, once per inserted line, the label of the published line it follows (0 for before the first line).",
  }));
  return { labels, problems };
}

/** A line's or a range's fragment on its message's page: "L3", "L2-L4". */
export function lineRangeFragment(first: string, last: string): string {
  return first === last ? `L${first}` : `L${first}-L${last}`;
}

/** A line or a range in words: "line 3", "lines 2–4". */
export function lineRangeLabel(first: string, last: string): string {
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

/** Orders labels as their lines are read: 2, 2a, 2b, 3. */
export function compareLabels(a: string, b: string): number {
  const byNumber = baseNumber(a) - baseNumber(b);
  if (byNumber) return byNumber;
  const letters = (label: string) => label.replace(/^\d+/, "");
  const [x, y] = [letters(a), letters(b)];
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/** The published number a label belongs to: "3" for "3", "2" for "2a". */
export function baseNumber(label: string): number {
  return Number.parseInt(label, 10);
}
