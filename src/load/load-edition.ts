// The load stage: reads an edition's folder, validates every file against the schema, checks the references
// between files, and returns a typed Edition with every problem found (not just the first).
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { VFile } from "vfile";
import type { z } from "zod";
import { report } from "./diagnostics.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { Annotation, Edition, EditorialPage, FileOrigin, Message, PreviewImage, SourceCitation } from "./model.ts";
import { readSource } from "./read-source.ts";
import {
  annotationSchema,
  editionSchema,
  changelogSchema,
  lineMapSchema,
  messageSchema,
  pageSchema,
  type LineMap,
  peopleSchema,
  sourcesSchema,
  type EditionMeta,
  type Person,
  type Source,
  type SourceRef,
} from "./schema.ts";
import { parseTimestamp } from "./timestamp.ts";
import { validateLocated } from "./validate.ts";
import { parseLocatedYaml, type LocatedYaml } from "./yaml-document.ts";
import { compareText } from "./compare-text.ts";
import { checkPageName } from "./page-name.ts";
import { didYouMean } from "./nearest-ids.ts";

/** Where an edition's files live, relative to its root. */
export interface EditionLayout {
  root: string;
  content: string;
  annotations: string;
  edition: string;
  pages: string;
}

export function editionLayout(root: string): EditionLayout {
  const absolute = path.resolve(root);
  return {
    root: absolute,
    content: path.join(absolute, "content"),
    annotations: path.join(absolute, "annotations"),
    edition: path.join(absolute, "edition"),
    pages: path.join(absolute, "edition", "pages"),
  };
}

export interface LoadResult {
  /** Undefined when the edition's own metadata could not be read; otherwise as much as could be loaded. */
  edition: Edition | undefined;
  /** Every file read, with its messages. */
  files: VFile[];
}

const READ_CONCURRENCY = 64;

async function mapPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Lists the files of a folder recursively, sorted, warning about any that the pipeline does not read. */
async function listMarkdown(dir: string, files: VFile[], reportStray: (file: string) => VFile): Promise<string[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const markdown: string[] = [];
  for (const file of entries.sort()) {
    const base = path.basename(file);
    if (base.startsWith(".")) continue;
    if (file.endsWith(".md")) markdown.push(file);
    else files.push(reportStray(file));
  }
  return markdown;
}

export function normaliseSources(refs: SourceRef[]): SourceCitation[] {
  return refs.map((ref) => (typeof ref === "string" ? { id: ref } : ref));
}

function collectPlaces(yaml: LocatedYaml, value: Record<string, unknown>): Record<string, FileOrigin["places"][string]> {
  const places: FileOrigin["places"] = {};
  for (const [key, field] of Object.entries(value)) {
    places[key] = yaml.locate([key]);
    if (Array.isArray(field)) field.forEach((_, i) => (places[`${key}.${i}`] = yaml.locate([key, i])));
    else if (field && typeof field === "object")
      for (const inner of Object.keys(field)) places[`${key}.${inner}`] = yaml.locate([key, inner]);
  }
  return places;
}

function reportLineMap(file: VFile, reason: string): void {
  report(file, reason, {
    ruleId: "line-map-invalid",
    place: { line: 1, column: 1 },
    hint: "Line maps are written by `npm run line-map`; restore this file from version control rather than editing it.",
  });
}

function indexById<T extends { id: string }>(
  items: T[],
  file: VFile,
  yamlPlaces: (index: number) => FileOrigin["places"][string],
  what: string,
): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, index) => {
    if (map.has(item.id))
      report(file, `Duplicate ${what} id "${item.id}"`, {
        ruleId: "duplicate-id",
        place: yamlPlaces(index),
        hint: `Give each ${what} its own id; ids are used in links and must stay unique.`,
      });
    else map.set(item.id, item);
  });
  return map;
}

