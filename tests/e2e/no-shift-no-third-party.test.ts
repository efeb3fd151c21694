// Pages a reader opens make no request to anyone but the site (fonts are the system's), and do not move under the
// reader's eyes while they load: the layout shifts Chromium reports add up to less than Lighthouse's "good" 0.1,
// and to nothing at all on pages that need no script to draw.
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "../helpers/browser.ts";

const session = useChromium(inject("defaultSite"));

const PAGES: Array<[string, string, number]> = [
  ["home", "/", 0],
  ["a message", "/messages/2016-09-20-wikileaks/", 0],
  ["the conversation", "/conversation/", 0],
  ["sources", "/sources/", 0],
  ["search with results", "/search/?q=tax+returns", 0.1],
];

describe("loading a page", () => {
  for (const [name, url, allowedShift] of PAGES)
    it(`asks only the site for anything, and does not shift, on ${name}`, async () => {
      for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
        const page = await session.browser.newPage({ viewport });
        try {
          const requested: string[] = [];
          page.on("request", (request) => requested.push(request.url()));
          await page.addInitScript(() => {
            (window as unknown as { shifts: number }).shifts = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
                if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
            }).observe({ type: "layout-shift", buffered: true });
          });
          await page.goto(`${session.server.url}${url}`);
          if (url.startsWith("/search/")) await page.locator("#search-result-list a.result-line-link").first().waitFor();
          await page.waitForLoadState("networkidle");
          const shift = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
          expect(requested.filter((r) => !r.startsWith(session.server.url)), `${url} at ${viewport.width} px`).toEqual([]);
          expect(requested.length).toBeGreaterThan(1);
          if (allowedShift === 0) expect(shift, `${url} at ${viewport.width} px`).toBe(0);
          else expect(shift, `${url} at ${viewport.width} px`).toBeLessThan(allowedShift);
        } finally {
          await page.close();
        }
      }
    });
});
