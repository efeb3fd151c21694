/** @jsxRuntime automatic @jsxImportSource hastscript */
// What a reference manager reads from a page: Dublin Core and Highwire (citation_*) meta tags, so that Zotero and
// its kin save the right item type, author, recipient, date, title and container; and schema.org JSON-LD.
import type { ElementContent } from "hast";
import type { CslItem, CslName } from "../../cite/index.ts";
import type { Message } from "../../load/model.ts";
import type { MessageKind } from "../../load/schema.ts";
import { jsonForScript } from "../citations.ts";
import { personName } from "../format.ts";
import type { SiteModel } from "../site-model.ts";

/** Zotero's item types, which its Embedded Metadata translator takes from DC.type. */
const ZOTERO_TYPES: Record<MessageKind, string> = {
  "direct-message": "instantMessage",
  email: "email",
  letter: "letter",
  "public-post": "forumPost",
  statement: "document",
};

const SCHEMA_TYPES: Record<MessageKind, string> = {
  "direct-message": "Message",
  email: "EmailMessage",
  letter: "Message",
  "public-post": "SocialMediaPosting",
  statement: "CreativeWork",
};

function nameOf(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.given, name.family].filter(Boolean).join(" ") + (name.suffix ? ` ${name.suffix}` : "");
}

/** "Trump, Donald, Jr." as citation_author wants it; organisations as written. */
function invertedName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.family, name.given, name.suffix].filter(Boolean).join(", ");
}

function isoDate(item: CslItem): string {
  const parts = item.issued?.["date-parts"][0] ?? [];
  return parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, "0"))).join("-");
}

const meta = (name: string, content: string | undefined): ElementContent[] =>
  content ? [<meta name={name} content={content} /> as ElementContent] : [];

function jsonLd(value: unknown): ElementContent {
  return { type: "element", tagName: "script", properties: { type: "application/ld+json" }, children: [{ type: "text", value: jsonForScript(value) }] };
}

function editionJsonLd(model: SiteModel) {
  const { meta: edition } = model.edition;
  return {
    "@type": "CreativeWork",
    name: edition.title,
    url: edition.base_url,
    version: edition.version,
    editor: edition.editors.map((editor) => ({ "@type": editor.kind === "organization" ? "Organization" : "Person", name: editor.name })),
    ...(edition.publisher ? { publisher: { "@type": "Organization", name: edition.publisher } } : {}),
    ...(edition.license_url ? { license: edition.license_url } : {}),
    inLanguage: edition.language,
  };
}

/** The meta tags and JSON-LD of a message's page. */
export function messageHead(model: SiteModel, message: Message, item: CslItem): ElementContent[] {
  const { people } = model.edition;
  const author = item.author?.[0];
  const agent = (id: string) => ({ "@type": people.get(id)?.kind === "organization" ? "Organization" : "Person", name: personName(people, id) });
  const url = item.URL ?? "";
  const schemaType = SCHEMA_TYPES[message.kind];
  // A time goes into schema.org only when the sources give it to the minute or hour; otherwise the date alone.
  const date = isoDate(item);
  const dated = message.precision === "minute" || message.precision === "hour" ? message.sent : date;
  return [
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />,
    <link rel="schema.DCTERMS" href="http://purl.org/dc/terms/" />,
    ...meta("DC.type", ZOTERO_TYPES[message.kind]),
    ...meta("DC.title", item.title),
    ...meta("DC.creator", author && nameOf(author)),
    ...(item.recipient ?? []).flatMap((name) => meta("DC.contributor", nameOf(name))),
    ...meta("DC.date", date),
    ...meta("DC.identifier", url),
    ...meta("DC.publisher", model.edition.meta.publisher),
    ...meta("DCTERMS.isPartOf", model.edition.meta.title),
    ...meta("DC.language", model.edition.meta.language),
    ...meta("DC.rights", model.edition.meta.license),
    ...meta("citation_title", item.title),
    ...meta("citation_author", author && invertedName(author)),
    ...meta("citation_date", date.replace(/-/g, "/")),
    ...meta("citation_publisher", model.edition.meta.publisher),
    ...meta("citation_public_url", url),
    ...meta("citation_language", model.edition.meta.language),
    jsonLd({
      "@context": "https://schema.org",
      "@type": schemaType,
      "@id": url,
      url,
      name: item.title,
      ...(schemaType === "Message" || schemaType === "EmailMessage"
        ? { sender: agent(message.from), recipient: message.to.map(agent), dateSent: dated }
        : { author: agent(message.from), datePublished: dated }),
      ...(message.to.length && schemaType !== "Message" && schemaType !== "EmailMessage" ? { recipient: message.to.map(agent) } : {}),
      isPartOf: editionJsonLd(model),
    }),
  ] as ElementContent[];
}

/** The edition's own JSON-LD, for the home page. */
export function editionHead(model: SiteModel): ElementContent[] {
  return [jsonLd({ "@context": "https://schema.org", ...editionJsonLd(model), description: model.edition.meta.description })];
}