/**
 * `npm run new` leaves "TODO:" where only the editor can decide (a transcript's text, a note, a field's value):
 * each left in place is a warning, so that a placeholder is never published unnoticed. `firstLine` is the file's
 * line of the text's first line.
 */
function reportPlaceholders(file: VFile, text: string, firstLine: number, pattern = /^\s*TODO:/): void {
  text.split("\n").forEach((line, i) => {
    if (!pattern.test(line)) return;
    report(file, `Line ${firstLine + i} still holds a placeholder: "${line.trim().slice(0, 60)}"`, {
      ruleId: "placeholder",
      place: { line: firstLine + i, column: line.indexOf("TODO") + 1 },
      hint: "Replace it with what belongs there (the text as the sources print it, the note, the value), then delete the TODO.",
    });
  });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Checks the share picture named in edition.yaml and reads its size from the PNG header, which share cards
 * declare so that the picture is laid out before it arrives.
 */
async function readPreviewImage(editionDir: string, declared: { file: string; alt: string }, metaFile: VFile): Promise<PreviewImage | undefined> {
  const place = () => (typeof metaFile.value === "string" ? parseLocatedYaml(metaFile.value).locate(["preview_image", "file"]) : undefined);
  const file = path.resolve(editionDir, declared.file);
  if (path.relative(editionDir, file).startsWith("..")) {
    report(metaFile, `preview_image.file must be inside edition/: "${declared.file}"`, { ruleId: "preview-image", place: place(), hint: "Put the PNG in edition/ and give its name relative to that folder." });
    return undefined;
  }
  let header: Buffer;
  try {
    const handle = await open(file, "r");
    try {
      header = Buffer.alloc(24);
      await handle.read(header, 0, 24, 0);
    } finally {
      await handle.close();
    }
  } catch {
    report(metaFile, `preview_image.file names a file that does not exist: edition/${declared.file}`, { ruleId: "preview-image", place: place(), hint: "Add the PNG to edition/, or correct its name, or remove preview_image." });
    return undefined;
  }
  if (!header.subarray(0, 8).equals(PNG_SIGNATURE)) {
    report(metaFile, `preview_image.file is not a PNG image: edition/${declared.file}`, { ruleId: "preview-image", place: place(), hint: "Save the picture as PNG (1200×630 pixels suits most sites)." });
    return undefined;
  }
  return { path: file, alt: declared.alt, width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** What the loader makes of one editor's file: its validated fields, or the id it claims when they are invalid. */
export type ParsedFile<T> = { data?: T & { body: string; origin: FileOrigin }; invalidId?: string };

/**
 * Parses one transcript, note or page from its text: front matter validated against `schema`, placeholders warned
 * about, each problem at its place in `vfile`. Exported so that a note written from the page (src/annotate/) is
 * checked by exactly this code before it is saved.
 */
export function parseEditorFile<T extends z.ZodType>(vfile: VFile, text: string, schema: T): ParsedFile<z.infer<T>> {
  const split = splitFrontMatter(vfile, text);
  if (!split) return {};
  const data = validateLocated(vfile, schema, split.value, split.located);
  if (!data) {
    const id = split.value.id;
    return { invalidId: typeof id === "string" ? id : undefined };
  }
  // Places are only needed to report a problem, which most files never have: computed on first use.
  let places: FileOrigin["places"] | undefined;
  const origin: FileOrigin = {
    file: vfile,
    bodyStartLine: split.bodyStartLine,
    get places() {
      return (places ??= collectPlaces(split.located(), split.value));
    },
  };
  reportPlaceholders(vfile, text.split("\n").slice(0, split.bodyStartLine - 1).join("\n"), 1, /#\s*TODO:/);
  reportPlaceholders(vfile, split.body, split.bodyStartLine);
  // The text is kept as the front matter and the body; the whole file's again would double an edition's memory.
  vfile.value = "";
  return { data: { ...data, body: split.body, origin } };
}

/** A hint for an id that a list does not have: the nearest it does have, or why the list has none. */
function unknownIdHint(id: string, ids: Map<string, unknown>, list: VFile | undefined, file: string, what: string): string {
  if (list?.messages.some((message) => message.fatal)) return `${file} has errors of its own, reported there: fix them first.`;
  const near = didYouMean(id, ids.keys());
  return near ? `${near} Otherwise add "${id}" to ${file}.` : `${file} has no ${what} yet: add "${id}" there.`;
}

function checkSourceIds(origin: FileOrigin, sources: SourceCitation[], sourcesById: Map<string, unknown>, sourcesFile: VFile | undefined): void {
  sources.forEach((source, i) => {
    if (!sourcesById.has(source.id))
      report(origin.file, `Unknown source id "${source.id}"`, {
        ruleId: "unknown-source",
        place: origin.places[`sources.${i}`],
        hint: unknownIdHint(source.id, sourcesById, sourcesFile, "edition/sources.yaml", "sources"),
      });
  });
}

/** What a note is checked against: the edition's sources (and the file that lists them) and its messages. */
export interface AnnotationReferences {
  sources: Map<string, unknown>;
  sourcesFile?: VFile;
  messages: Map<string, unknown>;
  invalidMessageIds: Set<string>;
}

/**
 * Checks a note's sources and target message, reporting on its file; false when its target is not a message the
 * edition has (it then cannot be anchored). Exported for the same reason as parseEditorFile.
 */
export function checkAnnotationReferences(annotation: Annotation, refs: AnnotationReferences): boolean {
  checkSourceIds(annotation.origin, annotation.sources, refs.sources, refs.sourcesFile);
  if (refs.messages.has(annotation.target)) return true;
  if (!refs.invalidMessageIds.has(annotation.target))
    report(annotation.origin.file, `The target message "${annotation.target}" does not exist`, {
      ruleId: "unknown-target",
      place: annotation.origin.places.target,
      hint: `${didYouMean(annotation.target, refs.messages.keys()) ?? "content/ has no transcripts yet."} The target is the id in the front matter of a transcript in content/.`,
    });
  return false;
}

/** A file as last read: its state on disk when read, its problems of its own, and what was made of it. */
interface ReadFile<T> {
  size: number;
  mtimeMs: number;
  file: VFile;
  /** The problems found in the file itself; every load starts the file's messages from these. */
  own: VFile["messages"];
  result: T;
}

export interface LoadOptions {
  /**
   * The paths that may have changed since the last load (from a file watcher). Files not named are taken to be
   * unchanged without looking at them again; without it, every file's size and modification time are compared.
   */
  changed?: Iterable<string>;
}

/**
 * Loads an edition, and loads it again after edits by reading only the files that changed: each file's parse and
 * its own problems are kept, and only the checks between files (ids, people, sources, targets) run on every load,
 * so that a load after one edit reports exactly what a first load of the same files reports.
 */
export class EditionLoader {
  readonly layout: EditionLayout;
  readonly #read = new Map<string, ReadFile<unknown>>();
  #changed: Set<string> | undefined;

  constructor(root: string) {
    this.layout = editionLayout(root);
  }

  /**
   * The file's VFile and what `parse` made of it, parsing it only if it changed since it was last read. Undefined
   * if the file does not exist.
   */
  async #file<T>(file: string, parse: (file: string) => Promise<{ vfile: VFile; result: T }>): Promise<{ vfile: VFile; result: T } | undefined> {
    const known = this.#read.get(file) as ReadFile<T> | undefined;
    if (known && this.#changed && !this.#changed.has(file)) return this.#reuse(known);
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = await stat(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      this.#read.delete(file);
      return undefined;
    }
    if (known && known.size === size && known.mtimeMs === mtimeMs) return this.#reuse(known);
    const { vfile, result } = await parse(file);
    this.#read.set(file, { size, mtimeMs, file: vfile, own: [...vfile.messages], result });
    return { vfile, result };
  }

  #reuse<T>(known: ReadFile<T>): { vfile: VFile; result: T } {
    known.file.messages = [...known.own];
    return { vfile: known.file, result: known.result };
  }

  async #dataFile<T extends z.ZodType>(file: string, schema: T, files: VFile[]): Promise<z.infer<T> | undefined> {
    const read = await this.#file(file, async (path) => {
      const { file: vfile, text } = await readSource(path);
      if (text === undefined) return { vfile, result: undefined };
      const yaml = parseLocatedYaml(text);
      for (const error of yaml.errors)
        report(vfile, `Malformed YAML: ${error.message}`, {
          ruleId: "yaml-syntax",
          place: error.place,
          hint: "Check indentation, colons and quotes on this line.",
        });
      if (yaml.errors.length) return { vfile, result: undefined };
      return { vfile, result: validateLocated(vfile, schema, yaml.value, () => yaml) };
    });
    if (!read) return undefined;
    files.push(read.vfile);
    return read.result as z.infer<T> | undefined;
  }

  async load(options: LoadOptions = {}): Promise<LoadResult> {
    this.#changed = options.changed && this.#read.size ? new Set([...options.changed].map((file) => path.resolve(file))) : undefined;
    try {
      return await this.#load();
    } finally {
      this.#changed = undefined;
    }
  }

  async #load(): Promise<LoadResult> {
    const { layout } = this;
    const files: VFile[] = [];
    const seen = new Set<string>();

    const metaPath = path.join(layout.edition, "edition.yaml");
    const meta: EditionMeta | undefined = await this.#dataFile(metaPath, editionSchema, files);
    const peoplePath = path.join(layout.edition, "people.yaml");
    const people: Person[] = (await this.#dataFile(peoplePath, peopleSchema, files)) ?? [];
    const sourcesPath = path.join(layout.edition, "sources.yaml");
    const sourceList: Source[] = (await this.#dataFile(sourcesPath, sourcesSchema, files)) ?? [];
    const metaSource = files.find((file) => file.path === metaPath);
    if (typeof metaSource?.value === "string") reportPlaceholders(metaSource, metaSource.value, 1, /#\s*TODO:/);
    if (!metaSource) {
      const missing = new VFile({ path: metaPath });
      report(missing, "The edition has no edition.yaml", {
        ruleId: "missing-edition",
        hint: "Create edition/edition.yaml with the title, editors, licence, base URL and version (see the README).",
      });
      files.push(missing);
    }

    const peopleFile = files.find((file) => file.path === peoplePath);
    const sourcesFile = files.find((file) => file.path === sourcesPath);
    const locateIn = (file: VFile | undefined) => {
      const yaml = file && typeof file.value === "string" ? parseLocatedYaml(file.value) : undefined;
      return (index: number) => yaml?.locate([index, "id"]) ?? { line: 1, column: 1 };
    };
    const peopleById = peopleFile ? indexById(people, peopleFile, locateIn(peopleFile), "person") : new Map<string, Person>();
    const sourcesById = sourcesFile
      ? indexById(sourceList, sourcesFile, locateIn(sourcesFile), "source")
      : new Map<string, Source>();

    const stray = (folder: string, what: string) => (file: string) => {
      const vfile = new VFile({ path: file });
      report(vfile, `The pipeline does not read this file: only .md files in ${folder}/ are read, as ${what}`, {
        ruleId: "unknown-file",
        place: { line: 1, column: 1 },
        hint: `Rename it to .md if it is one of the ${what}, or move it out of ${folder}/.`,
      });
      return vfile;
    };
    const messagePaths = await listMarkdown(layout.content, files, stray("content", "transcripts"));
    const annotationPaths = await listMarkdown(layout.annotations, files, stray("annotations", "annotations"));

    const parseFile = <T extends z.ZodType>(schema: T) => async (file: string): Promise<{ vfile: VFile; result: ParsedFile<z.infer<T>> }> => {
      const { file: vfile, text } = await readSource(file);
      return { vfile, result: text === undefined ? {} : parseEditorFile(vfile, text, schema) };
    };
    const readAll = async <T>(paths: string[], parse: (file: string) => Promise<{ vfile: VFile; result: ParsedFile<T> }>) =>
      (await mapPool(paths, READ_CONCURRENCY, (file) => this.#file(file, parse))).flatMap((read, i) => {
        seen.add(paths[i]!);
        return read ? [{ vfile: read.vfile, ...read.result }] : [];
      });

    const checkSources = (origin: FileOrigin, sources: SourceCitation[]) => checkSourceIds(origin, sources, sourcesById, sourcesFile);
    const checkPerson = (origin: FileOrigin, id: string, field: string, role: string) => {
      if (!peopleById.has(id))
        report(origin.file, `Unknown ${role} "${id}"`, {
          ruleId: "unknown-person",
          place: origin.places[field],
          hint: unknownIdHint(id, peopleById, peopleFile, "edition/people.yaml", "people"),
        });
    };

    /** Gives an id to the first file that has it; a later one is reported, naming the first, and left out. */
    const claimId = <T extends Message | Annotation>(byId: Map<string, T>, item: T, vfile: VFile, what: string, hint: string): boolean => {
      const existing = byId.get(item.id);
      if (existing) {
        report(vfile, `Duplicate ${what} id "${item.id}", also used by ${path.relative(layout.root, existing.origin.file.path)}`, { ruleId: "duplicate-id", place: item.origin.places.id, hint });
        return false;
      }
      byId.set(item.id, item);
      return true;
    };

    const messages: Message[] = [];
    const messagesById = new Map<string, Message>();
    // Messages that exist but failed validation: their notes are not reported again as having no target.
    const invalidMessageIds = new Set<string>();
    for (const { vfile, data, invalidId } of await readAll(messagePaths, parseFile(messageSchema))) {
      files.push(vfile);
      if (invalidId) invalidMessageIds.add(invalidId);
      if (!data) continue;
      const message = this.#message(data);
      if (!claimId(messagesById, message, vfile, "message", "Give each message its own id; ids are part of published URLs and must never be reused.")) continue;
      messages.push(message);
      checkPerson(message.origin, message.from, "from", "sender");
      message.to.forEach((id, i) => checkPerson(message.origin, id, `to.${i}`, "recipient"));
      checkSources(message.origin, message.sources);
    }
    for (const message of messages) {
      if (message.in_reply_to && !messagesById.has(message.in_reply_to))
        report(message.origin.file, `in_reply_to names a message that does not exist: "${message.in_reply_to}"`, {
          ruleId: "unknown-message",
          place: message.origin.places.in_reply_to,
          hint: "Use the id of a message in content/.",
        });
    }

    const annotationsByMessage = new Map<string, Annotation[]>();
    const annotationsById = new Map<string, Annotation>();
    let annotationCount = 0;
    for (const { vfile, data } of await readAll(annotationPaths, parseFile(annotationSchema))) {
      files.push(vfile);
      if (!data) continue;
      const annotation = this.#annotation(data);
      if (!claimId(annotationsById, annotation, vfile, "annotation", "Give each annotation its own id; note URLs are built from it.")) continue;
      if (!checkAnnotationReferences(annotation, { sources: sourcesById, sourcesFile, messages: messagesById, invalidMessageIds })) continue;
      const group = annotationsByMessage.get(annotation.target);
      if (group) group.push(annotation);
      else annotationsByMessage.set(annotation.target, [annotation]);
      annotationCount++;
    }

    const pages: EditorialPage[] = [];
    const pagePaths = await listMarkdown(layout.pages, files, stray("edition/pages", "editorial pages"));
    for (const { vfile, data } of await readAll(pagePaths, parseFile(pageSchema))) {
      files.push(vfile);
      const slug = path.basename(vfile.path, ".md");
      if (data && checkPageName(vfile, slug, new Set(pages.map((page) => page.slug)))) pages.push({ ...data, slug });
    }
    pages.sort((a, b) => (a.nav_order ?? Infinity) - (b.nav_order ?? Infinity) || compareText(a.slug, b.slug));

    const changelog = (await this.#dataFile(path.join(layout.edition, "changelog.yaml"), changelogSchema, files)) ?? [];
    const lineMaps: Edition["lineMaps"] = [];
    const mapDir = path.join(layout.edition, "line-maps");
    for (const name of (await readdir(mapDir).catch(() => [] as string[])).sort()) {
      if (!name.endsWith(".json")) continue;
      const read = await this.#file(path.join(mapDir, name), async (file) => {
        // Line maps are machine-written and can be large: JSON.parse, not the located YAML reader.
        const { file: vfile, text } = await readSource(file);
        if (text === undefined) return { vfile, result: undefined };
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          reportLineMap(vfile, `The line map is not valid JSON: ${(error as Error).message}`);
          return { vfile, result: undefined };
        }
        const result = lineMapSchema.safeParse(parsed);
        if (result.success) return { vfile, result: result.data as LineMap };
        reportLineMap(vfile, `The line map does not have the expected shape: ${result.error.issues[0]?.message} at ${result.error.issues[0]?.path.join(".")}`);
        return { vfile, result: undefined };
      });
      if (!read) continue;
      files.push(read.vfile);
      if (read.result) lineMaps.push({ ...read.result, file: read.vfile });
    }

    // Files deleted since the last load are forgotten, so that a long-running watcher does not keep them.
    for (const file of this.#read.keys())
      if (!seen.has(file) && (file.startsWith(layout.content) || file.startsWith(layout.annotations) || file.startsWith(layout.pages))) this.#read.delete(file);

    messages.sort(compareThreadOrder);
    const previewImage = meta?.preview_image && metaSource ? await readPreviewImage(layout.edition, meta.preview_image, metaSource) : undefined;
    const edition: Edition | undefined = meta
      ? { meta, people: peopleById, sources: sourcesById, messages, annotationsByMessage, annotationCount, pages, changelog, lineMaps, invalidMessageIds, previewImage }
      : undefined;
    return { edition, files };
  }

  // The same objects from one load to the next while their file is unchanged, so that later stages can tell what
  // changed by identity.
  readonly #messages = new WeakMap<object, Message>();
  readonly #annotations = new WeakMap<object, Annotation>();

  #message(data: z.infer<typeof messageSchema> & { body: string; origin: FileOrigin }): Message {
    let message = this.#messages.get(data);
    if (!message) this.#messages.set(data, (message = { ...data, sources: normaliseSources(data.sources), time: parseTimestamp(data.sent)! }));
    return message;
  }

  #annotation(data: z.infer<typeof annotationSchema> & { body: string; origin: FileOrigin }): Annotation {
    let annotation = this.#annotations.get(data);
    if (!annotation) this.#annotations.set(data, (annotation = { ...data, sources: normaliseSources(data.sources) }));
    return annotation;
  }
}

/** Loads an edition once: every file read, validated and checked against the others. */
export function loadEdition(root: string): Promise<LoadResult> {
  return new EditionLoader(root).load();
}

/** Thread order: calendar date, then the editor's `order`, then time of day, then id. */
export function compareThreadOrder(a: Message, b: Message): number {
  const day = (m: Message) => m.time.date.padEnd(10, "-");
  return (
    compareText(day(a), day(b)) ||
    (a.order ?? 0) - (b.order ?? 0) ||
    (a.time.instant ?? 0) - (b.time.instant ?? 0) ||
    compareText(a.id, b.id)
  );
}
