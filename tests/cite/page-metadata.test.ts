// What a reference manager reads from the built pages: Dublin Core and Zotero's z.* tags, Highwire citation_* tags,
// and schema.org JSON-LD, checked on the default edition's real pages against what Zotero's Embedded Metadata
// translator reads from them; and, in Chromium, a line's permalink, whose metadata names the lines.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { useChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

const site = inject("defaultSite");

async function headOf(page: string): Promise<{ meta: Record<string, string[]>; jsonLd: Array<Record<string, any>> }> {
  const html = await readFile(path.join(site, page, "index.html"), "utf8");
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const meta: Record<string, string[]> = {};
  const jsonLd: Array<Record<string, any>> = [];
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "meta" && typeof node.properties.name === "string") (meta[node.properties.name] ??= []).push(String(node.properties.content));
    if (node.tagName === "script" && node.properties.type === "application/ld+json")
      jsonLd.push(JSON.parse(node.children.map((child) => ("value" in child ? child.value : "")).join("")));
  });
  return { meta, jsonLd };
}

/**
 * The item Zotero saves from a page's meta tags, as its Embedded Metadata translator builds it (read from
 * zotero/translators' "Embedded Metadata.js" and "RDF.js"; the same pages were run through Zotero's translation
 * server outside this project, with the same result):
 * - DC.*, DCTERMS.* and z.* tags become RDF; z.itemType gives the item type and makes the page Zotero RDF, whose
 *   DC.description becomes Extra (otherwise it is the abstract);
 * - DC.creator and DC.contributor are authors; z.recipients are recipients;
 * - citation_title, citation_date and citation_public_url win over DC.title, DC.date and DC.identifier;
 * - any citation_author replaces every creator the RDF gave with the citation_author names, as authors.
 */
function zoteroReads(meta: Record<string, string[]>) {
  const rdfCreators = [
    ...[...(meta["DC.creator"] ?? []), ...(meta["DC.contributor"] ?? [])].map((name) => ({ name, creatorType: "author" })),
    ...(meta["z.recipients"] ?? []).map((name) => ({ name, creatorType: "recipient" })),
  ];
  const highwire = (meta["citation_author"] ?? []).map((name) => ({ name, creatorType: "author" }));
  const zoteroRdf = Boolean(meta["z.itemType"]);
  return {
    itemType: meta["z.itemType"]?.[0] ?? meta["DC.type"]?.[0],
    creators: highwire.length ? highwire : rdfCreators,
    title: meta["citation_title"]?.[0] ?? meta["DC.title"]?.[0],
    date: meta["citation_date"]?.[0] ?? meta["DC.date"]?.[0],
    url: meta["citation_public_url"]?.[0] ?? meta["DC.identifier"]?.[0],
    extra: zoteroRdf ? meta["DC.description"]?.[0] : undefined,
  };
}

const EXTRA_EDITION = [
  "container-title: WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017",
  "editor: The Annotated Edition team",
  "publisher: The Annotated Edition team",
  "version: 1.0.0",
];

