// The unified chains that turn an edition's Markdown into safe HTML. A transcript goes through two halves, with
// the anchor stage between them: the first finds its citable lines, the second marks the anchored passages.
// Both halves and the note chain sanitise last, after every plugin that adds markup, as rehype-sanitize requires.
import type { Root as HastRoot } from "hast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Preset, type Processor } from "unified";
import rehypeAnnotationMarks, { type Options as AnnotationMarksOptions } from "./rehype-annotation-marks.ts";
import rehypeCrossLinks, { type Options as CrossLinksOptions } from "./rehype-cross-links.ts";
import rehypeFootnoteIds from "./rehype-footnote-ids.ts";
import rehypeInertLinks from "./rehype-inert-links.ts";
import rehypeLineAnchors, { type Options as LineAnchorsOptions } from "./rehype-line-anchors.ts";
import rehypeLineDirection from "./rehype-line-direction.ts";
import rehypeSearchAliases from "./rehype-search-aliases.ts";
import remarkRawHtmlAsText from "./remark-raw-html-as-text.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";

// Links out of a transcript or note are the content's, not ours: never pass on referrer or authority.
const externalLinks = { rel: ["nofollow", "noopener", "noreferrer"], protocols: ["http", "https"] };

/** Markdown as GFM, its raw HTML kept as text, to hast whose footnote ids are its own: how every text starts. */
const markdownToHast: Preset = { plugins: [remarkParse, remarkGfm, remarkRawHtmlAsText, remarkRehype, rehypeFootnoteIds] };

export type HtmlProcessor = Processor<any, any, any, any, string>;
export type TranscriptLinesProcessor = Processor<any, any, HastRoot, HastRoot, undefined>;

/** Markdown to hast with citable lines: parse it, and `runSync` it to get the tree and `file.data.lines`. */
export function createTranscriptLinesProcessor(lineAnchors?: LineAnchorsOptions): TranscriptLinesProcessor {
  return unified()
    .use(markdownToHast)
    .use(rehypeLineAnchors, lineAnchors)
    .freeze() as unknown as TranscriptLinesProcessor;
}

/** The lines' hast to safe HTML, with the anchored passages (`file.data.anchored`) marked. */
export function createTranscriptHtmlProcessor(annotationMarks?: AnnotationMarksOptions): HtmlProcessor {
  return unified()
    .use(rehypeAnnotationMarks, annotationMarks)
    .use(rehypeLineDirection)
    .use(rehypeInertLinks)
    .use(rehypeSearchAliases)
    .use(rehypeExternalLinks, externalLinks)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeStringify)
    .freeze() as unknown as HtmlProcessor;
}

export function createNoteProcessor(crossLinks: CrossLinksOptions): HtmlProcessor {
  return unified()
    .use(markdownToHast)
    .use(rehypeCrossLinks, crossLinks)
    .use(rehypeInertLinks)
    .use(rehypeExternalLinks, externalLinks)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeStringify)
    .freeze() as unknown as HtmlProcessor;
}
