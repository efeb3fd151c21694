// The sources page's matrix: for every message, which sources print it, and a link from each source's cell to
// every variant note that compares that source's wording, checked against the edition as loaded.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toString } from "hast-util-to-string";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadEdition } from "../../src/load/load-edition.ts";
import type { Edition } from "../../src/load/model.ts";
import { PROJECT_ROOT } from "../helpers/edition.ts";

let edition: Edition;
let matrix: ReturnType<typeof fromHtml>;

beforeAll(async () => {
  edition = (await loadEdition(PROJECT_ROOT)).edition!;
  const page = fromHtml(await readFile(path.join(inject("defaultSite"), "sources", "index.html"), "utf8"));
  matrix = { type: "root", children: [select("table.matrix", page)!] };
});

describe("the matrix of sources and messages", () => {
  it("has a column per source and a row per message, in thread order", () => {
    const columns = selectAll("thead th", matrix).slice(1).map((th) => toString(th));
    expect(columns).toEqual([...edition.sources.values()].map((s) => s.short));
    const rows = selectAll("tbody tr", matrix).map((tr) => String(select("th a", tr)!.properties.href));
    expect(rows).toEqual(edition.messages.map((m) => `/messages/${m.id}/`));
  });

  it("marks exactly the sources that print each message, and links each variant note from the sources it compares", () => {
    const sourceIds = [...edition.sources.keys()];
    let variantLinks = 0;
    selectAll("tbody tr", matrix).forEach((tr, row) => {
      const message = edition.messages[row]!;
      const variants = (edition.annotationsByMessage.get(message.id) ?? []).filter((a) => a.kind === "variant");
      selectAll("td", tr).forEach((td, column) => {
        const source = sourceIds[column]!;
        const where = `${message.id} × ${source}`;
        expect(toString(td).includes("not attested"), where).toBe(!message.sources.some((s) => s.id === source));
        const links = selectAll("a.matrix-variant", td).map((a) => String(a.properties.href));
        const expected = variants.filter((a) => a.sources.some((s) => s.id === source)).map((a) => `/messages/${message.id}/#note-${a.id}`);
        expect(links.sort(), where).toEqual(expected.sort());
        variantLinks += links.length;
      });
    });
    // The default edition compares its sources in many places: the matrix must show them.
    expect(variantLinks).toBeGreaterThan(10);
  });

  it("totals each source's messages", () => {
    const totals = selectAll("tfoot td", matrix).map((td) => Number(toString(td)));
    expect(totals).toEqual([...edition.sources.keys()].map((id) => edition.messages.filter((m) => m.sources.some((s) => s.id === id)).length));
  });
});
