// The ids nearest to one that does not exist, for a hint: "Did you mean "ada"?" beats a list of every id of an
// edition, which for 300 people or 100,000 messages is no help at all. One pass over the candidates per unknown id.
import { distance } from "fastest-levenshtein";
import { compareText } from "./compare-text.ts";

/** Up to `count` of `candidates`, nearest to `id` first (by edit distance, then in code-unit order). */
export function nearestIds(id: string, candidates: Iterable<string>, count = 3): string[] {
  const best: Array<{ candidate: string; d: number }> = [];
  for (const candidate of candidates) {
    const d = distance(id, candidate);
    if (best.length === count && d > best[count - 1]!.d) continue;
    best.push({ candidate, d });
    best.sort((a, b) => a.d - b.d || compareText(a.candidate, b.candidate));
    if (best.length > count) best.pop();
  }
  return best.map(({ candidate }) => candidate);
}

/** "Did you mean "ada", "adam" or "ida"?" for a hint, or undefined when there is nothing to choose from. */
export function didYouMean(id: string, candidates: Iterable<string>): string | undefined {
  const near = nearestIds(id, candidates).map((candidate) => JSON.stringify(candidate));
  if (!near.length) return undefined;
  return `Did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(", ")} or ${near.at(-1)}`}?`;
}
