// The search page's list of the edition's Pagefind bundles, in reading order, each with the languages it has an
// index for (see SearchBundle). The page needs the languages before it loads anything: asking Pagefind for an index a
// bundle does not have gives the bundle's largest one instead, downloaded a second time.
import type { MessageEntry } from "../render/rendered.ts";
import { compareText } from "../load/compare-text.ts";
import { messageLanguage } from "./search-documents.ts";
import type { SearchBundle } from "./search-schema.ts";
import type { EditionModel, SiteModel } from "./site-model.ts";

/** The languages of a bundle's messages, in the order they are indexed (see SearchBundle). */
export function bundleLanguages(model: Pick<SiteModel, "edition">, messages: readonly MessageEntry[]): SearchBundle["languages"] {
  const languages = messages.map(({ message }) => messageLanguage(model, message.language));
  const counts = new Map<string, number>();
  for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
  // The bundle's main language is its most frequent, the edition's on a tie.
  const edition = messageLanguage(model, undefined);
  const main = [...counts].sort(([a, m], [b, n]) => n - m || Number(b === edition) - Number(a === edition) || compareText(a, b))[0]?.[0] ?? edition;
  const result: SearchBundle["languages"] = { [main]: null };
  languages.forEach((language, position) => {
    if (language !== main) (result[language] ??= []).push(position);
  });
  return result;
}

/** Each bundle indexes one partition's messages, in reading order (pipeline/partitions.ts). */
export function searchBundles(model: EditionModel): SearchBundle[] {
  const { primary, merge, ranges } = model.searchBundles();
  return [primary, ...merge].map((path, i) => {
    const [start, end] = ranges[i] ?? [0, 0];
    return { path, languages: bundleLanguages(model, model.messages.slice(start, end)) };
  });
}
