// Citations on the site's pages: the CSL items for each message and note (from cite/), the ready citation shown
// without JavaScript (Chicago, whole message or note), and the reference-manager metadata. The cite stage formats;
// this module only decides what each page cites.
import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { CITATION_ELEMENTS, CITATION_LINK_PROTOCOLS } from "../cite/citation-markup.ts";
import { formatCitationHtml, messageItem, noteItem, type CslItem } from "../cite/index.ts";
import type { TranscriptLine } from "../anchor/transcript-text.ts";
import type { Message } from "../load/model.ts";
import type { NoteEntry } from "../render/rendered.ts";
import type { SiteUrls } from "./urls.ts";
import { contentHash } from "../render/render-cache.ts";
import type { EditionShell, Memo } from "./site-model.ts";

// citeproc escapes what it is given, but its output is HTML built from the edition's content: it passes through a
// sanitiser that keeps only what citations use (the cite panel keeps the same, cite/citation-markup.ts).
const citationHtml = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeSanitize, {
    tagNames: Object.keys(CITATION_ELEMENTS),
    attributes: {
      ...Object.fromEntries(Object.entries(CITATION_ELEMENTS).filter(([, classes]) => classes.length).map(([tag, classes]) => [tag, [["className", ...classes]]])),
      a: ["href"],
    },
    protocols: { href: [...CITATION_LINK_PROTOCOLS] },
    strip: ["script", "style"],
  })
  .use(rehypeStringify)
  .freeze();

export class EditionCitations {
  readonly #edition: EditionShell;
  readonly #urls: SiteUrls;
  readonly #memo: Memo;

  constructor(edition: EditionShell, urls: SiteUrls, memo: Memo) {
    this.#edition = edition;
    this.#urls = urls;
    this.#memo = memo;
  }

  /** `lines` are the message's rendered lines, whose text (without Markdown) a public post is cited by. */
  messageItem(message: Message, lines: readonly TranscriptLine[]): CslItem {
    return messageItem(message, lines.map((line) => line.text), {
      edition: this.#edition.meta,
      people: this.#edition.people,
      sources: this.#edition.sources,
      pageUrl: this.#urls.absolute(this.#urls.message(message.id)),
    });
  }

  noteItem(note: NoteEntry, message: Message): CslItem {
    const { annotation, anchored } = note;
    return noteItem(
      { id: annotation.id, title: annotation.title, author: annotation.author, kind: annotation.kind, firstLine: anchored.firstLine, lastLine: anchored.lastLine },
      message,
      { edition: this.#edition.meta, people: this.#edition.people, pageUrl: this.#urls.absolute(this.#urls.note(annotation.id, message.id)) },
    );
  }

  /** The Chicago note for an item, as safe HTML: the citation a page shows without JavaScript. */
  chicagoHtml(item: CslItem): string {
    // citeproc takes most of a message page's time: kept between builds with the partition's rendered text.
    return this.#memo(`chicago:${contentHash(item)}`, () => String(citationHtml.processSync(formatCitationHtml(item, "chicago"))));
  }
}

/** JSON for a <script type="application/json"> or JSON-LD block: "<" escaped so that no text can close the script. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
