// Anchoring by quote and by lines: found once, between whole words, or a precise error that says how to fix it;
// and after a correction, a published quote followed within its own lines, or reported.
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
const textOf2 = (on: AnchorResolver, result: ReturnType<AnchorResolver["resolve"]>) =>
  result.ok ? on.transcript.text.slice(result.anchor.range.start, result.anchor.range.end) : result.problem.message;
const textOf = (result: ReturnType<AnchorResolver["resolve"]>) => textOf2(resolver, result);

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

  it("finds a quote again when the words around it changed, on the lines where it was published, and reports it as moved", () => {
    const result = resolver.resolve({ quote: "great stories", prefix: "so many " }, { version: "1.0.0", first: "2", last: "2" });
    expect(result).toMatchObject({ ok: true, anchor: { method: "moved", moved: { reason: "context", old: "great stories", found: "great stories", similarity: 1, version: "1.0.0" } } });
    expect(textOf(result)).toBe("great stories");
  });

  it("re-anchors a corrected passage approximately, within the error budget, on the lines where it was published", () => {
    const result = resolver.resolve({ quote: "There’s many grate stories the press is missing" }, { version: "1.0.0", first: "2", last: "2" });
    expect(result).toMatchObject({ ok: true, anchor: { method: "moved", moved: { reason: "fuzzy", version: "1.0.0" } } });
    expect(textOf(result)).toBe("There’s many great stories the press are missing");
  });

  it("reports a note whose published passage is gone as an orphan, with what it used to anchor and where", () => {
    const result = resolver.resolve({ quote: "We have guessed the password" }, { version: "1.0.0", first: "2", last: "2" });
    expect(result).toMatchObject({
      ok: false,
      problem: {
        rule: "orphaned-note",
        message: 'Orphaned note: the passage it annotates, "We have guessed the password", on line 2 in version 1.0.0, is no longer there, not even approximately',
      },
    });
  });

  it("never guesses between two places that match a corrected quote equally well", () => {
    const twins = new AnchorResolver("twins", new TranscriptText([
      { label: "1", text: "the red lamp is failing" },
      { label: "2", text: "the red lamp is wailing" },
    ]));
    const bothLines = { version: "1.0.0", first: "1", last: "2" };
    expect(twins.resolve({ quote: "the red lamp is bailing" }, bothLines)).toMatchObject({ ok: false, problem: { rule: "orphaned-note" } });
    expect(twins.resolve({ quote: "the red lamp is bailing", line: "2" }, bothLines)).toMatchObject({ ok: true, anchor: { method: "moved" } });
  });

  // Regression: a new editor's quote "we have a problem", on a line reading "we’ve had a problem", was published on
  // "ve had a problem" (a passage starting mid-word) with only a warning, and check and build exited 0.
  it("never attaches a quote that never matched: it is an error whose hint is the nearest whole-word passage", () => {
    const apollo = new AnchorResolver("apollo", new TranscriptText([
      { label: "1", text: "Houston," },
      { label: "2", text: "we’ve had a problem here." },
    ]));
    for (const quote of ["we have a problem", "Houston, we have had a problem", "ve had a problem"]) {
      const result = apollo.resolve({ quote });
      expect(result, quote).toMatchObject({ ok: false, problem: { rule: "quote-not-found", message: `Quote "${quote}" not found in apollo` } });
    }
    expect(apollo.resolve({ quote: "we have a problem" })).toMatchObject({
      ok: false,
      problem: { hint: expect.stringMatching(/^The nearest passage is "we’ve had a problem" on line 2; if it is the one meant, write quote: "we’ve had a problem"\. /) },
    });
    expect(apollo.resolve({ quote: "ve had a problem" })).toMatchObject({ ok: false, problem: { hint: expect.stringContaining('"we’ve had a problem"') } });
    // No nearest passage is offered when nothing comes close.
    expect(apollo.resolve({ quote: "the eagle has landed" })).toMatchObject({ ok: false, problem: { hint: expect.not.stringContaining("nearest") } });
  });

  it("follows a published quote only within the lines it was on, never to like words elsewhere", () => {
    const letter = new AnchorResolver("letter", new TranscriptText([
      { label: "1", text: "The tides are high this spring." },
      { label: "2", text: "We must order new wick before the tides." },
      { label: "3", text: "We must order new wicks before the tides, says Ben." },
    ]));
    // Published on line 2, which now reads "wick": line 3 has the exact old words but is another passage.
    const result = letter.resolve({ quote: "order new wicks before" }, { version: "1.0.0", first: "2", last: "2" });
    expect(result).toMatchObject({ ok: true, anchor: { method: "moved", moved: { reason: "fuzzy", found: "order new wick before" } } });
  });

  it("widens an approximate match to whole words and says how similar it is", () => {
    const letter = new AnchorResolver("letter", new TranscriptText([{ label: "1", text: "Houston, we’ve had a problem here." }]));
    const result = letter.resolve({ quote: "we have had a problem" }, { version: "1.0.0", first: "1", last: "1" });
    expect(result).toMatchObject({ ok: true, anchor: { method: "moved", moved: { reason: "fuzzy", found: "we’ve had a problem" } } });
    expect(result.ok && result.anchor.moved!.similarity).toBeCloseTo(1 - 3 / 21, 5);
  });

  it("follows a published quote into a line inserted among its lines, and reports an orphan when its lines were withdrawn", () => {
    const split = new AnchorResolver("letter", new TranscriptText([
      { label: "1", text: "Dear Ben," },
      { label: "2", text: "the lamp is failing" },
      { label: "2a", text: "again, and the wicks are gone." },
    ]));
    expect(textOf2(split, split.resolve({ quote: "the lamp is failing again and the wicks" }, { version: "1.0.0", first: "2", last: "2" }))).toBe("the lamp is failing\nagain, and the wicks");
    const withdrawn = new AnchorResolver("letter", new TranscriptText([{ label: "1", text: "Dear Ben," }, { label: "3", text: "Yours, Ada" }]));
    expect(withdrawn.resolve({ quote: "the lamp is failing" }, { version: "1.0.0", first: "2", last: "2" })).toMatchObject({
      ok: false,
      problem: { rule: "orphaned-note", message: 'Orphaned note: the passage it annotates, "the lamp is failing", on line 2 in version 1.0.0, is no longer there: the lines were withdrawn' },
    });
  });

  it("says so when a quote is in the transcript but not with its prefix or suffix, and how to fix it", () => {
    expect(resolver.resolve({ quote: "great stories", prefix: "so many " })).toMatchObject({
      ok: false,
      problem: {
        rule: "quote-not-found",
        field: "anchor.prefix",
        message: 'Quote "great stories" is in 2016-10-12-wikileaks (line 2), but not with its prefix',
        hint: "The quote occurs only once: remove the prefix, or copy it exactly from the transcript (it must touch the quote).",
      },
    });
    expect(resolver.resolve({ quote: "Podesta Emails Part 4", suffix: "!" })).toMatchObject({
      ok: false,
      problem: { message: 'Quote "Podesta Emails Part 4" is in 2016-10-12-wikileaks (lines 3, 4), but not with its suffix', hint: expect.stringContaining('prefix: "released "') },
    });
  });

  it("matches only between whole words, unless the prefix or suffix runs into the quote", () => {
    // "he" occurs inside "the" and as the word in line 1; only the word matches.
    expect(textOf(resolver.resolve({ quote: "he" }))).toBe("he");
    expect(resolver.resolve({ quote: "he" }).ok && (resolver.resolve({ quote: "he" }) as { anchor: { range: { start: number } } }).anchor.range.start).toBe(transcript.text.indexOf(" he ") + 1);
    expect(resolver.resolve({ quote: "ress" })).toMatchObject({ ok: false, problem: { rule: "quote-not-found" } });
    expect(textOf(resolver.resolve({ quote: "ress", prefix: "p" }))).toBe("ress");
    expect(textOf(resolver.resolve({ quote: "Pode", suffix: "sta Emails Part 4." }))).toBe("Pode");
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
