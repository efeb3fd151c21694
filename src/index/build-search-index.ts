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
  /** Where the bundle goes, relative to the site (default pagefind/; a partition's own under it, see pipeline/partitions.ts). */
  bundleFolder?: string;
}

/**
 * Pagefind splits a bundle's index into chunks of about 20,000 word positions, and a search downloads the chunk of
 * each word it looks up, besides the bundle's metadata, which lists every chunk. That size suits a site of some
 * 100,000 pages; a smaller bundle is better served by smaller chunks, whose list costs the metadata less than a big
 * chunk costs the search. Measured on the first search at 10,000 messages (one bundle, 1.6 million words): 193 kB
 * with 20,000, 180 kB with 6,000 to 8,000; in ten bundles of 1,000 messages, 459 kB with 20,000, 224 kB with 1,000
 * to 2,000. About 4.7 × √words gives those sizes. Pagefind reads the size from its environment, where it calls it
 * unstable; a value already set there is kept.
 */
export function indexChunkSize(pages: SearchIndexInput["pages"]): number {
  let words = 0;
  for (const page of pages) words += page.content.replace(/<[^>]*>/g, " ").split(/\s+/).filter(Boolean).length;
  return Math.max(500, Math.round(4.7 * Math.sqrt(words)));
}

const CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

export async function buildSearchIndex(siteDir: string, input: SearchIndexInput, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const outputPath = path.join(siteDir, options.bundleFolder ?? "pagefind");
  const chosenByUser = process.env[CHUNK_SIZE_VARIABLE];
  // Pagefind's service reads it when it starts, which createIndex does.
  if (!chosenByUser) process.env[CHUNK_SIZE_VARIABLE] = String(indexChunkSize(input.pages));
  try {
    // No forced language: each document says its own (<html lang>), and Pagefind indexes each language apart, with
    // its word splitting and stemming.
    const { index } = check("start", await pagefind.createIndex({}));
    if (!index) throw new SearchIndexError("start", ["no index was created"]);
    // Requests go to Pagefind's service concurrently, in batches, rather than one round trip at a time.
    const BATCH = 256;
    for (let i = 0; i < input.pages.length; i += BATCH)
      await Promise.all(input.pages.slice(i, i + BATCH).map(async (page) => check(`index ${page.url}`, await index.addHTMLFile(page))));
    check("write the index", await index.writeFiles({ outputPath }));
    return { pageCount: input.pages.length, outputPath };
  } finally {
    await pagefind.close();
    if (!chosenByUser) delete process.env[CHUNK_SIZE_VARIABLE];
  }
}
