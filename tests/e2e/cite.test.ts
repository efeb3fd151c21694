// Citing in Chromium: select a range of lines, copy its citation in two formats (checked on the clipboard),
// arrive on a #L2-L4 URL and see the range highlighted, follow a text-fragment link and see Chromium scroll to
// the line; and a screenshot of the cite panel.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { eventually, useChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

const chromium = useChromium(inject("defaultSite"), { permissions: ["clipboard-read", "clipboard-write"] });

const today = new Date().toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric" });

describe("citing in Chromium", () => {
  it("cites a range chosen by clicking and shift-clicking line numbers, copied in Chicago and BibTeX", async () => {
    const { page, server, errors } = chromium;
    await page.goto(`${server.url}/messages/2016-09-20-wikileaks/`);
    await page.locator('.transcript a.line-number[data-n="2"]').click();
    await page.locator('.transcript a.line-number[data-n="4"]').click({ modifiers: ["Shift"] });
    expect(new URL(page.url()).hash).toBe("#L2-L4");
    expect(await page.locator(".transcript .line.selected").evaluateAll((lines) => lines.map((l) => l.id))).toEqual(["L2", "L3", "L4"]);
    await eventually(() => page.locator(".cite-output").innerText()).toContain("lines 2–4");
    // The citation shows where the reader clicked, right under the last chosen line, and copies from there.
    const near = page.getByRole("region", { name: "Citation of the selected lines" });
    expect(await near.evaluate((element) => element.previousElementSibling?.id)).toBe("L4");
    await eventually(() => near.innerText()).toContain("lines 2–4");
    await near.getByRole("button", { name: "Copy citation" }).click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      "WikiLeaks, Twitter direct message to Donald Trump Jr., September 20, 2016, in WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017, " +
        `ed. The Annotated Edition team, version 1.0.0, lines 2–4, accessed ${today}, https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/#L2-L4.`,
    );

    await page.getByRole("radio", { name: "BibTeX" }).check();
    await eventually(() => page.locator(".cite-output").innerText()).toContain("@misc{2016_09_20_wikileaks_L2_L4,");
    await page.locator("section.cite").getByRole("button", { name: "Copy citation" }).click();
    const bibtex = await page.evaluate(() => navigator.clipboard.readText());
    expect(bibtex).toMatch(/^@misc\{2016_09_20_wikileaks_L2_L4,/);
    expect(bibtex).toContain("author = {{WikiLeaks}}");
    expect(bibtex).toContain("url = {https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/#L2-L4}");
    expect(errors).toEqual([]);
  });

  it("cites a note in its author's name", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/messages/2016-09-20-wikileaks/`);
    const option = page.locator("#cite-what option", { hasText: "Note 1" });
    await page.locator("#cite-what").selectOption({ label: (await option.textContent()) ?? "" });
    await eventually(() => page.locator(".cite-output").innerText()).toMatch(/^The Annotated Edition team, “/);
  });

  it("highlights a range on arrival at #L2-L4", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/messages/2016-10-21-wikileaks/#L2-L4`);
    await eventually(() => page.locator(".transcript .line.in-range").evaluateAll((lines) => lines.map((l) => l.id))).toEqual(["L2", "L3", "L4"]);
    const background = await page.locator("#L3").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe("rgb(255, 246, 216)");
  });

  it("offers a text-fragment link for the selected line, which Chromium follows to the line", async () => {
    const { browser, page, server } = chromium;
    await page.goto(`${server.url}/messages/2016-10-21-wikileaks/`);
    await page.locator('.transcript a.line-number[data-n="9"]').click();
    const link = page.locator(".cite-fragment-link");
    await eventually(() => link.getAttribute("href")).toBe("https://wikileaks-trump-jr-dms.example.org/messages/2016-10-21-wikileaks/#:~:text=Let%20us%20put%20it%20out.");

    const small = await browser.newContext({ viewport: { width: 900, height: 420 } });
    const reader = await small.newPage();
    const fragment = new URL((await link.getAttribute("href"))!).hash;
    await reader.goto(`${server.url}/messages/2016-10-21-wikileaks/${fragment}`);
    await eventually(() => reader.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const visible = await reader.locator("#L9").evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(visible).toBe(true);
    await small.close();
  });

  it("shows the MLA citation of a selected range with its date of access, and saves a screenshot of the panel", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/messages/2016-12-16-wikileaks/`);
    await page.locator('.transcript a.line-number[data-n="4"]').click();
    await page.locator('.transcript a.line-number[data-n="5"]').click({ modifiers: ["Shift"] });
    await page.getByRole("radio", { name: "MLA 9" }).check();
    await eventually(() => page.locator(".cite-output").innerText()).toContain("Accessed");
    await mkdir(path.join(PROJECT_ROOT, "test-results"), { recursive: true });
    await page.locator("section.cite").screenshot({ path: path.join(PROJECT_ROOT, "test-results", "cite-panel.png") });
  });
});
