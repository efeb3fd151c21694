// Who a name in an import file is: a person already in people.yaml (by id, name or handle, ignoring case), or a
// new person, whose id is made from the name as given. The same name always gives the same person within an import.
import type { Person } from "../load/schema.ts";
import { firstFreeId, slugify } from "../load/slug.ts";

export class PeopleMatcher {
  readonly #byKey = new Map<string, string>();
  readonly #ids: Set<string>;
  /** People the import adds, in the order they were first met. */
  readonly added: Person[] = [];

  constructor(people: Iterable<Person>) {
    this.#ids = new Set();
    for (const person of people) {
      this.#ids.add(person.id);
      for (const key of [person.id, person.name, person.handle]) if (key) this.#remember(key, person.id);
    }
  }

  #remember(key: string, id: string): void {
    const normal = key.trim().toLowerCase();
    if (!this.#byKey.has(normal)) this.#byKey.set(normal, id);
  }

  /** The person id for a name, adding a person when nobody matches; undefined when no id can be made from it. */
  idOf(name: string): string | undefined {
    const known = this.#byKey.get(name.trim().toLowerCase()) ?? this.#byKey.get(name.trim().replace(/^@/, "").toLowerCase());
    if (known) return known;
    const base = slugify(name);
    if (!base) return undefined;
    const id = firstFreeId(base, (candidate) => this.#ids.has(candidate));
    this.#ids.add(id);
    this.#remember(name, id);
    this.added.push({ id, name: name.trim(), kind: "person" });
    return id;
  }
}
