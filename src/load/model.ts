// The typed edition that the load stage hands to every later stage. Front-matter fields keep their schema names;
// what the loader derives (parsed time, body position, places of fields) is added beside them.
import type { VFile } from "vfile";
import type { Place } from "./diagnostics.ts";
import type {
  AnnotationFrontMatter,
  Changelog,
  LineMap,
  EditionMeta,
  MessageFrontMatter,
  PageFrontMatter,
  Person,
  Source,
} from "./schema.ts";
import type { ParsedTimestamp } from "./timestamp.ts";

export interface SourceCitation {
  id: string;
  quote?: string;
  locator?: string;
}

/** Where a file's parts are, for error messages that point into it. */
export interface FileOrigin {
  file: VFile;
  /** The 1-based line of the file on which the Markdown body starts. */
  bodyStartLine: number;
  /** Places of front-matter fields, keyed by dotted path (`anchor.quote`, `sources.1`). */
  places: Record<string, Place>;
}

export interface Message extends Omit<MessageFrontMatter, "sources"> {
  sources: SourceCitation[];
  time: ParsedTimestamp;
  body: string;
  origin: FileOrigin;
}

export interface Annotation extends Omit<AnnotationFrontMatter, "sources"> {
  sources: SourceCitation[];
  body: string;
  origin: FileOrigin;
}

export interface EditorialPage extends PageFrontMatter {
  /** The page's file name without extension, which is also its URL slug. */
  slug: string;
  /** Its Markdown, after the front matter. */
  body: string;
  origin: FileOrigin;
}

export interface PreviewImage {
  /** Absolute path of the file in edition/. */
  path: string;
  alt: string;
  width: number;
  height: number;
}

export interface Edition {
  meta: EditionMeta;
  people: Map<string, Person>;
  sources: Map<string, Source>;
  /** In thread order: by date, then `order`, then time of day, then id. */
  messages: Message[];
  /** Annotations grouped by the message they target, each group in file order. */
  annotationsByMessage: Map<string, Annotation[]>;
  annotationCount: number;
  /** Editorial pages, in navigation order. */
  pages: EditorialPage[];
  /** What each version changed (edition/changelog.yaml), newest first as written. */
  changelog: Changelog;
  /** Ids of messages whose files exist but failed validation: links to them are not reported a second time. */
  invalidMessageIds: Set<string>;
  /** The share picture of edition.yaml's preview_image, checked to be a PNG, with its size. */
  previewImage?: PreviewImage;
  /** The line maps of published versions (edition/line-maps/), each with its file for error messages. */
  lineMaps: Array<LineMap & { file: VFile }>;
}
