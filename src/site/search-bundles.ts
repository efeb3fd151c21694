// The search page's list of the edition's Pagefind bundles, in reading order, each with the languages it has an
// index for (see SearchBundle). The page needs the languages before it loads anything: asking Pagefind for an index a
// bundle does not have gives the bundle's largest one instead, downloaded a second time.
import type { RenderedMessage } from "../render/render-edition.ts";
import { messageLanguage } from "./search-documents.ts";
import type { SearchBundle } from "./search-schema.ts";
import { shardRange } from "./shards.ts";
import type { SiteModel } from "./site-model.ts";

/** The languages of a bundle's messages, in the order they are indexed (see SearchBundle). */
export function bundleLanguages(model: SiteModel, messages: readonly RenderedMessage[]): SearchBundle["languages"] {
  const languages = messages.map(({ message }) => messageLanguage(model, message.language));
  const counts = new Map<string, number>();
  for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
  // The bundle's main language is its most frequent, the edition's on a tie.
  const edition = messageLanguage(model, undefined);
  const main = [...counts].sort(([a, m], [b, n]) => n - m || Number(b === edition) - Number(a === edition) || a.localeCompare(b))[0]?.[0] ?? edition;
  const result: SearchBundle["languages"] = { [main]: null };
  languages.forEach((language, position) => {
    if (language !== main) (result[language] ??= []).push(position);
  });
  return result;
}

export function searchBundles(model: SiteModel): SearchBundle[] {
  const { primary, merge } = model.searchBundles();
  const paths = [primary, ...merge];
  const { messages } = model.rendered;
  // Bundle k indexes the k-th slice of the messages in reading order, as a build with --shard k/n does.
  return paths.map((path, i) => {
    const { start, end } = shardRange(messages.length, paths.length > 1 ? { index: i + 1, count: paths.length } : undefined);
    return { path, languages: bundleLanguages(model, messages.slice(start, end)) };
  });
}
