// Editions run to 100,000 messages: a citation must cost about a millisecond (APA, a bibliography entry, a few),
// which holds only if each citeproc engine is built once and reused. Bounds are ten times what a 2-core machine
// measures, to catch an engine rebuilt per citation (hundreds of milliseconds), not to time the machine.
import { plugins } from "@citation-js/core";
import { describe, expect, it } from "vitest";
import { CITATION_FORMATS, CSL_STYLE_NAMES, formatCitation, messageItem, type CitationFormat } from "../../src/cite/index.ts";
import { context, wikileaksDm, linesOf } from "./edition.ts";

const COUNT = 1000;
const BOUND_MS: Record<CitationFormat, number> = { chicago: 10, mla: 10, apa: 50, bibtex: 2, ris: 2, "csl-json": 1 };

const lines = linesOf(wikileaksDm);
const items = Array.from({ length: COUNT }, (_, index) =>
  messageItem({ ...wikileaksDm, id: `message-${index}` }, lines, context(`messages/message-${index}/`), {
    first: String(1 + (index % 5)),
    last: String(2 + (index % 5)),
  }),
);

describe("formatting 1,000 citations", () => {
  it.each(CITATION_FORMATS)("costs little per citation in %s once the engine is built", (format) => {
    formatCitation(items[0]!, format);
    const start = performance.now();
    const out = items.map((item) => formatCitation(item, format));
    const perCitation = (performance.now() - start) / COUNT;
    console.log(`${format}: ${perCitation.toFixed(3)} ms per citation`);
    expect(new Set(out).size).toBe(COUNT);
    expect(perCitation).toBeLessThan(BOUND_MS[format]);
  });

  it("reuses one citeproc engine per style", () => {
    const csl = plugins.config.get("@csl");
    for (const format of ["chicago", "mla", "apa"] as const) {
      const engine = csl.engine([], CSL_STYLE_NAMES[format], "en-US", "text");
      const item = items[1]!;
      formatCitation(item, format);
      // The cached engine is the one that formatted the citation: plugin-csl pointed it at the item. (Comparing
      // two csl.engine() calls alone would hold even if formatCitation built engines of its own.)
      const { sys } = engine as unknown as { sys: { retrieveItem(id: string): unknown } };
      expect(sys.retrieveItem(item.id)).toMatchObject({ id: item.id });
      expect(csl.engine([], CSL_STYLE_NAMES[format], "en-US", "text")).toBe(engine);
    }
  });
});
