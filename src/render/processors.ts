// The unified chains that turn an edition's Markdown into safe HTML: one for transcripts (line anchors and
// annotation marks) and one for notes and editorial pages (cross-links). Both sanitise after the last plugin that
// could introduce markup.
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Processor } from "unified";
import rehypeAnnotationMarks, { type Options as AnnotationMarksOptions } from "./rehype-annotation-marks.ts";
import rehypeCrossLinks, { type Options as CrossLinksOptions } from "./rehype-cross-links.ts";
import rehypeLineAnchors, { type Options as LineAnchorsOptions } from "./rehype-line-anchors.ts";
import remarkRawHtmlAsText from "./remark-raw-html-as-text.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";

export interface TranscriptProcessorOptions {
  lineAnchors?: LineAnchorsOptions;
  annotationMarks?: AnnotationMarksOptions;
}

// Links out of a transcript or note are the content's, not ours: never pass on referrer or authority.
const externalLinks = { rel: ["nofollow", "noopener", "noreferrer"], protocols: ["http", "https"] };

export type HtmlProcessor = Processor<any, any, any, any, string>;

export function createTranscriptProcessor(options: TranscriptProcessorOptions = {}): HtmlProcessor {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRawHtmlAsText)
    .use(remarkRehype)
    .use(rehypeLineAnchors, options.lineAnchors)
    .use(rehypeAnnotationMarks, options.annotationMarks)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeExternalLinks, externalLinks)
    .use(rehypeStringify)
    .freeze() as unknown as HtmlProcessor;
}

export function createNoteProcessor(crossLinks: CrossLinksOptions): HtmlProcessor {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRawHtmlAsText)
    .use(remarkRehype)
    .use(rehypeCrossLinks, crossLinks)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeExternalLinks, externalLinks)
    .use(rehypeStringify)
    .freeze() as unknown as HtmlProcessor;
}
