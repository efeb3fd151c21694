// Kept for src/cli/start.ts, which another branch is changing: where the edition lives is decided by loading
// (src/load/edition-root.ts). Remove once start.ts imports it from there.
export { editionRoot } from "../load/edition-root.ts";
