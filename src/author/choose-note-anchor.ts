// The anchor of a new note, found with the pipeline's own anchoring code: the transcript's lines come from the
// render stage's TranscriptRenderer, the quote is resolved by AnchorResolver, and when it occurs more than once,
// the prefix or suffix comes from suggestDisambiguation (the same fix `npm run check` suggests for an ambiguous
// quote), then is resolved again to prove that it lands on the chosen occurrence and nowhere else.
import type { Message } from "../load/model.ts";
import type { Anchor } from "../load/schema.ts";
import { AnchorResolver } from "../anchor/resolve-anchor.ts";
import { collapse, findQuote, suggestDisambiguation } from "../anchor/text-quote.ts";
import { TranscriptText, type TextRange } from "../anchor/transcript-text.ts";
import { TranscriptRenderer, transcriptJob } from "../render/transcript-job.ts";
import { AuthorError } from "./author-error.ts";

export interface AnchorRequest {
  quote?: string;
  prefix?: string;
  suffix?: string;
  /** Which occurrence of an ambiguous quote is meant, 1-based in reading order (default: the first). */
  occurrence?: number;
  /**
   * Where the words were selected on the page instead (src/annotate/): the label of the line the selection starts
   * on and the offset in that line's text. The occurrence meant is the one that starts there.
   */
  at?: { line: string; offset: number };
  lines?: string;
}

export interface ChosenAnchor {
  anchor: Anchor;
  /** The transcript's text the note is attached to. */
  exact: string;
  firstLine: string;
  lastLine: string;
  /** How many times the quote occurs without prefix or suffix (1 for a line anchor). */
  occurrences: number;
  /** The lines of every occurrence, when there were several. */
  occurrenceLines: string[];
}

/** The citable lines of a message, as the render stage makes them (labels, inserted and withdrawn lines included). */
export function transcriptOf(message: Message, renderer = new TranscriptRenderer()): TranscriptText {
  const { lines } = renderer.render(transcriptJob(message, []));
  return new TranscriptText(lines);
}

function chosen(transcript: TranscriptText, anchor: Anchor, range: TextRange, occurrenceLines: string[]): ChosenAnchor {
  const { first, last } = transcript.linesOf(range);
  return {
    anchor,
    exact: transcript.text.slice(range.start, range.end),
    firstLine: first.label,
    lastLine: last.label,
    occurrences: Math.max(1, occurrenceLines.length),
    occurrenceLines,
  };
}

/**
 * Which of the quote's matches a selection on the page is: the one that starts where the selection does, or else
 * the nearest one on the same line (the page's text of a line can differ from the transcript's by markup, such as
 * a table's cells). Undefined when none is on that line: the page is older than the transcript.
 */
function matchAt(transcript: TranscriptText, matches: readonly TextRange[], at: NonNullable<AnchorRequest["at"]>): number | undefined {
  const index = transcript.indexOfLabel(at.line);
  if (index === undefined) return undefined;
  const position = transcript.lineStarts[index]! + at.offset;
  let best: number | undefined;
  matches.forEach((range, i) => {
    if (transcript.lineIndexAt(range.start) !== index) return;
    if (best === undefined || Math.abs(range.start - position) < Math.abs(matches[best]!.start - position)) best = i;
  });
  return best;
}

