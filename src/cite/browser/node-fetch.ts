// Stands in for node-fetch in the browser bundle of format-citation.ts. @citation-js/core 0.8 imports node-fetch
// to fetch URL inputs in Node (which we never give it) and uses the browser's own fetch in a browser, but a bundler
// still has to resolve the import, and node-fetch needs node:http, node:stream and the like.
export default globalThis.fetch;
export const Headers = globalThis.Headers;
