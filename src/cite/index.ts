// The cite stage's public API: CSL-JSON items for messages, line ranges and notes, and their formatting.
export { accessedOn, messageItem, noteItem, withLineSelection } from "./csl-items.ts";
export type { CiteContext, CitableNote, CslDate, CslItem, CslName, CslType, LineSelection } from "./csl-items.ts";
export { CITATION_FORMATS, CSL_STYLE_NAMES, formatCitation, formatCitationHtml } from "./format-citation.ts";
export type { CitationFormat } from "./format-citation.ts";
