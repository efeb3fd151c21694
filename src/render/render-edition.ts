// The render stage: every transcript through the transcript chain (lines, anchors, marks) and every note through
// the note chain (cross-links), once each. Problems are reported at their place in the editor's file.
import { performance } from "node:perf_hooks";
import { VFile } from "vfile";
import type { AnchoredAnnotation } from "../anchor/anchor-annotations.ts";
import { publishedAnchors } from "../anchor/line-stability.ts";
import type { PublishedAnchor } from "../anchor/resolve-anchor.ts";
import type { TranscriptLine } from "../anchor/transcript-text.ts";
import { report } from "../load/diagnostics.ts";
import type { Annotation, Edition, FileOrigin, Message } from "../load/model.ts";
import { createNoteProcessor } from "./processors.ts";
import type { LinkResolution } from "./rehype-cross-links.ts";
import { contentHash, RenderCache } from "./render-cache.ts";
import { storedMessage, TranscriptRenderer, type RenderedTranscript, type StoredMessage, type TranscriptJob } from "./transcript-job.ts";
import { defaultThreadCount, renderInWorkers } from "./transcript-pool.ts";
import { decodePercent } from "./decode-percent.ts";
import { didYouMean } from "../load/nearest-ids.ts";

export interface RenderedNote {
  annotation: Annotation;
  anchored: AnchoredAnnotation;
  /** The note's body as sanitised HTML. */
  html: string;
}

export interface RenderedMessage {
  message: Message;
  /** The transcript as sanitised HTML, with line anchors and marks. */
  html: string;
  lines: TranscriptLine[];
  /** Notes on this message, in reading order. */
  notes: RenderedNote[];
}

export interface RenderedEdition {
  edition: Edition;
  messages: RenderedMessage[];
  /** Index of each message in `messages`, by id. */
  indexById: Map<string, number>;
  notesById: Map<string, { note: RenderedNote; message: RenderedMessage }>;
  /** Renders editorial Markdown (pages such as the introduction) with the same cross-links as notes. */
  renderMarkdown(markdown: string, path?: string): VFile;
  /** The cache this render used, which later stages add to (citations) and the build saves. */
  cache: RenderCache;
}

interface RenderedNoteText {
  html: string;
  links: Array<{ url: string; result: LinkResolution }>;
  messages: StoredMessage[];
}

function replayMessage(origin: FileOrigin, stored: StoredMessage): void {
  const message = origin.file.message(stored.reason, {
    place: stored.line !== undefined ? { line: stored.line, column: stored.column ?? 1 } : undefined,
    ruleId: stored.ruleId,
    source: "edition",
  });
  message.fatal = stored.fatal;
  if (stored.note) message.note = stored.note;
}

/** Where the site will publish things; the render stage needs it to write links between them. */
export interface EditionUrls {
  message(id: string): string;
  /** A note's permanent address: its anchor on the page of the message it annotates. */
  note(id: string, messageId: string): string;
  page(slug: string): string;
}

export interface RenderOptions {
  urls: EditionUrls;
  /** Rendered texts kept from earlier builds (default: none). */
  cache?: RenderCache;
  /** Threads to render transcripts on when many need rendering (default: one per core; 1 renders in this thread). */
  threads?: number;
}

/** Below this many transcripts to render, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 400;

/** A VFile whose text has the body at the same line numbers as in the editor's file, so positions need no mapping. */
function bodyFile(origin: FileOrigin, body: string): VFile {
  return new VFile({ path: origin.file.path, value: "\n".repeat(origin.bodyStartLine - 1) + body });
}

/**
 * What rendering one message's transcript needs: its text and where it sits in its file, and its notes' anchors,
 * with where a published version's line map found each quote (see anchor/line-stability.ts).
 */
export function transcriptJob(message: Message, annotations: Annotation[], published?: ReadonlyMap<string, PublishedAnchor>): TranscriptJob {
  return {
    id: message.id,
    path: message.origin.file.path,
    body: message.body,
    bodyStartLine: message.origin.bodyStartLine,
    insertedAfter: message.inserted_after,
    withdrawn: message.withdrawn_lines,
    annotations: annotations.map(({ id, anchor, kind }) => ({ id, anchor, kind, ...(published?.has(id) ? { published: published.get(id) } : {}) })),
  };
}