describe("reference-manager metadata on message pages", () => {
  it("gives Zotero a complete instantMessage: author, recipient, date, title, the edition in Extra and the reports that attest it", async () => {
    const { meta } = await headOf("messages/2016-09-20-wikileaks");
    expect(zoteroReads(meta)).toEqual({
      itemType: "instantMessage",
      creators: [
        { name: "WikiLeaks", creatorType: "author" },
        { name: "Trump Jr., Donald", creatorType: "recipient" },
      ],
      title: "Direct message to Donald Trump Jr.",
      date: "2016/09/20",
      url: "https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/",
      extra: [...EXTRA_EDITION, "medium: Twitter direct message", "Attested by: The Atlantic; The Hill; New York Daily News; VICE News; Unnamed news blog"].join("\n"),
    });
    // The recipient would be lost to a citation_author, and read as an author from DC.contributor.
    expect(meta["citation_author"]).toBeUndefined();
    expect(meta["DC.contributor"]).toBeUndefined();
    expect(meta["DC.date"]).toEqual(["2016-09-20"]);
    expect(meta["DCTERMS.isPartOf"]).toEqual(["WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017"]);
  });

  it("names every message's recipients and attesting reports, on every message page", async () => {
    const { messages } = JSON.parse(await readFile(path.join(site, "exports", "messages.json"), "utf8")) as {
      messages: Array<{ id: string; to: Array<{ name: string }>; sources: Array<{ id: string }> }>;
    };
    const sources = new Map(
      (parse(await readFile(path.join(PROJECT_ROOT, "edition", "sources.yaml"), "utf8")) as Array<{ id: string; short: string }>).map((source) => [source.id, source.short]),
    );
    for (const message of messages) {
      const item = zoteroReads((await headOf(`messages/${message.id}`)).meta);
      expect(item.creators.filter((c) => c.creatorType === "recipient"), message.id).toHaveLength(message.to.length);
      expect(item.extra, message.id).toContain(EXTRA_EDITION.slice(0, 2).join("\n"));
      const attested = item.extra!.split("\n").find((line) => line.startsWith("Attested by: "));
      expect(attested?.split(": ")[1]?.split("; "), message.id).toHaveLength(message.sources.length);
      for (const { id } of message.sources) expect(attested, message.id).toContain(sources.get(id));
    }
  });

  it("keeps a person's suffix where Zotero's name splitter reads it, family name first", async () => {
    const { meta } = await headOf("messages/2016-09-21-trump-jr");
    expect(zoteroReads(meta).creators).toEqual([
      { name: "Trump Jr., Donald", creatorType: "author" },
      { name: "WikiLeaks", creatorType: "recipient" },
    ]);
  });

  it("types a public post as forumPost and a statement as document, with the platform as their type, dated only as precisely as known", async () => {
    const post = await headOf("messages/2016-10-14-trump-jr");
    expect(post.meta["z.itemType"]).toEqual(["forumPost"]);
    expect(post.meta["DC.type"]).toEqual(["Twitter"]);
    const statement = await headOf("messages/2017-11-alan-futerfas");
    expect(statement.meta["z.itemType"]).toEqual(["document"]);
    expect(statement.meta["DC.date"]).toEqual(["2017-11"]);
    // A document has a publisher field of its own: Extra does not repeat it.
    expect(zoteroReads(statement.meta).extra).not.toContain("publisher:");
    expect(statement.meta["DC.publisher"]).toEqual(["The Annotated Edition team"]);
  });

  it("gives schema.org JSON-LD for the message (sender, recipient, dateSent) and for the edition", async () => {
    const { jsonLd } = await headOf("messages/2016-11-08-wikileaks");
    expect(jsonLd).toHaveLength(1);
    expect(jsonLd[0]).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Message",
      sender: { "@type": "Organization", name: "WikiLeaks" },
      recipient: [{ "@type": "Person", name: "Donald Trump Jr." }],
      dateSent: "2016-11-08T18:35-05:00",
      isPartOf: { "@type": "CreativeWork", name: "WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017", version: "1.0.0" },
    });
    const approximate = await headOf("messages/2016-09-20-wikileaks");
    expect(approximate.jsonLd[0]?.dateSent).toBe("2016-09-20");
    const home = await headOf("");
    expect(home.jsonLd[0]).toMatchObject({ "@type": "CreativeWork", version: "1.0.0", editor: [{ name: "The Annotated Edition team" }] });
  });

  it("shows a ready Chicago citation of the whole message without JavaScript", async () => {
    const html = await readFile(path.join(site, "messages/2016-09-20-wikileaks/index.html"), "utf8");
    const text = html.slice(html.indexOf('<div class="citation">')).replace(/<[^>]+>/g, "");
    expect(text).toContain(
      "WikiLeaks, Twitter direct message to Donald Trump Jr., September 20, 2016, in WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017, ed. The Annotated Edition team, version 1.0.0",
    );
  });
});

describe("reference-manager metadata of a line's permalink, in Chromium", () => {
  const chromium = useChromium(site);
  const liveMeta = (page: import("playwright-core").Page) =>
    page.evaluate(() => {
      const meta: Record<string, string[]> = {};
      for (const tag of document.head.querySelectorAll("meta[name]")) (meta[tag.getAttribute("name")!] ??= []).push(tag.getAttribute("content") ?? "");
      return meta;
    });

  it("gives the range's permalink as the URL and the cited lines in Extra, on arrival at #L2-L3", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/messages/2016-09-20-wikileaks/#L2-L3`);
    const item = zoteroReads(await liveMeta(page));
    expect(item.url).toBe("https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/#L2-L3");
    expect(item.extra?.split("\n").at(-1)).toBe("Lines 2–3");
  });

  it("follows the lines the reader selects to cite, and comes back to the whole message", async () => {
    const { page, server } = chromium;
    await page.goto(`${server.url}/messages/2016-10-21-wikileaks/`);
    await page.locator('.transcript a.line-number[data-n="4"]').click();
    await page.locator('.transcript a.line-number[data-n="6"]').click({ modifiers: ["Shift"] });
    let item = zoteroReads(await liveMeta(page));
    expect(item.url).toBe("https://wikileaks-trump-jr-dms.example.org/messages/2016-10-21-wikileaks/#L4-L6");
    expect(item.extra?.match(/^Lines? .*$/gm)).toEqual(["Lines 4–6"]);
    await page.locator('.transcript a.line-number[data-n="2"]').click();
    item = zoteroReads(await liveMeta(page));
    expect(item.extra?.match(/^Lines? .*$/gm)).toEqual(["Line 2"]);
    await page.evaluate(() => (location.hash = ""));
    await expect.poll(async () => zoteroReads(await liveMeta(page)).url).toBe("https://wikileaks-trump-jr-dms.example.org/messages/2016-10-21-wikileaks/");
    expect(zoteroReads(await liveMeta(page)).extra).not.toMatch(/^Lines? /m);
  });
});
