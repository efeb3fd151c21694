// The exports of the built default edition, validated: the Web Annotations against the Web Annotation Data
// Model's rules (see web-annotation.test.ts for the model, section by section) and against the site itself (every
// IRI is a real page, every fragment a real anchor, every quote the text where it is anchored); the messages, CSL-JSON and
// plain-text transcript against each other.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const site = inject("defaultSite");
const BASE = "https://wikileaks-trump-jr-dms.example.org/";
const readJson = async (name: string) => JSON.parse(await readFile(path.join(site, "exports", name), "utf8"));

/** The built file for a site IRI, and the ids in it. */
async function pageFor(iri: string): Promise<{ file: string; ids: Set<string> }> {
  expect(iri.startsWith(BASE), iri).toBe(true);
  const url = new URL(iri);
  const file = path.join(site, decodeURIComponent(url.pathname), url.pathname.endsWith("/") ? "index.html" : "");
  expect(existsSync(file), `${iri} is not a page of the site`).toBe(true);
  const html = await readFile(file, "utf8");
  return { file, ids: new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)) };
}

describe("the exports", () => {
  it("gives every note as a valid W3C Web Annotation whose target resolves to the passage on the site", async () => {
    const collection = await readJson("annotations.jsonld");
    const messages = (await readJson("messages.json")).messages as Array<{ url: string; lines: Array<{ label: string; text: string }> }>;
    const textOf = new Map(messages.map((m) => [m.url, m.lines.map((l) => l.text).join("\n")]));

    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    const items = collection.first.items as any[];
    expect(collection.first.type).toBe("AnnotationPage");
    expect(collection.total).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(30);

    for (const annotation of items) {
      expect(annotation.type).toBe("Annotation");
      expect(typeof annotation.id).toBe("string");
      await pageFor(annotation.id);
      expect(["describing", "commenting", "assessing", "linking"]).toContain(annotation.motivation);
      expect(annotation.body).toMatchObject({ type: "TextualBody", format: "text/html", language: "en" });
      expect(annotation.body.value.length).toBeGreaterThan(0);
      expect(annotation.body.value).not.toMatch(/href="\//);

      const { target } = annotation;
      expect(target.type).toBe("SpecificResource");
      const { ids } = await pageFor(target.source);
      const quote = target.selector.find((s: any) => s.type === "TextQuoteSelector");
      const fragment = target.selector.find((s: any) => s.type === "FragmentSelector");
      expect(Object.keys(quote).sort()).toEqual(["exact", "prefix", "suffix", "type"]);
      expect(quote.exact.length).toBeGreaterThan(0);
      // The quote with its context occurs once in the transcript, where the note is anchored.
      const text = textOf.get(target.source)!;
      const around = `${quote.prefix}${quote.exact}${quote.suffix}`;
      expect(text.split(around).length - 1, `${annotation.id}: ${around}`).toBe(1);
      for (const label of fragment.value.split("-")) expect(ids.has(label), `${target.source}#${label}`).toBe(true);
    }
  });

  it("gives the messages with their metadata and every line, with working line URLs", async () => {
    const { edition, messages } = await readJson("messages.json");
    expect(edition).toMatchObject({ version: "1.0.0", url: BASE });
    expect(messages.length).toBeGreaterThanOrEqual(15);
    const first = messages[0];
    expect(first).toMatchObject({ id: "2016-09-20-wikileaks", kind: "direct-message", from: { id: "wikileaks", name: "WikiLeaks" }, precision: "approximate" });
    expect(first.lines[2]).toEqual({ label: "3", text: "We have guessed the password.", url: `${BASE}messages/2016-09-20-wikileaks/#L3` });
    for (const message of messages) {
      const { ids } = await pageFor(message.url);
      for (const line of message.lines) expect(ids.has(`L${line.label}`)).toBe(true);
    }
  });

  it("gives the whole edition as CSL-JSON: every message and every note", async () => {
    const items = await readJson("edition.csl.json");
    const messages = (await readJson("messages.json")).messages;
    const notes = (await readJson("annotations.jsonld")).total;
    expect(items).toHaveLength(messages.length + notes);
    expect(items.find((item: any) => item.id === "2016-09-20-wikileaks")).toMatchObject({
      type: "personal_communication",
      author: [{ literal: "WikiLeaks" }],
      recipient: [{ family: "Trump", given: "Donald", suffix: "Jr." }],
      issued: { "date-parts": [[2016, 9, 20]] },
    });
    expect(items.filter((item: any) => item.type === "chapter")).toHaveLength(notes);
  });

  it("gives a plain-text transcript with every line, numbered", async () => {
    const text = await readFile(path.join(site, "exports", "transcript.txt"), "utf8");
    const messages = (await readJson("messages.json")).messages as Array<{ lines: Array<{ label: string; text: string }> }>;
    for (const message of messages) for (const line of message.lines) expect(text).toContain(`${line.label}  ${line.text}\n`);
    expect(text).toContain("== WikiLeaks to Donald Trump Jr., November 8, 2016, 6:35 p.m. (UTC−05:00)");
  });

  it("links the exports and the changelog from the method page", async () => {
    const html = await readFile(path.join(site, "method", "index.html"), "utf8");
    for (const name of ["annotations.jsonld", "messages.json", "edition.csl.json", "transcript.txt"]) expect(html).toContain(`href="/exports/${name}"`);
    expect(html).toContain('href="/changelog/"');
  });
});

describe("the exports of a large edition", () => {
  it("writes the plain-text transcript of 200,000 lines (a spread of every line once overflowed the stack)", async () => {
    const { plainTranscript } = await import("../../src/cite/exports.ts");
    const meta = { title: "Large", version: "1.0.0", published: "2026-01-01", license: "CC BY 4.0", base_url: "https://example.org/" };
    const messages = Array.from({ length: 40_000 }, (_, i) => ({
      message: { id: `m${i}` },
      url: `https://example.org/messages/m${i}/`,
      lines: Array.from({ length: 5 }, (_, n) => ({ label: n === 4 && i === 0 ? "12a" : String(n + 1), text: `line ${n + 1} of m${i}` })),
      notes: [],
    }));
    const text = plainTranscript({ edition: { meta }, messages, exportUrl: () => "", describe: (m: { id: string }) => m.id } as never);
    expect(text.split("\n").filter((line) => / {2}line \d of m\d+$/.test(line))).toHaveLength(200_000);
    // Numbers are padded to the widest label in the edition.
    expect(text).toContain("\n  1  line 1 of m39999\n");
    expect(text).toContain("\n12a  line 5 of m0\n");
  });
});
