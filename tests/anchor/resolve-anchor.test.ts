// Anchoring by quote and by lines: found once, or a precise error that says how to fix it.
import { describe, expect, it } from "vitest";
import { AnchorResolver } from "../../src/anchor/resolve-anchor.ts";
import { TranscriptText } from "../../src/anchor/transcript-text.ts";

const transcript = new TranscriptText([
  { label: "1", text: "Strongly suggest your dad tweets this link if he mentions us." },
  { label: "2", text: "There’s many great stories the press are missing." },
  { label: "3", text: "Btw we just released Podesta Emails Part 4." },
  { label: "4", text: "More Podesta Emails Part 4 soon." },
]);
const resolver = new AnchorResolver("2016-10-12-wikileaks", transcript);
const textOf = (result: ReturnType<AnchorResolver["resolve"]>) =>
  result.ok ? transcript.text.slice(result.anchor.range.start, result.anchor.range.end) : result.problem.message;

describe("resolving anchors", () => {
  it("finds a quote that occurs once", () => {
    expect(textOf(resolver.resolve({ quote: "great stories" }))).toBe("great stories");
  });

  it("matches a quote across a line break, treating it as a space", () => {
    const result = resolver.resolve({ quote: "are missing. Btw we" });
    expect(textOf(result)).toBe("are missing.\nBtw we");
    expect(result.ok && transcript.linesOf(result.anchor.range)).toMatchObject({ first: { label: "2" }, last: { label: "3" } });
  });

  it("fails on a quote that is not in the transcript, and says so", () => {
    const result = resolver.resolve({ quote: "great story" });
    expect(result).toMatchObject({ ok: false, problem: { rule: "quote-not-found", message: 'Quote "great story" not found in 2016-10-12-wikileaks' } });
  });

  it("fails on a quote found twice, naming the lines, and suggests a prefix that makes it unique", () => {
    const result = resolver.resolve({ quote: "Podesta Emails Part 4" });
    expect(result).toMatchObject({
      ok: false,
      problem: {
        rule: "ambiguous-quote",
        count: 2,
        message: 'Quote "Podesta Emails Part 4" matches 2 places in 2016-10-12-wikileaks (lines 3, 4)',
        hint: 'Add a prefix or suffix, e.g. prefix: "released " for the match on line 3.',
      },
    });
  });

  it("uses the prefix or suffix to choose between matches", () => {
    expect(textOf(resolver.resolve({ quote: "Podesta Emails Part 4", prefix: "More " }))).toBe("Podesta Emails Part 4");
    const bySuffix = resolver.resolve({ quote: "Podesta Emails Part 4", suffix: "." });
    expect(bySuffix.ok && transcript.linesOf(bySuffix.anchor.range).first.label).toBe("3");
  });

  it("finds a quote again when the words around it changed, and reports it as moved", () => {
    const result = resolver.resolve({ quote: "great stories", prefix: "so many " });
    expect(result).toMatchObject({ ok: true, anchor: { method: "moved", moved: { reason: "context", old: "great stories", found: "great stories", similarity: 1 } } });
    expect(textOf(result)).toBe("great stories");
  });

  it("re-anchors a corrected passage approximately, within the error budget", () => {
    const result = resolver.resolve({ quote: "There’s many grate stories the press is missing" });
    expect(result).toMatchObject({ ok: true, anchor: { method: "moved", moved: { reason: "fuzzy" } } });
    expect(textOf(result)).toBe("There’s many great stories the press are missing");
  });

  it("reports a note whose passage is gone as an orphan, with what it used to anchor", () => {
    const result = resolver.resolve({ quote: "We have guessed the password", line: "2" });
    expect(result).toMatchObject({
      ok: false,
      problem: {
        rule: "orphaned-note",
        message: 'Orphaned note: the passage it annotates, "We have guessed the password" (it was on line 2), is no longer in 2016-10-12-wikileaks, not even approximately',
      },
    });
  });

  it("never guesses between two places that match a corrected quote equally well", () => {
    const twins = new AnchorResolver("twins", new TranscriptText([
      { label: "1", text: "the red lamp is failing" },
      { label: "2", text: "the red lamp is wailing" },
    ]));
    expect(twins.resolve({ quote: "the red lamp is bailing" })).toMatchObject({ ok: false, problem: { rule: "orphaned-note" } });
    expect(twins.resolve({ quote: "the red lamp is bailing", line: "2" })).toMatchObject({ ok: true, anchor: { method: "moved" } });
  });

  it("anchors a line range to whole lines", () => {
    expect(textOf(resolver.resolve({ lines: "2-3" }))).toBe("There’s many great stories the press are missing.\nBtw we just released Podesta Emails Part 4.");
    expect(textOf(resolver.resolve({ lines: "4" }))).toBe("More Podesta Emails Part 4 soon.");
  });

  it("fails on a line range out of bounds, giving the lines there are", () => {
    expect(resolver.resolve({ lines: "3-7" })).toMatchObject({
      ok: false,
      problem: { rule: "line-out-of-range", message: 'Line range "3-7" is not in 2016-10-12-wikileaks, which has lines 1–4' },
    });
  });
});
