// The id of a new person or source: as given, or made from the name; refused when it is taken or malformed.
import { idSchema } from "../load/schema.ts";
import { AuthorError } from "./author-error.ts";
import { slugify } from "../load/slug.ts";

export function chooseId(given: string | undefined, from: string, taken: Map<string, unknown>, what: string, file: string): string {
  const id = given ?? slugify(from);
  if (!id) throw new AuthorError({ message: `No id can be made from "${from}"`, hint: "Give one with --id, in lowercase letters, digits and hyphens." });
  if (!idSchema.safeParse(id).success) throw new AuthorError({ message: `--id: "${id}" is not an id`, hint: "Use lowercase letters, digits and hyphens, e.g. ada-quill." });
  if (taken.has(id))
    throw new AuthorError({ message: `There is already a ${what} "${id}" in edition/${file}`, hint: given ? "Choose another --id." : "Give this one its own id with --id." });
  return id;
}
