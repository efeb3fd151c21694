// The long silences of the correspondence: found in one pass without sorting, the longest few labelled with
// their length in words that fit the gap.
import { silenceBetween } from "../format.ts";
import { estimateTextWidth, MARK_RADIUS, round, type Geometry } from "./geometry.ts";
import type { TimelineMessage } from "./layout.ts";
import type { TimelineLane } from "./lanes.ts";
import type { Extent } from "./scale.ts";

export interface TimelineGap {
  /** The message after which the silence starts and the one that ends it. */
  before: number;
  after: number;
  /** "7 months", as silenceBetween words it. */
  length: string;
  x0: number;
  x1: number;
  /** The label as drawn, one entry per line; empty when no wording fits the gap. */
  lines: Array<{ text: string; x: number; y: number }>;
}

/**
 * The silences, found without sorting: extents are dropped into fine buckets by start, and a sweep in bucket order
 * keeps the latest end seen so far; a bucket that starts after it ends a silence. Silences inside one bucket
 * (under 1/1024 of the span) are missed, which is far below any length worth labelling.
 */
export function findSilences(extents: Array<{ from: number; to: number }>, from: number, to: number): Array<{ from: number; to: number; before: number; after: number }> {
  const buckets = 1024;
  const span = to - from || 1;
  const firstStart = new Float64Array(buckets).fill(Infinity);
  const firstStartMessage = new Int32Array(buckets);
  const lastEnd = new Float64Array(buckets).fill(-Infinity);
  const lastEndMessage = new Int32Array(buckets);
  extents.forEach((extent, index) => {
    const bucket = Math.min(buckets - 1, Math.floor(((extent.from - from) / span) * buckets));
    if (extent.from < firstStart[bucket]!) {
      firstStart[bucket] = extent.from;
      firstStartMessage[bucket] = index;
    }
    if (extent.to > lastEnd[bucket]!) {
      lastEnd[bucket] = extent.to;
      lastEndMessage[bucket] = index;
    }
  });
  const silences: Array<{ from: number; to: number; before: number; after: number }> = [];
  let reach = -Infinity;
  let reachMessage = -1;
  for (let bucket = 0; bucket < buckets; bucket++) {
    if (firstStart[bucket] === Infinity) continue;
    if (reachMessage >= 0 && firstStart[bucket]! > reach)
      silences.push({ from: reach, to: firstStart[bucket]!, before: reachMessage, after: firstStartMessage[bucket]! });
    if (lastEnd[bucket]! > reach) {
      reach = lastEnd[bucket]!;
      reachMessage = lastEndMessage[bucket]!;
    }
  }
  return silences;
}

/** The wordings of a silence's label, longest first; the first that fits its gap is drawn. */
function gapWordings(length: string): string[][] {
  // "about 4 months" may take two lines of its own where one is too narrow for it.
  const qualified = /^(\S+) (\d.*)$/.exec(length);
  return [[`no messages for ${length}`], ["no messages", `for ${length}`], [length], ...(qualified ? [[qualified[1]!, qualified[2]!]] : [])];
}


/** A silence is labelled when it is at least this share of the span; the longest few only. */
const GAP_SHARE = 0.15;
const MAX_GAPS = 3;
const GAP_LINE = 15;

/**
 * The longest few silences of at least GAP_SHARE of the span, in time order, each worded from the two messages
 * around it (as the conversation words the same silence) in the longest wording that fits between its marks.
 */
export function layoutSilences(
  extents: readonly Extent[],
  messages: readonly TimelineMessage[],
  data: { from: number; to: number },
  lanes: readonly TimelineLane[],
  plot: { top: number; bottom: number },
  geometry: Geometry,
  xOf: (ms: number) => number,
): TimelineGap[] {
  return findSilences(extents as Extent[], data.from, data.to)
    .filter((silence) => silence.to - silence.from >= GAP_SHARE * (data.to - data.from))
    .sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from)
    .slice(0, MAX_GAPS)
    .sort((a, b) => a.from - b.from)
    .map((silence): TimelineGap => {
      const length = silenceBetween(messages[silence.before]!, messages[silence.after]!);
      const x0 = xOf(silence.from);
      const x1 = xOf(silence.to);
      // Marks reach a radius into the gap; the label keeps clear of them.
      const room = x1 - x0 - 2 * (MARK_RADIUS + 6);
      // Beside the names, the label is centred on the lanes; under names written above the lanes, it goes where
      // no name is: in the marks of the middle lane, which the silence leaves empty.
      const maxLines = geometry.labels === "beside" ? Math.floor((plot.bottom - plot.top - 8) / GAP_LINE) : 2;
      const wording = gapWordings(length).find(
        (lines) => lines.length <= maxLines && lines.every((line) => estimateTextWidth(line, geometry.gapFont) <= room),
      );
      const centre = geometry.labels === "beside" ? (plot.top + plot.bottom) / 2 : lanes[Math.floor((lanes.length - 1) / 2)]!.y;
      const lines = (wording ?? []).map((text, index, all) => ({
        text,
        x: round((x0 + x1) / 2),
        // Baselines of the lines, centred on the lanes (a baseline sits about a third of the font below the middle).
        y: round(centre + (index - (all.length - 1) / 2) * GAP_LINE + geometry.gapFont / 3),
      }));
      return { before: silence.before, after: silence.after, length, x0, x1, lines };
    });
}
