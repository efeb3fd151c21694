// The browser scripts survive any fragment a reader arrives with: a shared link cut short (#%), a malformed escape
// (#%zz, half a UTF-8 sequence), a text fragment (#:~:text=…). Regression: a message page opened at #% threw a
// URIError at its first line of script, so notes no longer opened under their lines and the cite panel never loaded.
import { describe, expect, inject, it } from "vitest";
import { eventually, useChromium } from "../helpers/browser.ts";

const chromium = useChromium(inject("defaultSite"));
const MESSAGE = "/messages/2016-09-20-wikileaks/";
const FRAGMENTS = ["#%", "#%zz", "#%E0%A4%A", "#L2-L%", "#note-%zz", "#:~:text=%zz", "#:~:text=Wind%20of"];

describe("arriving with a broken or unusual fragment", () => {
  it.each(FRAGMENTS)("a message page at %s still opens notes under their lines and loads its citation", async (fragment) => {
    const { page, server, errors } = chromium;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}${MESSAGE}${fragment}`);
    const call = page.getByRole("button", { name: "Note 1", exact: true });
    await eventually(() => call.getAttribute("aria-expanded")).toBe("false");
    await call.click();
    expect(await page.getByRole("note", { name: "Note 1", exact: true }).isVisible()).toBe(true);

    await page.locator(".cite-output").scrollIntoViewIfNeeded();
    await eventually(() => page.locator(".cite-output").innerText()).toContain("WikiLeaks, Twitter direct message to Donald Trump Jr., September 20, 2016");
    // Choosing a line still makes its permalink.
    await page.locator('.transcript a.line-number[data-n="2"]').click();
    expect(new URL(page.url()).hash).toBe("#L2");
    expect(errors).toEqual([]);
  });

  it("the search page, the conversation and the home page run their scripts at a malformed fragment", async () => {
    const { page, server, errors } = chromium;
    await page.goto(`${server.url}/search/?q=password#%zz`);
    await eventually(() => page.locator("#search-result-list .result").count()).toBeGreaterThan(0);
    for (const where of ["/conversation/#%", "/#%E0%A4%A"]) {
      await page.goto(`${server.url}${where}`);
      await page.keyboard.press("/");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("search");
    }
    expect(errors).toEqual([]);
  });
});