export function chooseNoteAnchor(message: Message, request: AnchorRequest): ChosenAnchor {
  const transcript = transcriptOf(message);
  const resolver = new AnchorResolver(message.id, transcript);

  if (request.lines !== undefined) {
    const anchor: Anchor = { lines: request.lines };
    const result = resolver.resolve(anchor);
    if (!result.ok) throw new AuthorError({ message: `--lines: ${result.problem.message}`, hint: result.problem.hint });
    return chosen(transcript, anchor, result.anchor.range, []);
  }

  // Whitespace is matched as a single space anyway; a quote copied across a line break is stored on one line.
  const quote = collapse(request.quote ?? "").trim();
  if (!quote) throw new AuthorError({ message: "--quote is empty", hint: 'Give the exact words in quotes, e.g. --quote "lamp is failing", or anchor by --lines 2-4.' });
  const withContext = Boolean(request.prefix || request.suffix);
  const given: Anchor = { quote, ...(request.prefix ? { prefix: request.prefix } : {}), ...(request.suffix ? { suffix: request.suffix } : {}) };
  const result = resolver.resolve(given);
  const everywhere = findQuote(resolver.collapsed, { exact: quote });
  const linesOf = (ranges: TextRange[]) => ranges.map((range) => transcript.linesOf(range).first.label);
  const contextMismatch = () =>
    new AuthorError({
      message: `--prefix/--suffix: "${quote}" occurs in ${message.id} (${everywhere.length === 1 ? "line" : "lines"} ${linesOf(everywhere).join(", ")}), but not with that prefix/suffix`,
      hint: "Copy the prefix and suffix exactly from the transcript (they must touch the quote), or leave them out to have them chosen for you.",
    });

  const notWhereSelected = (found: TextRange[]) =>
    new AuthorError({
      message: `The selected words "${quote}" are not on line ${request.at?.line} of ${message.id} (they are on ${found.length === 1 ? "line" : "lines"} ${linesOf(found).join(", ")})`,
      hint: "The page is older than the transcript: reload it and select the words again.",
    });
  if (result.ok) {
    if (request.at && matchAt(transcript, [result.anchor.range], request.at) === undefined) throw notWhereSelected([result.anchor.range]);
    // A new note has no published version to have moved from: the only way to find it is by its exact words.
    if (request.occurrence !== undefined && request.occurrence !== 1)
      throw new AuthorError({ message: `--occurrence ${request.occurrence}: the quote occurs only once${withContext ? " with that prefix/suffix" : ""} in ${message.id}`, hint: "Leave out --occurrence." });
    return chosen(transcript, given, result.anchor.range, everywhere.length > 1 ? linesOf(everywhere) : []);
  }
  if (result.problem.rule !== "ambiguous-quote") {
    if (everywhere.length) throw contextMismatch();
    const near = resolver.nearestPassage(quote);
    if (near)
      throw new AuthorError({
        message: `--quote: "${quote}" is not in ${message.id} as written; the nearest passage is "${near.text}" on line ${near.line}`,
        hint: `If that is the passage, copy it exactly: --quote ${JSON.stringify(near.text)}.`,
      });
    const placeholder = message.body.startsWith("TODO:") ? " The transcript still holds its placeholder: transcribe the message first." : "";
    throw new AuthorError({
      message: `--quote: "${quote}" is not in ${message.id}`,
      hint: `Copy the words exactly from content/${message.id}.md as a reader sees them (without Markdown), including punctuation and typographic quotes (’ “ ”).${placeholder}`,
    });
  }
  const candidates = findQuote(resolver.collapsed, { exact: quote, prefix: request.prefix, suffix: request.suffix });
  if (!candidates.length) throw contextMismatch();

  // Several occurrences (with the prefix/suffix given, if any): add the shortest context that singles one out.
  let occurrence = request.occurrence ?? 1;
  if (request.at) {
    const selected = matchAt(transcript, candidates, request.at);
    if (selected === undefined) throw notWhereSelected(candidates);
    occurrence = selected + 1;
  }
  const target = candidates[occurrence - 1];
  const lines = linesOf(candidates);
  if (!target)
    throw new AuthorError({
      message: `--occurrence ${occurrence}: the quote occurs only ${candidates.length} times in ${message.id} (lines ${lines.join(", ")})`,
      hint: `Use --occurrence 1 to ${candidates.length}.`,
    });
  const context = request.prefix || request.suffix ? undefined : suggestDisambiguation(resolver.collapsed, quote, target);
  const anchor: Anchor | undefined = context ? { quote, ...context } : undefined;
  const check = anchor ? resolver.resolve(anchor) : undefined;
  if (!anchor || !check?.ok || check.anchor.method !== "quote" || check.anchor.range.start !== target.start)
    throw new AuthorError({
      message: `--quote: "${quote}" occurs ${candidates.length} times in ${message.id} (lines ${lines.join(", ")}), and the words around occurrence ${occurrence} do not single it out`,
      hint: "Quote more of the passage, give --prefix or --suffix yourself, or anchor by line with --lines.",
    });
  return chosen(transcript, anchor, target, linesOf(everywhere));
}
