// What a reader sees, kept as reference images: the home page, a message and the conversation, on a phone (375 px)
// and a desktop (1280 px), in the light and dark themes. Each screenshot of the first screen is compared with the
// committed image in tests/screenshots/, allowing a stray anti-aliased pixel; references made with another
// Chromium or other fonts are not compared (see renderer.txt). After an intended change of design, look at the
// new images and commit them:
//   UPDATE_SCREENSHOTS=1 npx vitest run tests/e2e/screenshots.test.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

const REFERENCES = path.join(PROJECT_ROOT, "tests", "screenshots");
const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";
/**
 * Share of pixels that may differ (beyond pixelmatch's per-pixel colour threshold). With the same browser and
 * fonts the pictures are the same, so this is room for a stray anti-aliased pixel; recolouring the links and the
 * timeline's marks alone changes 1,200 of a desktop screen's 1,152,000 pixels.
 */
const TOLERANCE = 0.0002;

const PAGES = [
  ["home", "/"],
  ["message", "/messages/2016-09-20-wikileaks/"],
  ["conversation", "/conversation/"],
] as const;
const VIEWPORTS = [
  ["phone", { width: 375, height: 812 }],
  ["desktop", { width: 1280, height: 900 }],
] as const;
const THEMES = ["light", "dark"] as const;

const session = useChromium(inject("defaultSite"));

/**
 * What the pictures depend on besides the site: the browser and the fonts it draws with. References made with
 * another Chromium or other fonts cannot be compared pixel for pixel, so those comparisons are skipped, saying
 * why, rather than failing on a machine that merely differs.
 */
let rendererOnce: Promise<string> | undefined;
const renderer = () => (rendererOnce ??= describeRenderer());
async function describeRenderer(): Promise<string> {
  const fonts = await new Promise<string>((resolve) =>
    execFile("fc-list", [":", "family", "file"], (error, stdout) => resolve(error ? "unknown fonts" : stdout.split("\n").sort().join("\n"))),
  );
  return `Chromium ${session.browser.version()}; fonts ${createHash("sha256").update(fonts).digest("hex").slice(0, 16)}`;
}
const RENDERER_FILE = path.join(REFERENCES, "renderer.txt");

describe("screenshots against the committed references", () => {
  for (const [page, url] of PAGES)
    for (const [device, viewport] of VIEWPORTS)
      for (const theme of THEMES)
        it(`${page}, ${device}, ${theme}`, async (context) => {
          const name = `${page}-${device}-${theme}.png`;
          const current = await renderer();
          if (UPDATE) await writeFile(RENDERER_FILE, `${current}\n`);
          const recorded = existsSync(RENDERER_FILE) ? (await readFile(RENDERER_FILE, "utf8")).trim() : "";
          if (!UPDATE && recorded && recorded !== current) {
            console.warn(`Screenshots were made with ${recorded}; this is ${current}: not compared. Regenerate them here with UPDATE_SCREENSHOTS=1.`);
            context.skip();
          }
          const tab = await session.browser.newPage({ viewport, colorScheme: theme, reducedMotion: "reduce" });
          try {
            await tab.goto(`${session.server.url}${url}`);
            await tab.evaluate(() => document.fonts.ready);
            // The cite panel's citation carries today's date as the access date.
            const shot = await tab.screenshot({ mask: [tab.locator(".cite-output")], animations: "disabled" });
            const reference = path.join(REFERENCES, name);
            if (UPDATE || !existsSync(reference)) {
              if (!UPDATE) throw new Error(`No reference image ${name}: run with UPDATE_SCREENSHOTS=1, look at it, and commit it.`);
              await mkdir(REFERENCES, { recursive: true });
              await writeFile(reference, shot);
              return;
            }
            const expected = PNG.sync.read(await readFile(reference));
            const actual = PNG.sync.read(shot);
            expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
            const diff = new PNG({ width: expected.width, height: expected.height });
            const differing = pixelmatch(expected.data, actual.data, diff.data, expected.width, expected.height, { threshold: 0.1 });
            const share = differing / (expected.width * expected.height);
            if (share > TOLERANCE) {
              // Kept beside the reference, for looking at what changed.
              await writeFile(path.join(REFERENCES, name.replace(/\.png$/, ".diff.png")), PNG.sync.write(diff));
              await writeFile(path.join(REFERENCES, name.replace(/\.png$/, ".actual.png")), shot);
            }
            expect(share, `${name}: ${differing} pixels differ`).toBeLessThanOrEqual(TOLERANCE);
          } finally {
            await tab.close();
          }
        });
});
