// Resolves an annotation's anchor (a quote or a line range) to a range of a transcript's text, or explains
// precisely why it cannot: a note is never attached to text it was not written about. A quote must match exactly,
// between words. Only a note whose quote matched in a published version (its line map records where) is followed
// after a correction of those lines, and only within them: first the exact quote with its context changed, then
// approximate matching (approx-string-match) within a strict error budget, widened to whole words. A note found
// any way but exactly is reported as moved; one that is not found is an error, with the nearest passage as a hint.
import approxSearch from "approx-string-match";
import { distance } from "fastest-levenshtein";
import type { Anchor } from "../load/schema.ts";
import { baseNumber, compareLabels } from "./line-labels.ts";
import { collapse, collapseWhitespace, findQuote, suggestDisambiguation, type CollapsedText } from "./text-quote.ts";
import type { TextRange, TranscriptText } from "./transcript-text.ts";
import { endsWithWord, startsWithWord, toWordEdges } from "./word-edges.ts";

/** Quotes shorter than this must match exactly: a few characters with an error could match almost anywhere. */
export const FUZZY_MIN_LENGTH = 12;
/** At most this share of a quote's characters may differ for it to re-anchor approximately. */
export const FUZZY_MAX_ERROR_RATE = 0.2;
/** A passage more different than this from a quote is too far from it to suggest as the one meant. */
const NEAREST_MAX_ERROR_RATE = 1 / 3;

/** Where a note's quote matched in a published version, as that version's line map records it. */
export interface PublishedAnchor {
  version: string;
  /** The labels of the first and last lines the quote was on. */
  first: string;
  last: string;
}

export interface MovedAnchor {
  /** Why the note moved: its context changed around an unchanged quote, or the quote itself changed. */
  reason: "context" | "fuzzy";
  /** The text the note was anchored to, as its anchor says. */
  old: string;
  /** The text it is anchored to now. */
  found: string;
  /** 1 for identical text; 1 − edit distance / length for an approximate match. */
  similarity: number;
  /** The published version in which the quote was found on these lines. */
  version: string;
}

export interface ResolvedAnchor {
  range: TextRange;
  /** How it was found: by the exact quote, by the quote with the stored line as a tie-breaker, or by lines. */
  method: "quote" | "quote-and-line" | "lines" | "moved";
  moved?: MovedAnchor;
}

export type AnchorProblem =
  | { rule: "quote-not-found"; message: string; hint: string; field: "anchor.quote" | "anchor.prefix" | "anchor.suffix" }
  | { rule: "orphaned-note"; message: string; hint: string; field: "anchor.quote" }
  | { rule: "ambiguous-quote"; message: string; hint: string; field: "anchor.quote"; count: number }
  | { rule: "line-out-of-range"; message: string; hint: string; field: "anchor.lines" };

export type AnchorResult = { ok: true; anchor: ResolvedAnchor } | { ok: false; problem: AnchorProblem };

type QuoteAnchor = Extract<Anchor, { quote: string }>;

const COPY_EXACTLY = "A quote is matched exactly and between whole words: copy it from the transcript with its punctuation, [sic] and typographic quotes (’ “ ”).";

/** Caches the whitespace-collapsed text so that many anchors on one transcript collapse it once. */
export class AnchorResolver {
  readonly transcript: TranscriptText;
  readonly messageId: string;
  #collapsed: CollapsedText | undefined;

  constructor(messageId: string, transcript: TranscriptText) {
    this.messageId = messageId;
    this.transcript = transcript;
  }

