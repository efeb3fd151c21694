// Editions run to 100,000 messages: a citation costs about a millisecond only if each citeproc engine is built
// once and reused (what it costs is measured by npm run bench).
import { plugins } from "@citation-js/core";
import { describe, expect, it } from "vitest";
import { CSL_STYLE_NAMES, formatCitation, messageItem } from "../../src/cite/index.ts";
import { context, wikileaksDm, linesOf } from "./edition.ts";

describe("formatting citations", () => {
  it("reuses one citeproc engine per style", () => {
    const csl = plugins.config.get("@csl");
    const item = messageItem({ ...wikileaksDm, id: "message-1" }, linesOf(wikileaksDm), context("messages/message-1/"), { first: "2", last: "3" });
    for (const format of ["chicago", "mla", "apa"] as const) {
      const engine = csl.engine([], CSL_STYLE_NAMES[format], "en-US", "text");
      formatCitation(item, format);
      // The cached engine is the one that formatted the citation: plugin-csl pointed it at the item. (Comparing
      // two csl.engine() calls alone would hold even if formatCitation built engines of its own.)
      const { sys } = engine as unknown as { sys: { retrieveItem(id: string): unknown } };
      expect(sys.retrieveItem(item.id)).toMatchObject({ id: item.id });
      expect(csl.engine([], CSL_STYLE_NAMES[format], "en-US", "text")).toBe(engine);
    }
  });
});
