// Property test: random corrections to the real transcripts of the default edition (insertions, deletions,
// substitutions, line splits and joins), then every quote-anchored note is anchored again. Each must land on text
// equal or nearly equal to its quote, in the place its passage moved to, or be reported; never on other text.
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { FUZZY_MAX_ERROR_RATE, AnchorResolver } from "../../src/anchor/resolve-anchor.ts";
import { collapse } from "../../src/anchor/text-quote.ts";
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
  /** Where an offset of the old text is in the new one. */
  map(offset: number): number;
}

const WORDS = ["not", "the", "already", "[sic]", "Trump", "password", "x", "—", "leak", "and"];

function applyRandomEdit(text: string, rand: () => number, near?: { start: number; end: number }): Edit {
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  // Half the edits fall inside an annotated passage, where they matter; the rest anywhere.
  const position = near && rand() < 0.5 ? near.start + Math.floor(rand() * (near.end - near.start)) : Math.floor(rand() * (text.length + 1));
  const kind = pick(["insert", "delete", "substitute", "split", "join"] as const);
  switch (kind) {
    case "insert": {
      const word = `${pick(WORDS)} `;
      return { kind, text: text.slice(0, position) + word + text.slice(position), map: (o) => (o >= position ? o + word.length : o) };
    }
    case "delete": {
      const length = 1 + Math.floor(rand() * 8);
      const end = Math.min(text.length, position + length);
      return { kind, text: text.slice(0, position) + text.slice(end), map: (o) => (o >= end ? o - (end - position) : Math.min(o, position)) };
    }
    case "substitute": {
      const at = Math.min(position, Math.max(0, text.length - 1));
      const replacement = pick(["e", "a", "’", "0", "Z"]);
      return { kind, text: text.slice(0, at) + replacement + text.slice(at + 1), map: (o) => o };
    }
    case "split": {
      const space = text.indexOf(" ", position);
      if (space < 0) return { kind, text, map: (o) => o };
      return { kind, text: `${text.slice(0, space)}\n${text.slice(space + 1)}`, map: (o) => o };
    }
    case "join": {
      const newline = text.indexOf("\n", position);
      if (newline < 0) return { kind, text, map: (o) => o };
      return { kind, text: `${text.slice(0, newline)} ${text.slice(newline + 1)}`, map: (o) => o };
    }
  }
}

const linesOf = (text: string): TranscriptLine[] => text.split("\n").map((line, i) => ({ label: String(i + 1), text: line }));
const similarity = (a: string, b: string) => 1 - distance(collapse(a), collapse(b)) / Math.max(collapse(a).length, 1);

describe("re-anchoring after random corrections to the default edition", () => {
  it("lands every note on its own passage, nearly unchanged, or reports it; never elsewhere (150 edits)", async () => {
    const { model } = await readEdition(PROJECT_ROOT);
    const candidates = model!.messages.filter(({ notes }) => notes.some(({ annotation }) => "quote" in annotation.anchor));
    const rand = random(20161012);
    const outcomes = { exact: 0, moved: 0, reported: 0 };

    for (let round = 0; round < 150; round++) {
      const rendered = candidates[Math.floor(rand() * candidates.length)]!;
      const original = new TranscriptText(rendered.lines);
      const notes = rendered.notes.filter(({ annotation }) => "quote" in annotation.anchor);
      const target = notes[Math.floor(rand() * notes.length)]!;
      const edit = applyRandomEdit(original.text, rand, target.anchored.range);
      const resolver = new AnchorResolver(rendered.message.id, new TranscriptText(linesOf(edit.text)));

      for (const { annotation, anchored } of notes) {
        const anchor = { ...(annotation.anchor as { quote: string; prefix?: string; suffix?: string }), line: anchored.firstLine };
        const result = resolver.resolve(anchor);
        const context = `round ${round}, ${edit.kind} in ${rendered.message.id}, note ${annotation.id}`;
        if (!result.ok) {
          expect(["orphaned-note", "quote-not-found", "ambiguous-quote"], context).toContain(result.problem.rule);
          outcomes.reported++;
          continue;
        }
        const landed = edit.text.slice(result.anchor.range.start, result.anchor.range.end);
        // Near-equal: within the approximate matcher's error budget (plus one character for boundaries).
        expect(similarity(landed, anchored.exact), `${context}: landed on "${landed}"`).toBeGreaterThanOrEqual(1 - FUZZY_MAX_ERROR_RATE - 0.05);
        // The same passage: it overlaps where the edit moved the original passage to.
        const movedTo = { start: edit.map(anchored.range.start), end: edit.map(anchored.range.end) };
        const overlaps = result.anchor.range.start < Math.max(movedTo.end, movedTo.start + 1) && result.anchor.range.end > movedTo.start;
        expect(overlaps, `${context}: landed at ${result.anchor.range.start}–${result.anchor.range.end}, passage now at ${movedTo.start}–${movedTo.end}`).toBe(true);
        if (result.anchor.method === "moved") outcomes.moved++;
        else outcomes.exact++;
      }
    }
    // The edits exercised every path: untouched notes, re-anchored ones, and reported ones.
    expect(outcomes.exact).toBeGreaterThan(0);
    expect(outcomes.moved).toBeGreaterThan(0);
    expect(outcomes.reported).toBeGreaterThan(0);
  });
});