  get collapsed(): CollapsedText {
    return (this.#collapsed ??= collapseWhitespace(this.transcript.text));
  }

  /** Resolves `anchor`; `published` says where its quote was in a published version, if a line map records it. */
  resolve(anchor: Anchor, published?: PublishedAnchor): AnchorResult {
    return "lines" in anchor ? this.#resolveLines(anchor.lines) : this.#resolveQuote(anchor, published);
  }

  #resolveLines(spec: string): AnchorResult {
    const [fromLabel, toLabel = fromLabel] = spec.split("-") as [string, string?];
    const from = this.transcript.indexOfLabel(fromLabel);
    const to = this.transcript.indexOfLabel(toLabel);
    const count = this.transcript.lines.length;
    const available = count ? `lines ${this.transcript.lines[0]!.label}–${this.transcript.lines[count - 1]!.label}` : "no lines";
    if (from === undefined || to === undefined || to < from) {
      return {
        ok: false,
        problem: {
          rule: "line-out-of-range",
          field: "anchor.lines",
          message: `Line range "${spec}" is not in ${this.messageId}, which has ${available}`,
          hint: `Use a range within ${available}, written first-last (e.g. "2-4"), or anchor by quote instead.`,
        },
      };
    }
    return { ok: true, anchor: { range: this.transcript.rangeOfLines(from, to), method: "lines" } };
  }

  #resolveQuote(anchor: QuoteAnchor, published: PublishedAnchor | undefined): AnchorResult {
    const matches = findQuote(this.collapsed, { exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix });
    // A published note's words found only on other lines are another passage: its own lines were corrected.
    if (matches.length === 1 && published && !this.#within(matches[0]!, this.#region(published))) return this.#follow(anchor, published);
    if (matches.length === 1) return { ok: true, anchor: { range: matches[0]!, method: "quote" } };
    if (matches.length > 1) return this.#chooseByLine(anchor, matches);
    if (published) return this.#follow(anchor, published);
    return { ok: false, problem: this.#notFound(anchor) };
  }

  /** A quote that matches nowhere and never matched in a published version: the editor's words are not the text's. */
  #notFound(anchor: QuoteAnchor): AnchorProblem {
    const bare = anchor.prefix || anchor.suffix ? findQuote(this.collapsed, { exact: anchor.quote }) : [];
    if (bare.length) {
      const context = anchor.prefix && anchor.suffix ? "prefix and suffix" : anchor.prefix ? "prefix" : "suffix";
      const lines = bare.map((range) => this.#lineOf(range));
      const suggestion = bare.length > 1 ? suggestDisambiguation(this.collapsed, anchor.quote, bare[0]!) : undefined;
      return {
        rule: "quote-not-found",
        field: anchor.prefix ? "anchor.prefix" : "anchor.suffix",
        message: `Quote "${anchor.quote}" is in ${this.messageId} (${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}), but not with its ${context}`,
        hint:
          bare.length === 1
            ? `The quote occurs only once: remove the ${context}, or copy ${context === "prefix and suffix" ? "them" : "it"} exactly from the transcript (it must touch the quote).`
            : suggestion?.prefix !== undefined
              ? `Copy the ${context} exactly from the transcript (it must touch the quote), e.g. prefix: ${JSON.stringify(suggestion.prefix)} for the match on line ${lines[0]}.`
              : suggestion?.suffix !== undefined
                ? `Copy the ${context} exactly from the transcript (it must touch the quote), e.g. suffix: ${JSON.stringify(suggestion.suffix)} for the match on line ${lines[0]}.`
                : `Copy the ${context} exactly from the transcript; it must touch the quote.`,
      };
    }
    const near = this.nearestPassage(anchor.quote);
    return {
      rule: "quote-not-found",
      field: "anchor.quote",
      message: `Quote "${anchor.quote}" not found in ${this.messageId}`,
      hint: near
        ? `The nearest passage is "${near.text}" on line ${near.line}; if it is the one meant, write quote: ${JSON.stringify(near.text)}. ${COPY_EXACTLY}`
        : COPY_EXACTLY,
    };
  }

  /**
   * A note whose quote matched on published lines that have since been corrected: found again within those lines
   * only, its exact words first (only the words around it changed), then approximately.
   */
  #follow(anchor: QuoteAnchor, published: PublishedAnchor): AnchorResult {
    const where = published.first === published.last ? `line ${published.first}` : `lines ${published.first}–${published.last}`;
    const region = this.#region(published);
    if (region) {
      const bare = findQuote(this.collapsed, { exact: anchor.quote }).filter((range) => this.#within(range, region));
      if (bare.length === 1) return this.#moved(anchor, bare[0]!, "context", 1, published);
      if (bare.length > 1) {
        const onLine = anchor.line === undefined ? [] : bare.filter((range) => this.#lineOf(range) === anchor.line);
        if (onLine.length === 1) return this.#moved(anchor, onLine[0]!, "context", 1, published);
        return this.#chooseByLine(anchor, bare, `, on the ${where} where it was in version ${published.version}, and its prefix/suffix match none of them`);
      }
      const fuzzy = this.#approximate(anchor, region, published);
      if (fuzzy) return fuzzy;
    }
    const near = this.nearestPassage(anchor.quote);
    return {
      ok: false,
      problem: {
        rule: "orphaned-note",
        field: "anchor.quote",
        message: `Orphaned note: the passage it annotates, "${anchor.quote}", on ${where} in version ${published.version}, is no longer there${region ? ", not even approximately" : ": the lines were withdrawn"}`,
        hint: `Re-anchor the note to the corrected words (copy them from the transcript), or delete the note if its passage is gone for good.${near ? ` The nearest passage now is "${near.text}" on line ${near.line}.` : ""}`,
      },
    };
  }

  /** The text of the current lines that hold what the published lines held: the same labels, and lines inserted among them. */
  #region(published: PublishedAnchor): TextRange | undefined {
    const last = baseNumber(published.last);
    const inside = this.transcript.lines.flatMap((line, index) => (compareLabels(published.first, line.label) <= 0 && baseNumber(line.label) <= last ? [index] : []));
    if (!inside.length) return undefined;
    return this.transcript.rangeOfLines(inside[0]!, inside.at(-1)!);
  }

  #within(range: TextRange, region: TextRange | undefined): boolean {
    return region !== undefined && range.start >= region.start && range.end <= region.end;
  }

