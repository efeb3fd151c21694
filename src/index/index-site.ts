// Indexes a built site's edition for search: the documents the site stage derives from the rendered edition,
// each in its message's language, into this build's bundle (its own, in a sharded build). `npm run build` and
// `npm start` both index this way.
import type { SiteModel } from "../site/site-model.ts";
import { searchDocuments } from "../site/search-documents.ts";
import { searchBundleFolder } from "../site/shards.ts";
import { buildSearchIndex, type SearchIndexResult } from "./build-search-index.ts";

export function indexSite(model: SiteModel, outputDir: string): Promise<SearchIndexResult> {
  return buildSearchIndex(outputDir, searchDocuments(model), {
    bundleFolder: searchBundleFolder(model.shard?.index ?? 1),
  });
}
