// What the render stage makes of the edition, in two weights: an entry per message and note, small enough to keep
// for the whole edition (its lines, where each note is anchored), and the rendered HTML beside it, which only the
// thread building a message's pages holds.
import type { AnchoredAnnotation } from "../anchor/anchor-annotations.ts";
import type { TranscriptLine } from "../anchor/transcript-text.ts";
import type { Annotation, Message } from "../load/model.ts";

export interface NoteEntry {
  annotation: Annotation;
  anchored: AnchoredAnnotation;
}

export interface MessageEntry {
  message: Message;
  lines: TranscriptLine[];
  /** Notes on this message, in reading order. */
  notes: NoteEntry[];
}

export interface RenderedNote extends NoteEntry {
  /** The note's body as sanitised HTML. */
  html: string;
}

export interface RenderedMessage extends MessageEntry {
  /** The transcript as sanitised HTML, with line anchors and marks. */
  html: string;
  notes: RenderedNote[];
}
