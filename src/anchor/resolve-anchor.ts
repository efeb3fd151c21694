// Resolves an annotation's anchor (a quote or a line range) to a range of a transcript's text, or explains
// precisely why it cannot: a note is never attached to text it was not written about.
import type { Anchor } from "../load/schema.ts";
import { collapseWhitespace, findQuote, suggestDisambiguation, type CollapsedText } from "./text-quote.ts";
import type { TextRange, TranscriptText } from "./transcript-text.ts";

export interface ResolvedAnchor {
  range: TextRange;
  /** How it was found: by the exact quote, by the quote with the stored line as a tie-breaker, or by lines. */
  method: "quote" | "quote-and-line" | "lines";
}

export type AnchorProblem =
  | { rule: "quote-not-found"; message: string; hint: string; field: "anchor.quote" }
  | { rule: "ambiguous-quote"; message: string; hint: string; field: "anchor.quote"; count: number }
  | { rule: "line-out-of-range"; message: string; hint: string; field: "anchor.lines" };

export type AnchorResult = { ok: true; anchor: ResolvedAnchor } | { ok: false; problem: AnchorProblem };

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

  resolve(anchor: Anchor): AnchorResult {
    return "lines" in anchor ? this.#resolveLines(anchor.lines) : this.#resolveQuote(anchor);
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

  #resolveQuote(anchor: Extract<Anchor, { quote: string }>): AnchorResult {
    const selector = { exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix };
    const matches = findQuote(this.collapsed, selector);
    if (matches.length === 1) return { ok: true, anchor: { range: matches[0]!, method: "quote" } };
    if (matches.length === 0) {
      const withoutContext = anchor.prefix || anchor.suffix ? findQuote(this.collapsed, { exact: anchor.quote }) : [];
      return {
        ok: false,
        problem: {
          rule: "quote-not-found",
          field: "anchor.quote",
          message: `Quote "${anchor.quote}" not found in ${this.messageId}${
            withoutContext.length ? ` with the given prefix/suffix (the quote alone matches ${withoutContext.length} time${withoutContext.length === 1 ? "" : "s"})` : ""
          }`,
          hint: withoutContext.length
            ? "Correct the prefix or suffix so that it is the text right before or after the quote."
            : "Copy the words exactly from the transcript, including punctuation and [sic]; check typographic quotes (’ “ ”).",
        },
      };
    }
    const lines = matches.map((match) => this.transcript.linesOf(match).first.label);
    if (anchor.line !== undefined) {
      const onLine = matches.filter((_, i) => lines[i] === anchor.line);
      if (onLine.length === 1) return { ok: true, anchor: { range: onLine[0]!, method: "quote-and-line" } };
    }
    const suggestion = suggestDisambiguation(this.collapsed, anchor.quote, matches[0]!);
    const fix = suggestion?.prefix !== undefined
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
        message: `Quote "${anchor.quote}" matches ${matches.length} places in ${this.messageId} (lines ${lines.join(", ")})`,
        hint: fix,
      },
    };
  }
}
