// The YAML text of new entries in people.yaml and sources.yaml, in the field order the scaffold's examples show.
import type { Person, Source } from "../load/schema.ts";
import { yamlField, yamlString } from "./yaml-text.ts";

const nullable = (value: string | null) => (value === null ? "null" : yamlString(value));

export function personEntry(person: Person, kindTodo = false): string {
  return [
    `- ${yamlField("id", person.id)}`,
    yamlField("name", yamlString(person.name), undefined, "  "),
    yamlField("kind", person.kind, kindTodo ? "TODO: or organization" : undefined, "  "),
    ...(person.handle ? [yamlField("handle", yamlString(person.handle), undefined, "  ")] : []),
    ...(person.description ? [yamlField("description", yamlString(person.description), undefined, "  ")] : []),
  ].join("\n");
}

export function sourceEntry(source: Source, todo?: { short?: string }): string {
  return [
    `- ${yamlField("id", source.id)}`,
    yamlField("short", yamlString(source.short), todo?.short, "  "),
    yamlField("kind", yamlString(source.kind), undefined, "  "),
    yamlField("publisher", nullable(source.publisher), undefined, "  "),
    yamlField("title", nullable(source.title), undefined, "  "),
    yamlField("author", nullable(source.author), undefined, "  "),
    yamlField("published", nullable(source.published), undefined, "  "),
    yamlField("url", nullable(source.url), undefined, "  "),
    ...(source.description ? [yamlField("description", yamlString(source.description), undefined, "  ")] : []),
  ].join("\n");
}
