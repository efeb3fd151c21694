// format-citation.ts bundled for the browser, as the "cite this" panel will load it: esbuild resolves it without
// Node built-ins, and the bundle, run where there is no process, require or Buffer, formats exactly as Node does.
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { CITE_BROWSER_ENTRY, citeBrowserBuildOptions } from "../../src/cite/browser-bundle.ts";
import { CITATION_FORMATS, formatCitation, formatCitationHtml, messageItem, noteItem } from "../../src/cite/index.ts";
import type * as FormatCitation from "../../src/cite/format-citation.ts";
import { context, putintrumpNote, trumpJrTweet, wikileaksDm, linesOf } from "./edition.ts";

async function bundle(format: "esm" | "iife") {
  const result = await build({
    ...citeBrowserBuildOptions,
    entryPoints: [CITE_BROWSER_ENTRY],
    bundle: true,
    format,
    globalName: format === "iife" ? "cite" : undefined,
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

describe("the browser bundle of format-citation.ts", () => {
  it("resolves without Node built-ins, node-fetch replaced by the browser's fetch", async () => {
    const { code, inputs } = await bundle("esm");
    expect(inputs.filter((input) => input.startsWith("node:") || input.includes("node_modules/node-fetch/"))).toEqual([]);
    expect(inputs).toContain("src/cite/browser/node-fetch.ts");
    // A budget, so that a dependency that doubles the panel's download is noticed (it was 762 kB, 176 kB gzipped).
    expect(code.length).toBeLessThan(900_000);
    expect(gzipSync(code).length).toBeLessThan(220_000);
  });

  it("formats every citation exactly as Node does, in a context with only what browsers have", async () => {
    const { code } = await bundle("iife");
    // A browser's console has no Console constructor; citation-js's logger would otherwise reach for process.stderr.
    const browserLike: Record<string, unknown> = {
      console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
      TextEncoder,
      TextDecoder,
      URL,
    };
    browserLike.globalThis = browserLike;
    browserLike.self = browserLike;
    vm.createContext(browserLike);
    vm.runInContext(code, browserLike);
    const inBrowser = browserLike.cite as typeof FormatCitation;
    const items = [
      messageItem(wikileaksDm, linesOf(wikileaksDm), context("messages/2016-09-20-wikileaks/"), { first: "2", last: "4" }),
      messageItem(trumpJrTweet, linesOf(trumpJrTweet), context("messages/2016-10-14-trump-jr/")),
      noteItem(putintrumpNote, wikileaksDm, context("notes/putintrump-site/")),
    ];
    for (const item of items) {
      for (const format of CITATION_FORMATS) {
        expect(inBrowser.formatCitation(structuredClone(item), format)).toBe(formatCitation(item, format));
        expect(inBrowser.formatCitationHtml(structuredClone(item), format)).toBe(formatCitationHtml(item, format));
      }
    }
  });
});
