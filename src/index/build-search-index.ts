// The index stage: Pagefind's Node API indexes the built site. Every response's errors are checked, so that a
// page Pagefind could not read fails the build instead of silently missing from search.
import path from "node:path";
import * as pagefind from "pagefind";

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

export async function buildSearchIndex(siteDir: string, options: { language?: string } = {}): Promise<SearchIndexResult> {
  const outputPath = path.join(siteDir, "pagefind");
  try {
    const { index } = check("start", await pagefind.createIndex({ forceLanguage: options.language }));
    if (!index) throw new SearchIndexError("start", ["no index was created"]);
    const { page_count } = check("index the site", await index.addDirectory({ path: siteDir }));
    check("write the index", await index.writeFiles({ outputPath }));
    return { pageCount: page_count, outputPath };
  } finally {
    await pagefind.close();
  }
}
