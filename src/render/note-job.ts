// Rendering one note, or one editorial page, as a job that can run on any thread: its Markdown and where it sits
// in its file in, its sanitised HTML, the cross-links it met (with what each resolved to) and its problems out.
import { VFile } from "vfile";
import type { LinkResolution } from "./rehype-cross-links.ts";
import { createNoteProcessor, type HtmlProcessor } from "./processors.ts";
import { storedMessage, type StoredMessage } from "./transcript-job.ts";
import type { LinkSchemes } from "./link-targets.ts";

export interface NoteJob {
  path: string;
  body: string;
  bodyStartLine: number;
}

export interface RenderedNoteText {
  html: string;
  links: Array<{ url: string; result: LinkResolution }>;
  messages: StoredMessage[];
}

/** Renders notes with one processor, made once per set of link targets. */
export class NoteRenderer {
  readonly #processor: HtmlProcessor;

  constructor(schemes: LinkSchemes) {
    this.#processor = createNoteProcessor({ schemes });
  }

  /** The rendered note; its problems are at their places in the editor's file. */
  render(job: NoteJob): RenderedNoteText {
    // The body at the same line numbers as in the editor's file, so that positions need no mapping.
    const file = new VFile({ path: job.path, value: "\n".repeat(job.bodyStartLine - 1) + job.body });
    const html = String(this.#processor.processSync(file));
    return { html, links: file.data.crossLinks ?? [], messages: file.messages.map(storedMessage) };
  }

  /** Editorial Markdown (an introduction, a method page) with the same cross-links as notes. */
  renderMarkdown(markdown: string, path?: string): VFile {
    const file = new VFile({ path, value: markdown });
    file.value = String(this.#processor.processSync(file));
    return file;
  }
}
