// Property test: random corrections to the real transcripts of the default edition (insertions, deletions,
// substitutions, line splits and joins, labelled as a published edition must label them), then every
// quote-anchored note is anchored again. A note published where it was must land on whole words equal or nearly
// equal to its quote, in the place its passage moved to, or be reported; never on other text. A note with no
// published record may only be found by its exact words.
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { FUZZY_MAX_ERROR_RATE, AnchorResolver } from "../../src/anchor/resolve-anchor.ts";
import { collapse } from "../../src/anchor/text-quote.ts";
import { insideWord } from "../../src/anchor/word-edges.ts";
import { TranscriptText, type TranscriptLine } from "../../src/anchor/transcript-text.ts";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

/** A small seeded PRNG (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edit {
  kind: "insert" | "delete" | "substitute" | "split" | "join";
  text: string;
  /** The lines' labels after the edit: a split line's second half is inserted after it (2a), a joined line withdrawn. */
  labels: string[];
  /** Where an offset of the old text is in the new one. */
  map(offset: number): number;
}

const WORDS = ["not", "the", "already", "[sic]", "Trump", "password", "x", "—", "leak", "and"];

function applyRandomEdit(text: string, labels: readonly string[], rand: () => number, near?: { start: number; end: number }): Edit {
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  // Half the edits fall inside an annotated passage, where they matter; the rest anywhere.
  const position = near && rand() < 0.5 ? near.start + Math.floor(rand() * (near.end - near.start)) : Math.floor(rand() * (text.length + 1));
  const kind = pick(["insert", "delete", "substitute", "split", "join"] as const);
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length - 1;
  const same = [...labels];
  switch (kind) {
    case "insert": {
      const word = `${pick(WORDS)} `;
      return { kind, text: text.slice(0, position) + word + text.slice(position), labels: same, map: (o) => (o >= position ? o + word.length : o) };
    }
    case "delete": {
      // A correction within one line: a deletion across a line break would be a join.
      const lineEnd = text.indexOf("\n", position) === -1 ? text.length : text.indexOf("\n", position);
      const end = Math.min(lineEnd, position + 1 + Math.floor(rand() * 8));
      return { kind, text: text.slice(0, position) + text.slice(end), labels: same, map: (o) => (o >= end ? o - (end - position) : Math.min(o, position)) };
    }
    case "substitute": {
      const at = Math.min(position, Math.max(0, text.length - 1));
      if (text[at] === "\n") return { kind, text, labels: same, map: (o) => o };
      const replacement = pick(["e", "a", "’", "0", "Z"]);
      return { kind, text: text.slice(0, at) + replacement + text.slice(at + 1), labels: same, map: (o) => o };
    }
    case "split": {
      const space = text.indexOf(" ", position);
      if (space < 0 || text.slice(position, space).includes("\n")) return { kind, text, labels: same, map: (o) => o };
      const line = lineAt(space);
      return { kind, text: `${text.slice(0, space)}\n${text.slice(space + 1)}`, labels: [...labels.slice(0, line + 1), `${labels[line]}a`, ...labels.slice(line + 1)], map: (o) => o };
    }
    case "join": {
      const newline = text.indexOf("\n", position);
      if (newline < 0) return { kind, text, labels: same, map: (o) => o };
      const line = lineAt(newline);
      return { kind, text: `${text.slice(0, newline)} ${text.slice(newline + 1)}`, labels: labels.filter((_, i) => i !== line + 1), map: (o) => o };
    }
  }
}

const linesOf = (text: string, labels: readonly string[]): TranscriptLine[] => text.split("\n").map((line, i) => ({ label: labels[i]!, text: line }));
/** As the approximate matcher counts it: edits per character of the quote. */
const similarity = (landed: string, quote: string) => 1 - distance(collapse(landed), collapse(quote)) / Math.max(collapse(quote).length, 1);

describe("re-anchoring after random corrections to the default edition", () => {
  it("lands every published note on whole words of its own passage, nearly unchanged, or reports it; never elsewhere (150 edits)", async () => {
    const { model } = await readEdition(PROJECT_ROOT);
    const candidates = model!.messages.filter(({ notes }) => notes.some(({ annotation }) => "quote" in annotation.anchor));
    const rand = random(20161012);
    const outcomes = { exact: 0, moved: 0, reported: 0, unpublishedFound: 0, unpublishedReported: 0 };

    for (let round = 0; round < 150; round++) {
      const rendered = candidates[Math.floor(rand() * candidates.length)]!;
      const original = new TranscriptText(rendered.lines);
      const notes = rendered.notes.filter(({ annotation }) => "quote" in annotation.anchor);
      const target = notes[Math.floor(rand() * notes.length)]!;
      const edit = applyRandomEdit(original.text, rendered.lines.map((line) => line.label), rand, target.anchored.range);
      const resolver = new AnchorResolver(rendered.message.id, new TranscriptText(linesOf(edit.text, edit.labels)));

      for (const { annotation, anchored } of notes) {
        const anchor = { ...(annotation.anchor as { quote: string; prefix?: string; suffix?: string }), line: anchored.firstLine };
        const context = `round ${round}, ${edit.kind} in ${rendered.message.id}, note ${annotation.id}`;

        // Without a published record, only the exact words will do.
        const unpublished = resolver.resolve(anchor);
        if (unpublished.ok) {
          expect(unpublished.anchor.method, context).not.toBe("moved");
          expect(collapse(edit.text.slice(unpublished.anchor.range.start, unpublished.anchor.range.end)), context).toBe(collapse(anchor.quote));
          outcomes.unpublishedFound++;
        } else {
          expect(["quote-not-found", "ambiguous-quote"], context).toContain(unpublished.problem.rule);
          outcomes.unpublishedReported++;
        }

        const result = resolver.resolve(anchor, { version: "1.0.0", first: anchored.firstLine, last: anchored.lastLine });
        if (!result.ok) {
          expect(["orphaned-note", "quote-not-found", "ambiguous-quote"], context).toContain(result.problem.rule);
          outcomes.reported++;
          continue;
        }
        const { start, end } = result.anchor.range;
        const landed = edit.text.slice(start, end);
        // Near-equal: within the approximate matcher's error budget.
        expect(similarity(landed, anchored.exact), `${context}: landed on "${landed}"`).toBeGreaterThanOrEqual(1 - FUZZY_MAX_ERROR_RATE);
        // Whole words at both ends (the default edition quotes no part of a word).
        expect([insideWord(edit.text, start, "start"), insideWord(edit.text, end, "end")], `${context}: landed on "${landed}"`).toEqual([false, false]);
        // The same passage: it overlaps where the edit moved the original passage to.
        const movedTo = { start: edit.map(anchored.range.start), end: edit.map(anchored.range.end) };
        const overlaps = start < Math.max(movedTo.end, movedTo.start + 1) && end > movedTo.start;
        expect(overlaps, `${context}: landed at ${start}–${end}, passage now at ${movedTo.start}–${movedTo.end}`).toBe(true);
        if (result.anchor.method === "moved") outcomes.moved++;
        else outcomes.exact++;
      }
    }
    // The edits exercised every path: untouched notes, re-anchored ones, and reported ones.
    expect(outcomes.exact).toBeGreaterThan(0);
    expect(outcomes.moved).toBeGreaterThan(0);
    expect(outcomes.reported).toBeGreaterThan(0);
    expect(outcomes.unpublishedReported).toBeGreaterThan(0);
  });
});
