// csl-validator-wasm ships no types: validateStyle runs rnv against the CSL 1.0.2 RELAX NG schema and resolves to
// its report, an empty string for a valid style.
declare module "csl-validator-wasm" {
  export function validateStyle(style: string): Promise<string>;
}
