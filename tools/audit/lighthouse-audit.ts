// Lighthouse, run as a reader's browser would meet the site: Debian's Chromium, headless, against the built site
// served as a host would serve it. Scores every category on the pages a reader lands on, and keeps the failing
// audits so that a score below 100 says why.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { serveStatic } from "../bench/static-server.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageAudit {
  path: string;
  /** 0–100 per category audited. */
  scores: Record<Category, number>;
  /** Audits that did not pass, by category: id, title, and what Lighthouse displays (a value or a count). */
  failing: Record<Category, Array<{ id: string; title: string; displayValue?: string }>>;
}

export interface AuditOptions {
  chromiumPath?: string;
  /** The categories to audit (default: all four). Performance is by far the slowest: it records and simulates a trace. */
  categories?: readonly Category[];
}

export async function auditSite(siteDir: string, paths: readonly string[], options: AuditOptions = {}): Promise<PageAudit[]> {
  const server = await serveStatic(siteDir, { host: true });
  const chrome = await chromeLauncher.launch({
    chromePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
  });
  try {
    const audits: PageAudit[] = [];
    const categories = options.categories ?? CATEGORIES;
    for (const path of paths) {
      // No full-page screenshot: it only illustrates the HTML report, which is not written (the Lighthouse test's four
      // pages took 21.7 s without it, 26.2 s with it).
      const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...categories], disableFullPageScreenshot: true });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${path}: ${lhr.runtimeError.message}`);
      const scores = {} as PageAudit["scores"];
      const failing = {} as PageAudit["failing"];
      for (const category of categories) {
        const { score, auditRefs } = lhr.categories[category]!;
        scores[category] = Math.round((score ?? 0) * 100);
        failing[category] = auditRefs
          .map((ref) => lhr.audits[ref.id]!)
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "notApplicable" && audit.scoreDisplayMode !== "manual")
          .map((audit) => ({ id: audit.id, title: audit.title, displayValue: audit.displayValue }));
      }
      audits.push({ path, scores, failing });
    }
    return audits;
  } finally {
    chrome.kill();
    await server.close();
  }
}
