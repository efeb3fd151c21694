// How search results are ranked, shared by the search page and the tests so that both see the same order.
// Pagefind indexes metadata as searchable text and boosts pages whose metadata matches. Ours is a message's title
// (its writers' names, or an email's subject), which must not lift a message above another whose transcript has
// the words, and its date, which should: a reader who types "October 14, 2016" is looking for what was sent then.
export const SEARCH_RANKING = {
  metaWeights: {
    title: 0,
    date: 3,
  },
  // A little less term-frequency saturation than Pagefind's default (1.4): a short line that uses a word once is
  // the thing readers look for, more than a note that repeats it.
  termSaturation: 0.8,
  // Far less weight on a document's length than Pagefind's default (0.75): a message's document holds its notes,
  // whose length says nothing about how well its transcript matches.
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
