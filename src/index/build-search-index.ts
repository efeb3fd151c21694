// The index stage: Pagefind's Node API indexes the documents the site gives it (src/site/search-documents.ts):
// small HTML documents, so that every line of a message becomes a sub-result and a note can be weighted below
// transcripts. Every response's errors are checked, so that a page Pagefind could not read fails the build instead of
// silently missing from search.
import path from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexInput {
  pages: ReadonlyArray<{ url: string; content: string }>;
}

export interface SearchIndexResult {
  pageCount: number;
  outputPath: string;
}

export class SearchIndexError extends Error {
  constructor(step: string, errors: string[]) {
    super(`Pagefind failed to ${step}:\n${errors.map((error) => `  ${error}`).join("\n")}`);
    this.name = "SearchIndexError";
  }
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length) throw new SearchIndexError(step, response.errors);
  return response;
}

export interface SearchIndexOptions {
  language?: string;
  /** Where the bundle goes, relative to the site (default pagefind/; a partition's own under it, see pipeline/partitions.ts). */
  bundleFolder?: string;
}

export async function buildSearchIndex(siteDir: string, input: SearchIndexInput, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const outputPath = path.join(siteDir, options.bundleFolder ?? "pagefind");
  try {
    const { index } = check("start", await pagefind.createIndex({ forceLanguage: options.language }));
    if (!index) throw new SearchIndexError("start", ["no index was created"]);
    // Requests go to Pagefind's service concurrently, in batches, rather than one round trip at a time.
    const BATCH = 256;
    for (let i = 0; i < input.pages.length; i += BATCH)
      await Promise.all(input.pages.slice(i, i + BATCH).map(async (page) => check(`index ${page.url}`, await index.addHTMLFile(page))));
    check("write the index", await index.writeFiles({ outputPath }));
    return { pageCount: input.pages.length, outputPath };
  } finally {
    await pagefind.close();
  }
}
