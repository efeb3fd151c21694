// The notes of a message page on a wide screen, in Chromium, as a reader meets them: each beside the first line of
// its passage (or right below the note above it), none over another and none cut off; opening one keeps its
// passage on the screen, Back returns to where the reader was, and arriving on a note or a line from search puts
// nothing under the sticky header.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import { useChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

const chromium = useChromium(inject("defaultSite"));

const FIRST = "/messages/2016-09-20-wikileaks/";
/** The message with the most notes: five, on lines 3 to 9. */
const LONGEST = "/messages/2016-10-21-wikileaks/";

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Each note of the page with its box and the box of its passage's first line. */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element): Box => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    const notes = [...document.querySelectorAll<HTMLElement>(".notes li.note")].map((note) => {
      const id = note.id.slice("note-".length);
      const line = (document.querySelector(`.transcript mark[data-notes~="${CSS.escape(id)}"]`) ?? document.getElementById(`ref-${id}`))!.closest(".line")!;
      const title = note.querySelector(".note-title")!;
      return { id, box: box(note), title: box(title), line: box(line), lineText: box(line.querySelector(".line-text")!), clipped: note.scrollHeight > note.clientHeight + 1 };
    });
    return { notes, transcript: box(document.querySelector(".transcript")!), cite: box(document.querySelector("section.cite")!) };
  });
}

/** What the reader can see of an element: its top and bottom on the screen, and the sticky header's bottom. */
function onScreen(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const { top, bottom } = document.querySelector(selector)!.getBoundingClientRect();
    const header = document.querySelector(".site-header")!;
    const headerBottom = getComputedStyle(header).position === "sticky" ? header.getBoundingClientRect().bottom : 0;
    return { top, bottom, visible: top >= headerBottom && bottom <= window.innerHeight, headerBottom };
  }, selector);
}

