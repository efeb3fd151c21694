// Lighthouse on the pages a reader lands on, as `npm run audit` runs it: accessibility, best practices and SEO must
// score 100. Performance is not audited here: Lighthouse derives it from timings, which a busy CI machine skews,
// and recording and simulating its trace was most of this test's time; `npm run audit` on a quiet machine is where
// it is judged (see the README).
import { describe, expect, inject, it } from "vitest";
import { auditSite } from "../../tools/audit/lighthouse-audit.ts";

const PAGES = ["/", "/messages/2016-09-20-wikileaks/", "/conversation/", "/search/?q=tax"];

describe("Lighthouse on the default edition", () => {
  it("scores 100 for accessibility, best practices and SEO on the home, a message, the conversation and the search pages", async () => {
    const audits = await auditSite(inject("defaultSite"), PAGES, { categories: ["accessibility", "best-practices", "seo"] });
    for (const audit of audits) console.log(`${audit.path}: ${Object.entries(audit.scores).map(([c, s]) => `${c} ${s}`).join(", ")}`);
    expect(audits.map((a) => a.path)).toEqual(PAGES);
    for (const audit of audits)
      for (const category of ["accessibility", "best-practices", "seo"] as const)
        expect({ page: audit.path, category, score: audit.scores[category], failing: audit.failing[category] }).toEqual({
          page: audit.path,
          category,
          score: 100,
          failing: [],
        });
  }, 240_000);
});
