// `npm run new -- source`: one entry added to edition/sources.yaml, with an id made from its short name when none
// is given, and every fact not given recorded as not known (null).
import path from "node:path";
import { sourceSchema, sourcesSchema, type Source } from "../load/schema.ts";
import { AuthorError } from "./author-error.ts";
import { appendToYamlList } from "./append-yaml-list.ts";
import { chooseId } from "./choose-entry-id.ts";
import { sourceEntry } from "./list-entries.ts";
import { problemsOfSchema } from "./schema-problems.ts";
import { openEdition } from "./open-edition.ts";

export interface NewSourceOptions {
  edition: string;
  short: string;
  id?: string;
  kind?: string;
  title?: string;
  publisher?: string;
  author?: string;
  published?: string;
  url?: string;
}

export async function newSource(options: NewSourceOptions): Promise<{ path: string; source: Source }> {
  const { layout, edition } = await openEdition(options.edition);
  const id = chooseId(options.id, options.short, edition.sources, "source", "sources.yaml");
  const candidate = {
    id,
    short: options.short.trim(),
    kind: options.kind ?? "news article",
    // Facts not given are recorded as not known (null), as the edition's format asks.
    publisher: options.publisher ?? null,
    title: options.title ?? null,
    author: options.author ?? null,
    published: options.published ?? null,
    url: options.url ?? null,
  };
  const parsed = sourceSchema.safeParse(candidate);
  if (!parsed.success)
    throw new AuthorError(problemsOfSchema(parsed.error, { id: "--id", short: "--short", kind: "--kind", publisher: "--publisher", title: "--title", author: "--author", published: "--published", url: "--url" }));
  const file = path.join(layout.edition, "sources.yaml");
  await appendToYamlList(file, sourceEntry(parsed.data), sourcesSchema);
  return { path: file, source: parsed.data };
}