describe("sidenotes on a wide screen", () => {
  it("stand beside the first line of their passage, or right below the note above, on every message page", async () => {
    const { page } = chromium;
    const { model } = await readEdition(PROJECT_ROOT);
    const withNotes = model!.messages.filter((entry) => entry.notes.length).map((entry) => model!.urls.message(entry.message.id));
    expect(withNotes.length).toBeGreaterThan(10);
    const problems: string[] = [];
    let level = 0;
    for (const url of withNotes) {
      await page.goto(`${chromium.server.url}${url}`);
      const { notes, transcript, cite } = await layout(page);
      notes.forEach((note, i) => {
        const above = notes[i - 1];
        if (note.box.left < transcript.right) problems.push(`${url} ${note.id}: not beside the transcript`);
        if (note.clipped) problems.push(`${url} ${note.id}: clipped`);
        if (above && note.box.top < above.box.bottom) problems.push(`${url} ${note.id}: over the note above it`);
        // Where the note above leaves room, the note's title is level with its line's text (within a few pixels).
        const room = !above || above.box.bottom + 24 <= note.line.top;
        if (room) {
          if (Math.abs(note.title.top - note.lineText.top) > 6) problems.push(`${url} ${note.id}: title at ${note.title.top}, its line at ${note.lineText.top}`);
          else level++;
        } else if (note.box.top > above!.box.bottom + 24) problems.push(`${url} ${note.id}: further down than the note above needs`);
      });
      if (notes.length && cite.top < notes.at(-1)!.box.bottom) problems.push(`${url}: the cite panel is over the last note`);
    }
    expect(problems).toEqual([]);
    // Not a test that passes by pushing every note down: at least the first note of every page is level with its line.
    expect(level).toBeGreaterThanOrEqual(withNotes.length);
  });

  it("keep the passage on the screen when a note is opened, and Back returns to where the reader was", async () => {
    const { page, errors } = chromium;
    for (const [url, call, line] of [
      [FIRST, "#ref-any-comments", "#L6"],
      [LONGEST, "#ref-oct21-no-reply", "#L9"],
      [LONGEST, "#ref-impartiality", "#L6"],
    ] as const) {
      await page.goto(`${chromium.server.url}${url}`);
      await page.locator(line).scrollIntoViewIfNeeded();
      const reading = await page.evaluate(() => window.scrollY);
      await page.locator(call).click();
      const note = `#${call.replace("#ref-", "note-")}`;
      expect(new URL(page.url()).hash).toBe(note);
      expect(await page.locator(note).evaluate((element) => element.matches(":target"))).toBe(true);
      expect(await onScreen(page, note), `${url}: ${note} on the screen`).toMatchObject({ visible: true });
      expect(await onScreen(page, line), `${url}: ${line} on the screen with its note`).toMatchObject({ visible: true });
      // The passage is lit, so that the eye goes from the note to its words.
      expect(await page.locator(`${line} mark.is-target`).count()).toBeGreaterThan(0);
      await page.goBack();
      await expect.poll(() => page.evaluate(() => [location.hash, Math.round(window.scrollY)])).toEqual(["", Math.round(reading)]);
    }
    expect(errors).toEqual([]);
  });

  it("go back to where the reader was with the note's own “Back to the passage”", async () => {
    const { page } = chromium;
    await page.goto(`${chromium.server.url}${LONGEST}`);
    await page.locator("#L9").scrollIntoViewIfNeeded();
    const reading = await page.evaluate(() => window.scrollY);
    await page.locator("#ref-oct21-no-reply").click();
    await page.locator("#note-oct21-no-reply").getByRole("link", { name: "Back to the passage of note 5" }).click();
    await expect.poll(() => page.evaluate(() => [location.hash, Math.round(window.scrollY)])).toEqual(["", Math.round(reading)]);
    expect(await onScreen(page, "#L9")).toMatchObject({ visible: true });
  });

  it("open under their line when the screen is too short to show a far note beside its passage", async () => {
    const { page } = chromium;
    // 420 px: the transcript of nine lines no longer fits beside the notes, and note 5 stands far below line 9.
    await page.setViewportSize({ width: 1280, height: 420 });
    await page.goto(`${chromium.server.url}${LONGEST}`);
    await page.locator("#L9").scrollIntoViewIfNeeded();
    await page.locator("#ref-oct21-no-reply").click();
    const opened = page.getByRole("note", { name: "Note 5", exact: true });
    expect(await opened.isVisible()).toBe(true);
    expect(await opened.evaluate((element) => element.previousElementSibling?.id)).toBe("L9");
    expect(await onScreen(page, "#L9")).toMatchObject({ visible: true });
    expect(await page.locator("#ref-oct21-no-reply").getAttribute("aria-expanded")).toBe("true");
    await page.locator("#ref-oct21-no-reply").click();
    expect(await opened.isVisible()).toBe(false);
  });

  it("put nothing under the sticky header when the reader arrives on a note or a line from search", async () => {
    const { page } = chromium;
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 1152, height: 700 },
    ]) {
      await page.setViewportSize(viewport);
      for (const [fragment, passage] of [
        ["#note-tax-returns", "#L3"],
        ["#note-email-address", "#L8"],
        ["#L8", "#L8"],
      ] as const) {
        await page.goto(`${chromium.server.url}${LONGEST}?pagefind-highlight=tax${fragment}`);
        await page.waitForLoadState("load");
        const target = await onScreen(page, fragment);
        expect(target.headerBottom, "the header is sticky at this width").toBeGreaterThan(0);
        expect(target, `${fragment} at ${viewport.width} px`).toMatchObject({ visible: true });
        expect(await onScreen(page, passage), `${passage} with ${fragment} at ${viewport.width} px`).toMatchObject({ visible: true });
      }
    }
  });

  it("are numbered, read and followed as a list after the transcript without JavaScript", async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${chromium.server.url}${LONGEST}`);
    const { notes } = await layout(page);
    // Stacked in order beside the transcript, from its top: the list the page is built with.
    for (let i = 1; i < notes.length; i++) expect(notes[i]!.box.top).toBeGreaterThanOrEqual(notes[i - 1]!.box.bottom);
    await page.getByRole("link", { name: "Note 5", exact: true }).click();
    expect(new URL(page.url()).hash).toBe("#note-oct21-no-reply");
    expect(await onScreen(page, "#note-oct21-no-reply")).toMatchObject({ visible: true });
    await context.close();
  });
});

describe("a note arrived at on a phone", () => {
  it("opens under its line, with the passage at the top of the screen", async () => {
    const { page } = chromium;
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${chromium.server.url}${LONGEST}?pagefind-highlight=tax#note-tax-returns`);
    await page.waitForLoadState("load");
    const opened = page.getByRole("note", { name: "Note 1", exact: true });
    await expect.poll(() => opened.isVisible()).toBe(true);
    expect(await opened.evaluate((element) => element.previousElementSibling?.id)).toBe("L3");
    expect(await onScreen(page, "#L3")).toMatchObject({ visible: true });
    expect(await onScreen(page, '[role="note"]')).toMatchObject({ visible: true });
  });
});
