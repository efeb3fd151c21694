// How search results are ranked, shared by the search page and the relevance tests so that both see the same
// order. Pagefind indexes metadata as searchable text and boosts pages whose metadata matches; ours is for
// display (a note's heading, the message it annotates, dates), so it must not lift a note above the transcript
// line it talks about.

export const SEARCH_RANKING = {
  metaWeights: {
    title: 0,
    date: 3,
  },
  // A little less term-frequency saturation than Pagefind's default (1.4): a short line that uses a word once is
  // the thing readers look for, more than a note that repeats it.
  termSaturation: 0.8,
  pageLength: 0.2,
};

export interface ScoredSubResult {
  url: string;
  weighted_locations?: Array<{ balanced_score: number }>;
}

/** Sub-results in order of how well they match (Pagefind lists them in page order), page order on ties. */
export function orderSubResults<T extends ScoredSubResult>(subResults: readonly T[]): T[] {
  const score = (sub: T) => (sub.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);
  return subResults
    .map((sub, index) => ({ sub, index, score: score(sub) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ sub }) => sub);
}
