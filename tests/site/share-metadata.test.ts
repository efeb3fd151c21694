// What a page shows when it is shared or indexed: its canonical address, Open Graph and Twitter card tags, and the
// edition's share picture, which the editor names in edition.yaml and the build checks and publishes.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { PNG } from "pngjs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { check } from "../../src/cli/check.ts";
import { editedFixture, makeEdition, removeEdition } from "../helpers/edition.ts";

const headOf = async (file: string) => {
  const tree = fromHtml(await readFile(file, "utf8"));
  const tags: Record<string, string> = {};
  for (const meta of selectAll("meta[property], meta[name^=twitter]", tree)) tags[String(meta.properties.property ?? meta.properties.name)] = String(meta.properties.content);
  return { tags, canonical: select('link[rel="canonical"]', tree)?.properties.href, title: select("title", tree) };
};

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await removeEdition(dir);
});

describe("share metadata of the default edition", () => {
  it("gives a message page its canonical address, its title and first line, as an article", async () => {
    const { tags, canonical } = await headOf(path.join(inject("defaultSite"), "messages", "2016-09-21-trump-jr", "index.html"));
    expect(canonical).toBe("https://wikileaks-trump-jr-dms.example.org/messages/2016-09-21-trump-jr/");
    expect(tags["og:url"]).toBe(canonical);
    expect(tags["og:type"]).toBe("article");
    expect(tags["og:title"]).toBe("Donald Trump Jr. to WikiLeaks, September 21, 2016, the next morning, about 12 hours after WikiLeaks’ message");
    expect(tags["og:description"]).toBe("Off the record I don’t know who that is, but I’ll ask around.");
    expect(tags["og:site_name"]).toBe("WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017");
  });
});

describe("an edition's share picture", () => {
  const picture = () => {
    const png = new PNG({ width: 1200, height: 630 });
    png.data.fill(200);
    return PNG.sync.write(png);
  };
  const withPicture = (file: string) =>
    editedFixture("small", "edition/edition.yaml", "language: en", `language: en\npreview_image:\n  file: ${file}\n  alt: Letters between two harbour masters`);

  it("is published under assets/ and named, with its size and description, on every page's card", async () => {
    const root = await makeEdition("small", { "edition/preview.png": picture(), "edition/edition.yaml": await withPicture("preview.png") });
    made.push(root);
    await build(root);
    const site = path.join(root, "_site");
    expect(await readFile(path.join(site, "assets", "preview.png"))).toEqual(await readFile(path.join(root, "edition", "preview.png")));
    for (const page of ["index.html", "messages/1901-04-01-ada/index.html", "conversation/index.html"]) {
      const { tags } = await headOf(path.join(site, page));
      expect(tags, page).toMatchObject({
        "og:image": "https://letters.example.org/assets/preview.png",
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": "Letters between two harbour masters",
        "twitter:card": "summary_large_image",
      });
    }
  }, 60_000);

  it("stops the build with the place in edition.yaml when the file is missing or not a PNG", async () => {
    const missing = await makeEdition("small", { "edition/edition.yaml": await withPicture("card.png") });
    const notPng = await makeEdition("small", { "edition/card.png": "GIF89a not a png", "edition/edition.yaml": await withPicture("card.png") });
    made.push(missing, notPng);
    const first = await check(missing);
    expect(first.errors).toBe(1);
    expect(first.report).toMatch(/edition\/edition\.yaml:11:9\s+error\s+preview_image\.file names a file that does not exist: edition\/card\.png/);
    const second = await check(notPng);
    expect(second.report).toMatch(/edition\/edition\.yaml:11:9\s+error\s+preview_image\.file is not a PNG image: edition\/card\.png/);
    expect(second.report).toContain("Save the picture as PNG");
  });
});