/** Renders what the cache does not hold, on worker threads when there is enough of it to pay for them. */
async function renderTranscripts(jobs: TranscriptJob[], threads: number): Promise<RenderedTranscript[]> {
  if (threads > 1 && jobs.length >= WORKER_THRESHOLD) return renderInWorkers(jobs, threads);
  const renderer = new TranscriptRenderer();
  return jobs.map((job) => renderer.render(job));
}

export async function renderEdition(edition: Edition, options: RenderOptions): Promise<RenderedEdition> {
  const annotationsById = new Map<string, Annotation>();
  for (const group of edition.annotationsByMessage.values())
    for (const annotation of group) annotationsById.set(annotation.id, annotation);

  const cache = options.cache ?? RenderCache.none();
  const renderStart = performance.now();

  // Everything a rendered transcript depends on: its text, where it sits in its file, its line labels, and the
  // anchors of its notes. The path is not part of it: a file can be renamed without being rendered again.
  const published = publishedAnchors(edition);
  const keys = edition.messages.map((message) => {
    const annotations = edition.annotationsByMessage.get(message.id) ?? [];
    return contentHash([message.id, message.body, message.origin.bodyStartLine, message.inserted_after, message.withdrawn_lines, annotations.map((a) => [a.id, a.anchor, a.kind, published.get(a.id)])]);
  });
  const transcripts: Array<RenderedTranscript | undefined> = keys.map((key) => cache.lookup<RenderedTranscript>("transcript", key));
  const reused = transcripts.map((done) => done !== undefined);
  const missing = transcripts.flatMap((done, index) => (done ? [] : [index]));
  const fresh = await renderTranscripts(
    missing.map((index) => transcriptJob(edition.messages[index]!, edition.annotationsByMessage.get(edition.messages[index]!.id) ?? [], published)),
    options.threads ?? defaultThreadCount(),
  );
  let anchorTime = 0;
  missing.forEach((index, i) => {
    transcripts[index] = fresh[i]!;
    anchorTime += fresh[i]!.anchorTime;
  });

  const messages: RenderedMessage[] = [];
  const indexById = new Map<string, number>();
  for (const [index, message] of edition.messages.entries()) {
    const done = transcripts[index]!;
    cache.store("transcript", keys[index]!, done, reused[index]!);
    const { lines, anchored } = done;
    for (const stored of done.messages) replayMessage(message.origin, stored);
    for (const line of lines)
      if (/\{\{|\{%/.test(line.text))
        report(message.origin.file, `Line ${line.label} contains template syntax ({{ or {%), which is shown as text`, {
          ruleId: "template-syntax",
          severity: "warning",
          place: { line: line.sourceLine ?? message.origin.bodyStartLine, column: 1 },
          hint: "Nothing to do if the transcript really contains these characters: they are never run as a template.",
        });
    for (const problem of done.labelProblems)
      report(message.origin.file, problem.message, { ruleId: "line-labels", place: message.origin.places.inserted_after, hint: problem.hint });
    for (const { id, problem } of done.failures) {
      const { origin } = annotationsById.get(id)!;
      report(origin.file, problem.message, { ruleId: problem.rule, place: origin.places[problem.field] ?? origin.places.anchor, hint: problem.hint });
    }
    for (const note of anchored) {
      if (!note.moved) continue;
      const { origin } = annotationsById.get(note.id)!;
      const { moved } = note;
      report(origin.file, moved.reason === "context"
          ? `Note moved: the words around "${moved.old}" changed; it is now anchored on line ${note.firstLine}`
          : `Note moved: "${moved.old}" is no longer in ${message.id}; it is now anchored to "${moved.found}" on line ${note.firstLine}, where it was in version ${moved.version} (${Math.round(moved.similarity * 100)}% similar)`, {
        ruleId: "moved-note",
        severity: "warning",
        place: origin.places["anchor.quote"] ?? origin.places.anchor,
        hint: "Check that the note still fits its passage, then run `npm run check -- --fix` to store the new anchor.",
      });
    }
    indexById.set(message.id, messages.length);
    messages.push({
      message,
      html: done.html,
      lines,
      notes: anchored.map((a) => ({ annotation: annotationsById.get(a.id)!, anchored: a, html: "" })),
    });
  }

  // Links may point at any line's anchor, including a withdrawn line's notice.
  const anchorsById = new Map(
    messages.map((rendered) => [rendered.message.id, new Set([...rendered.lines.map((l) => l.label), ...(rendered.message.withdrawn_lines ?? [])])]),
  );
  const notesById = new Map<string, { note: RenderedNote; message: RenderedMessage }>();
  for (const rendered of messages) for (const note of rendered.notes) notesById.set(note.annotation.id, { note, message: rendered });

  const resolveMessage = (id: string, fragment: string | undefined): LinkResolution => {
    const labels = anchorsById.get(id);
    // A message that failed validation is reported in its own file; a link to it is not a second problem.
    if (!labels && edition.invalidMessageIds.has(id)) return { href: options.urls.message(id) };
    if (!labels) return { problem: `no message has the id "${id}"`, hint: `${didYouMean(id, anchorsById.keys()) ?? ""} Use the id from a transcript's front matter.`.trim() };
    if (fragment === undefined || fragment === "") return { href: options.urls.message(id) };
    const range = /^L(\d+[a-z]?)(?:-L(\d+[a-z]?))?$/.exec(fragment);
    if (!range) return { problem: `"#${fragment}" is not a line anchor`, hint: "Link to a line as #L3 or to a range as #L2-L4." };
    const missing = [range[1]!, range[2]].filter((label): label is string => label !== undefined && !labels.has(label));
    if (missing.length)
      return {
        problem: `${id} has no line ${missing.join(" or ")}`,
        hint: `${id} has lines ${[...labels][0] ?? "?"}–${[...labels].at(-1) ?? "?"}.`,
      };
    return { href: `${options.urls.message(id)}#${fragment}` };
  };
  const resolveNote = (id: string): LinkResolution =>
    annotationsById.has(id)
      ? { href: options.urls.note(id, annotationsById.get(id)!.target) }
      : { problem: `no annotation has the id "${id}"`, hint: `${didYouMean(id, annotationsById.keys()) ?? ""} Use the id from an annotation's front matter.`.trim() };

  const pageSlugs = new Set(edition.pages.map((page) => page.slug));
  const resolvePage = (slug: string, fragment: string | undefined): LinkResolution =>
    pageSlugs.has(slug)
      ? { href: options.urls.page(slug) + (fragment ? `#${fragment}` : "") }
      : { problem: `no editorial page is called "${slug}"`, hint: `Use the file name of a page in edition/pages/: ${[...pageSlugs].join(", ")}.` };

  const schemes: Record<string, (id: string, fragment: string | undefined) => LinkResolution> = { message: resolveMessage, note: resolveNote, page: resolvePage };
  const noteProcessor = createNoteProcessor({ schemes });
  /** A cached note is valid while each of its links still resolves as it did. */
  const linksHold = (links: RenderedNoteText["links"]) =>
    links.every(({ url, result }) => {
      const match = /^([a-z][a-z-]*):([^#]*)(?:#(.*))?$/.exec(url)!;
      const id = decodePercent(match[2]!);
      return id !== undefined && JSON.stringify(schemes[match[1]!]!(id, match[3])) === JSON.stringify(result);
    });
  for (const { note } of notesById.values()) {
    const { origin, body, id } = note.annotation;
    // A note shares its message's page with the transcript and the other notes: its footnotes are scoped by its id.
    const idScope = `note-${id}-`;
    const key = contentHash([body, origin.bodyStartLine, idScope]);
    const cached = cache.lookup<RenderedNoteText>("note", key);
    let done: RenderedNoteText;
    if (cached && linksHold(cached.links)) done = cached;
    else {
      const file = bodyFile(origin, body);
      file.data.idScope = idScope;
      const html = String(noteProcessor.processSync(file));
      done = { html, links: file.data.crossLinks ?? [], messages: file.messages.map(storedMessage) };
    }
    cache.store("note", key, done, done === cached);
    note.html = done.html;
    for (const stored of done.messages) replayMessage(origin, stored);
  }

  // The anchor stage runs inside this loop, message by message; its share is measured on its own.
  const renderEnd = performance.now();
  performance.measure("edition.anchor", { start: renderStart, duration: anchorTime });
  performance.measure("edition.render", { start: renderStart, duration: renderEnd - renderStart - anchorTime });

  const renderMarkdown = (markdown: string, path?: string) => {
    const file = new VFile({ path, value: markdown });
    file.value = String(noteProcessor.processSync(file));
    return file;
  };
  return { edition, messages, indexById, notesById, renderMarkdown, cache };
}