  #lineOf(range: TextRange): string {
    return this.transcript.linesOf(range).first.label;
  }

  #moved(anchor: QuoteAnchor, range: TextRange, reason: MovedAnchor["reason"], similarity: number, published: PublishedAnchor): AnchorResult {
    const found = this.transcript.text.slice(range.start, range.end);
    return { ok: true, anchor: { range, method: "moved", moved: { reason, old: anchor.quote, found, similarity, version: published.version } } };
  }

  /** Several exact matches: the stored line decides, or the quote is ambiguous. */
  #chooseByLine(anchor: QuoteAnchor, matches: TextRange[], why = ""): AnchorResult {
    const lines = matches.map((match) => this.#lineOf(match));
    if (anchor.line !== undefined && !why) {
      const onLine = matches.filter((_, i) => lines[i] === anchor.line);
      if (onLine.length === 1) return { ok: true, anchor: { range: onLine[0]!, method: "quote-and-line" } };
    }
    const suggestion = suggestDisambiguation(this.collapsed, anchor.quote, matches[0]!);
    const fix =
      suggestion?.prefix !== undefined
        ? `Add a prefix or suffix, e.g. prefix: ${JSON.stringify(suggestion.prefix)} for the match on line ${lines[0]}.`
        : suggestion?.suffix !== undefined
          ? `Add a prefix or suffix, e.g. suffix: ${JSON.stringify(suggestion.suffix)} for the match on line ${lines[0]}.`
          : "Quote more of the passage so that it occurs only once.";
    return {
      ok: false,
      problem: {
        rule: "ambiguous-quote",
        field: "anchor.quote",
        count: matches.length,
        message: `Quote "${anchor.quote}" matches ${matches.length} places in ${this.messageId} (lines ${lines.join(", ")})${why}`,
        hint: fix,
      },
    };
  }

  /**
   * Approximate matching within a corrected passage's lines: the closest whole-word passage within the error
   * budget, if there is exactly one such (ties between places are ambiguous, and a note is never guessed onto one
   * of them, unless the stored line tells them apart).
   */
  #approximate(anchor: QuoteAnchor, region: TextRange, published: PublishedAnchor): AnchorResult | undefined {
    const pattern = collapse(anchor.quote);
    if (pattern.length < FUZZY_MIN_LENGTH) return undefined;
    // A quote that was meant to start or end inside a word (its prefix or suffix runs into it) keeps that edge.
    const keep = {
      start: Boolean(anchor.prefix && endsWithWord(anchor.prefix) && startsWithWord(pattern)),
      end: Boolean(anchor.suffix && startsWithWord(anchor.suffix) && endsWithWord(pattern)),
    };
    const places = this.#closest(pattern, region, FUZZY_MAX_ERROR_RATE, keep);
    let chosen = places.length === 1 ? places[0] : undefined;
    if (!chosen && anchor.line !== undefined) {
      const onLine = places.filter((place) => this.#lineOf(place.range) === anchor.line);
      if (onLine.length === 1) chosen = onLine[0];
    }
    if (!chosen) return undefined;
    return this.#moved(anchor, chosen.range, "fuzzy", chosen.similarity, published);
  }

  /**
   * The whole-word passages of `region` closest to `pattern` (several when equally close), each within `maxRate`
   * of it: approx-string-match finds the candidates, which are widened to word edges and scored by edit distance.
   */
  #closest(pattern: string, region: TextRange, maxRate: number, keep: { start?: boolean; end?: boolean } = {}): Array<{ range: TextRange; similarity: number }> {
    const { text: collapsed, toOriginal } = this.collapsed;
    const original = this.transcript.text;
    const from = this.#collapsedOffset(region.start);
    const to = this.#collapsedOffset(region.end);
    const candidates = approxSearch(collapsed.slice(from, to), pattern, Math.floor(pattern.length * maxRate));
    const scored = new Map<string, { range: TextRange; score: number }>();
    for (const candidate of candidates) {
      const range = toWordEdges(original, { start: toOriginal[from + candidate.start]!, end: toOriginal[from + candidate.end]! }, keep);
      // An approximate match may take in a space at either end; the passage is the words.
      while (range.end > range.start && /\s/.test(original[range.end - 1]!)) range.end--;
      while (range.start < range.end && /\s/.test(original[range.start]!)) range.start++;
      if (range.start >= range.end) continue;
      const key = `${range.start}:${range.end}`;
      if (!scored.has(key)) scored.set(key, { range, score: distance(collapse(original.slice(range.start, range.end)), pattern) });
    }
    const budget = Math.floor(pattern.length * maxRate);
    const best = [...scored.values()].reduce((least, s) => Math.min(least, s.score), Infinity);
    if (!(best <= budget)) return [];
    // Overlapping ranges are one place found with different edges; keep the one closest in length to the quote.
    const places: Array<{ range: TextRange; score: number }> = [];
    for (const candidate of [...scored.values()].filter((s) => s.score === best).sort((a, b) => a.range.start - b.range.start)) {
      const previous = places.at(-1);
      if (previous && candidate.range.start < previous.range.end) {
        const length = (r: TextRange) => Math.abs(r.end - r.start - pattern.length);
        if (length(candidate.range) < length(previous.range)) places[places.length - 1] = candidate;
      } else places.push(candidate);
    }
    return places.map(({ range, score }) => ({ range, similarity: 1 - score / Math.max(pattern.length, 1) }));
  }

  /** The whole-word passage of the transcript nearest to `quote`, for a hint; undefined when nothing is close. */
  nearestPassage(quote: string): { text: string; line: string } | undefined {
    const pattern = collapse(quote).trim();
    if (!pattern || !this.transcript.text) return undefined;
    const [place] = this.#closest(pattern, { start: 0, end: this.transcript.text.length }, NEAREST_MAX_ERROR_RATE);
    if (!place) return undefined;
    return { text: collapse(this.transcript.text.slice(place.range.start, place.range.end)), line: this.#lineOf(place.range) };
  }

  /** The offset in the collapsed text of an offset in the original. */
  #collapsedOffset(offset: number): number {
    const map = this.collapsed.toOriginal;
    let low = 0;
    let high = map.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (map[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
