// The edition an authoring command adds to, loaded with the pipeline's own loader so that ids are checked
// against exactly what `npm run check` will see. Problems elsewhere in the edition do not stop an editor from
// adding a file, but a missing edition.yaml or an unreadable people/sources list does: ids cannot be checked then.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { VFile } from "vfile";
import { editionLayout, loadEdition, type EditionLayout } from "../load/load-edition.ts";
import type { Edition } from "../load/model.ts";
import { AuthorError, type Problem } from "./author-error.ts";

export interface OpenEdition {
  layout: EditionLayout;
  edition: Edition;
  files: readonly VFile[];
  /** Ids of every message in content/, including those whose front matter has problems. */
  messageIds: Set<string>;
  /** Ids of every annotation that loaded. */
  annotationIds: Set<string>;
}

function fatalProblems(file: VFile | undefined): Problem[] {
  if (!file) return [];
  return file.messages
    .filter((message) => message.fatal)
    .map((message) => ({
      message: message.reason,
      hint: message.note,
      file: file.path,
      place: { line: message.line ?? 1, column: message.column ?? 1 },
      ruleId: message.ruleId ?? undefined,
    }));
}

async function fileIds(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -3));
}

export async function openEdition(root: string): Promise<OpenEdition> {
  const layout = editionLayout(root);
  const { edition, files } = await loadEdition(root);
  const fileAt = (name: string) => files.find((file) => file.path === path.join(layout.edition, name));
  if (!edition) {
    const metaProblems = fatalProblems(fileAt("edition.yaml"));
    throw new AuthorError(
      metaProblems.length && !metaProblems.some((problem) => problem.ruleId === "missing-edition")
        ? metaProblems
        : {
            message: `There is no edition in ${root}: edition/edition.yaml is missing`,
            hint: "Start one with `npm run new -- edition <folder>`, or name an existing one with --edition <folder> (or EDITION_ROOT).",
          },
    );
  }
  return openedEdition(root, edition, files);
}

/**
 * An edition already loaded (by a watching build, for annotating from the page) as the authoring commands see it:
 * refused for the same reasons as openEdition, and with the ids in use read from the folders as they are now.
 */
export async function openedEdition(root: string, edition: Edition, files: readonly VFile[]): Promise<OpenEdition> {
  const layout = editionLayout(root);
  const fileAt = (name: string) => files.find((file) => file.path === path.join(layout.edition, name));
  const dataProblems = [...fatalProblems(fileAt("people.yaml")), ...fatalProblems(fileAt("sources.yaml"))];
  if (dataProblems.length) throw new AuthorError(dataProblems);
  // A message or note whose front matter is broken still has its id in use: by its file name at least.
  const messageIds = new Set([...edition.messages.map((message) => message.id), ...edition.invalidMessageIds, ...(await fileIds(layout.content))]);
  const annotationIds = new Set(await fileIds(layout.annotations));
  for (const group of edition.annotationsByMessage.values()) for (const annotation of group) annotationIds.add(annotation.id);
  return { layout, edition, files, messageIds, annotationIds };
}

/** "ada, ben, harbour-board", or a note that there are none yet. */
export function listIds(ids: Iterable<string>, none: string): string {
  const list = [...ids];
  return list.length ? list.join(", ") : none;
}
