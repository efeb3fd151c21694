// Loaded only when a reader uses the "cite this" panel: citation-js with our CSL styles, the same code that
// formats citations at build time (src/cite/).
export { accessedOn, formatCitation, formatCitationHtml, withLineSelection } from "../../cite/index.ts";
