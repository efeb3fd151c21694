// `npm run new -- person`: one entry added to edition/people.yaml, with an id made from the name when none is given.
import path from "node:path";
import { peopleSchema, personSchema, type Person } from "../load/schema.ts";
import { AuthorError } from "./author-error.ts";
import { appendToYamlList } from "./append-yaml-list.ts";
import { chooseId } from "./choose-entry-id.ts";
import { personEntry } from "./list-entries.ts";
import { problemsOfSchema } from "./schema-problems.ts";
import { openEdition } from "./open-edition.ts";

export interface NewPersonOptions {
  edition: string;
  name: string;
  id?: string;
  kind?: string;
  handle?: string;
  description?: string;
}

export async function newPerson(options: NewPersonOptions): Promise<{ path: string; person: Person }> {
  const { layout, edition } = await openEdition(options.edition);
  const id = chooseId(options.id, options.name, edition.people, "person", "people.yaml");
  const candidate = { id, name: options.name.trim(), kind: options.kind ?? "person", ...(options.handle ? { handle: options.handle } : {}), ...(options.description ? { description: options.description } : {}) };
  const parsed = personSchema.safeParse(candidate);
  if (!parsed.success) throw new AuthorError(problemsOfSchema(parsed.error, { id: "--id", name: "--name", kind: "--kind", handle: "--handle", description: "--description" }));
  const file = path.join(layout.edition, "people.yaml");
  await appendToYamlList(file, personEntry(parsed.data), peopleSchema);
  return { path: file, person: parsed.data };
}
