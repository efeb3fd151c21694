/** @jsxRuntime automatic @jsxImportSource hastscript */
// What a reference manager reads from a page: Dublin Core, Zotero's own z.* tags and Highwire (citation_*) meta
// tags, so that Zotero and its kin save a complete item (type, author, recipient, date, title, the edition, the
// reports that attest it); and schema.org JSON-LD.
//
// Zotero's Embedded Metadata translator turns DC.*, DCTERMS.* and z.* tags into RDF for its RDF translator, then
// lays the citation_* tags over the result. What follows from reading the two translators:
// - z.itemType sets the item type, and makes the page "Zotero RDF", whose DC.description becomes Extra.
// - z.recipients gives the recipients; DC.contributor would be read as a second author.
// - any citation_author replaces every creator the RDF gave, recipients included: so there is none here.
// - instantMessage, email, letter and forumPost have no field for a container, its editors or its publisher: these
//   go into Extra as the CSL variables that Zotero's citation processor reads from there ("container-title: …").
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

/** The Zotero item types that have a publisher field of their own (zotero-schema); the others get it in Extra. */
const ZOTERO_HAS_PUBLISHER = new Set(["document"]);

/**
 * Extra, one "name: value" a line: the edition as the CSL variables Zotero's citation processor reads from Extra,
 * the medium, and the reports that attest the message. The client adds the cited lines to it for a line's
 * permalink (client/reference-metadata.ts).
 */
export function zoteroExtra(item: CslItem, zoteroType: string): string {
  const lines: string[] = [];
  if (item["container-title"]) lines.push(`container-title: ${item["container-title"]}`);
  for (const editor of item.editor ?? []) lines.push(`editor: ${editor.literal ?? [editor.family, editor.given].filter(Boolean).join(" || ")}`);
  if (item.publisher && !ZOTERO_HAS_PUBLISHER.has(zoteroType)) lines.push(`publisher: ${item.publisher}`);
  if (item.version) lines.push(`version: ${item.version}`);
  if (item.medium) lines.push(`medium: ${item.medium}`);
  if (item.note) lines.push(item.note);
  return lines.join("\n");
}

/**
 * A name as Zotero's name splitter reads it: "Family Suffix, Given" keeps a suffix that "Family, Given, Suffix"
 * would lose ("Trump Jr., Donald"); an organisation's name as it is.
 */
function zoteroName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name.family, name.suffix].filter(Boolean).join(" ");
  return name.given ? `${family}, ${name.given}` : family;
}

/** The meta tags and JSON-LD of a message's page. */
export function messageHead(model: SiteModel, message: Message, item: CslItem): ElementContent[] {
  const { people } = model.edition;
  const author = item.author?.[0];
  const agent = (id: string) => ({ "@type": people.get(id)?.kind === "organization" ? "Organization" : "Person", name: personName(people, id) });
  const url = item.URL ?? "";
  const schemaType = SCHEMA_TYPES[message.kind];
  // A time goes into schema.org only when the sources give it to the second, minute or hour; otherwise the date alone.
  const date = isoDate(item);
  const zoteroType = ZOTERO_TYPES[message.kind];
  const dated = message.precision === "second" || message.precision === "minute" || message.precision === "hour" ? message.sent : date;
  return [
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />,
    <link rel="schema.DCTERMS" href="http://purl.org/dc/terms/" />,
    <link rel="schema.z" href="http://www.zotero.org/namespaces/export#" />,
    ...meta("z.itemType", zoteroType),
    // DC.type becomes the letter's or the post's own type field in Zotero ("Twitter", "Letter").
    ...meta("DC.type", message.platform),
    ...meta("DC.title", item.title),
    ...meta("DC.creator", author && zoteroName(author)),
    ...(item.recipient ?? []).flatMap((name) => meta("z.recipients", zoteroName(name))),
    ...meta("DC.date", date),
    ...meta("DC.identifier", url),
    ...meta("DC.publisher", model.edition.meta.publisher),
    ...meta("DCTERMS.isPartOf", model.edition.meta.title),
    ...meta("DC.language", model.edition.meta.language),
    ...meta("DC.rights", model.edition.meta.license),
    ...meta("DC.description", zoteroExtra(item, zoteroType)),
    ...meta("citation_title", item.title),
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
