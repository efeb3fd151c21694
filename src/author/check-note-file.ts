// A note's file checked as the build will check it, before it is written: read as the loader reads a file
// (decodeSource), its front matter validated and its sources and target checked by the loader's own code
// (parseEditorFile, checkAnnotationReferences), its anchor resolved on its message's transcript by the renderer the
// build runs on its workers (TranscriptRenderer, whose failures the build reports at the same field), and its text
// rendered with the build's link targets (NoteRenderer). Annotating from the page (src/annotate/) writes nothing that
// this check finds an error in, so what the form reports is what `npm run check` would report about the file.
import path from "node:path";
import type { VFile } from "vfile";
import { publishedAnchors } from "../anchor/line-stability.ts";
import { report } from "../load/diagnostics.ts";
import { checkAnnotationReferences, normaliseSources, parseEditorFile } from "../load/load-edition.ts";
import type { Annotation, Edition, Message } from "../load/model.ts";
import { decodeSource } from "../load/read-source.ts";
import { annotationSchema } from "../load/schema.ts";
import type { LinkSchemes } from "../render/link-targets.ts";
import { NoteRenderer } from "../render/note-job.ts";
import { TranscriptRenderer, transcriptJob } from "../render/transcript-job.ts";

/** The edition a note is checked against, as the last build loaded it (EditionBuild.current). */
export interface LoadedEdition {
  edition: Edition;
  files: readonly VFile[];
  schemes: LinkSchemes;
}

/** One renderer per set of link targets: a build makes a new set only when links between files change. */
const renderers = new WeakMap<LinkSchemes, NoteRenderer>();
export function noteRenderer(schemes: LinkSchemes): NoteRenderer {
  let renderer = renderers.get(schemes);
  if (!renderer) renderers.set(schemes, (renderer = new NoteRenderer(schemes)));
  return renderer;
}

/** The file's problems, each at its place in `file` (which need not exist yet), as the build would report them. */
export function checkNoteFile(loaded: LoadedEdition, root: string, file: string, text: string): VFile {
  const { edition, files, schemes } = loaded;
  const { file: vfile, text: decoded } = decodeSource(file, new TextEncoder().encode(text));
  if (decoded === undefined) return vfile;
  const { data } = parseEditorFile(vfile, decoded, annotationSchema);
  if (!data) return vfile;
  const annotation: Annotation = { ...data, sources: normaliseSources(data.sources) };
  const { origin } = annotation;
  const messages = new Map<string, Message>(edition.messages.map((message) => [message.id, message]));
  const sourcesFile = files.find((candidate) => candidate.path === path.join(path.resolve(root), "edition", "sources.yaml"));
  if (checkAnnotationReferences(annotation, { sources: edition.sources, sourcesFile, messages, invalidMessageIds: edition.invalidMessageIds })) {
    // The other notes on the message do not change how this one anchors: each anchor is resolved on its own.
    const published = publishedAnchors({ ...edition, annotationsByMessage: new Map([[annotation.target, [annotation]]]) });
    const done = new TranscriptRenderer().render(transcriptJob(messages.get(annotation.target)!, [annotation], published));
    for (const { problem } of done.failures) report(vfile, problem.message, { ruleId: problem.rule, place: origin.places[problem.field] ?? origin.places.anchor, hint: problem.hint });
  }
  const rendered = noteRenderer(schemes).render({ path: file, body: annotation.body, bodyStartLine: origin.bodyStartLine, idScope: `note-${annotation.id}-` });
  for (const stored of rendered.messages) {
    const message = vfile.message(stored.reason, { place: stored.line !== undefined ? { line: stored.line, column: stored.column ?? 1 } : undefined, ruleId: stored.ruleId, source: "edition" });
    message.fatal = stored.fatal;
    if (stored.note) message.note = stored.note;
  }
  return vfile;
}
