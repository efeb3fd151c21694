// What a reference manager reads from the built pages: Dublin Core with Zotero's item type, Highwire citation_*
// tags, and schema.org JSON-LD, checked on the default edition's real pages.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, inject, it } from "vitest";

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

describe("reference-manager metadata on message pages", () => {
  it("describes a direct message as Zotero's instantMessage, with author, recipient, date, title and container", async () => {
    const { meta } = await headOf("messages/2016-09-20-wikileaks");
    expect(meta["DC.type"]).toEqual(["instantMessage"]);
    expect(meta["DC.title"]).toEqual(["Direct message to Donald Trump Jr."]);
    expect(meta["DC.creator"]).toEqual(["WikiLeaks"]);
    expect(meta["DC.contributor"]).toEqual(["Donald Trump Jr."]);
    expect(meta["DC.date"]).toEqual(["2016-09-20"]);
    expect(meta["DC.identifier"]).toEqual(["https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/"]);
    expect(meta["DCTERMS.isPartOf"]).toEqual(["WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017"]);
    expect(meta["citation_title"]).toEqual(["Direct message to Donald Trump Jr."]);
    expect(meta["citation_author"]).toEqual(["WikiLeaks"]);
    expect(meta["citation_date"]).toEqual(["2016/09/20"]);
    expect(meta["citation_public_url"]).toEqual(["https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/"]);
  });

  it("writes a person's name the way citation_author expects, family name first", async () => {
    const { meta } = await headOf("messages/2016-09-21-trump-jr");
    expect(meta["citation_author"]).toEqual(["Trump, Donald, Jr."]);
    expect(meta["DC.creator"]).toEqual(["Donald Trump Jr."]);
    expect(meta["DC.contributor"]).toEqual(["WikiLeaks"]);
  });

  it("types a public post as forumPost and a statement as document, dated only as precisely as known", async () => {
    expect((await headOf("messages/2016-10-14-trump-jr")).meta["DC.type"]).toEqual(["forumPost"]);
    const statement = await headOf("messages/2017-11-alan-futerfas");
    expect(statement.meta["DC.type"]).toEqual(["document"]);
    expect(statement.meta["DC.date"]).toEqual(["2017-11"]);
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
