// Our two CSL styles are valid CSL 1.0.2, and the string constants that format-citation.ts bundles are the .csl
// files as they are now.
import { readFile } from "node:fs/promises";
import { validateStyle } from "csl-validator-wasm";
import { describe, expect, it } from "vitest";
import { renderStylesModule, STYLES_MODULE } from "../../src/cite/csl/generate-styles.ts";
import { CHICAGO_NOTES_CSL, MLA_CSL } from "../../src/cite/csl/styles.ts";

const cslFile = (name: string) => readFile(new URL(`../../src/cite/csl/${name}`, import.meta.url), "utf8");

describe("the CSL styles", () => {
  it("validate against the CSL 1.0.2 schema with no errors", async () => {
    expect(await validateStyle(await cslFile("chicago-notes.csl"))).toBe("");
    expect(await validateStyle(await cslFile("mla.csl"))).toBe("");
  });

  it("would fail validation on a variable CSL does not have, so the check above means something", async () => {
    const broken = (await cslFile("mla.csl")).replace('<text variable="medium"', '<text variable="platform"');
    expect(await validateStyle(broken)).toMatch(/error/);
  });

  it("reach format-citation.ts unchanged, through the generated styles.ts", async () => {
    expect(CHICAGO_NOTES_CSL).toBe(await cslFile("chicago-notes.csl"));
    expect(MLA_CSL).toBe(await cslFile("mla.csl"));
    // If this fails, a .csl file was edited: run node --import tsx src/cite/csl/generate-styles.ts.
    expect(await readFile(STYLES_MODULE, "utf8")).toBe(await renderStylesModule());
  });
});
