// The Web Annotation export held to the W3C Web Annotation Data Model (Recommendation, 23 February 2017), section
// by section, for every property it emits: each expectation below is the model's MUST or the SHOULD we adopt, in
// the spirit of the assertions of w3c/web-annotation-tests (written here as plain checks, not their schemas). Then
// the JSON-LD: it expands in safe mode, which fails on any term the context does not define, instead of dropping it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import jsonld from "jsonld";
import { describe, expect, inject, it } from "vitest";

const site = inject("defaultSite");
const ANNO = "http://www.w3.org/ns/anno.jsonld";
const OA = "http://www.w3.org/ns/oa#";

/** 3.3.5: the motivations the model defines (the Web Annotation Vocabulary's instances of oa:Motivation). */
const MOTIVATIONS = [
  "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
  "identifying", "linking", "moderating", "questioning", "replying", "tagging",
];

const isIri = (value: unknown) => typeof value === "string" && /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value);
/** xsd:dateTime, and (3.3.1: SHOULD) with a timezone. */
const isDateTimeWithZone = (value: unknown) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value);
const isLanguageTag = (value: unknown) => typeof value === "string" && /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value);
const isMediaType = (value: unknown) => typeof value === "string" && /^[a-z]+\/[a-z0-9.+-]+$/.test(value);

async function readCollection(): Promise<any> {
  return JSON.parse(await readFile(path.join(site, "exports", "annotations.jsonld"), "utf8"));
}

/**
 * 3.3.2 Agents. An Agent SHOULD have exactly one IRI (id), at least one of the classes Person, Organization,
 * Software (type), and exactly one name.
 */
function expectAgent(agent: any, where: string) {
  expect(Array.isArray(agent), `${where} is one Agent`).toBe(false);
  expect(isIri(agent.id), `${where}.id`).toBe(true);
  expect(["Person", "Organization", "Software"], `${where}.type`).toContain(agent.type);
  expect(typeof agent.name, `${where}.name`).toBe("string");
}

describe("the Web Annotation export, by the Web Annotation Data Model", () => {
  it("is an AnnotationCollection with one page of every note (5.1, 5.2)", async () => {
    const collection = await readCollection();
    // 5.1: the collection MUST have the context, exactly one IRI, the type AnnotationCollection; label SHOULD be
    // a string, total a non-negative integer, first the first page.
    expect(collection["@context"]).toBe(ANNO);
    expect(isIri(collection.id)).toBe(true);
    expect(collection.type).toBe("AnnotationCollection");
    expect(typeof collection.label).toBe("string");
    const page = collection.first;
    // 5.2: a page MUST have an IRI, the type AnnotationPage and its items; startIndex is a non-negative integer.
    expect(isIri(page.id)).toBe(true);
    expect(page.type).toBe("AnnotationPage");
    expect(page.startIndex).toBe(0);
    expect(Array.isArray(page.items)).toBe(true);
    expect(collection.total).toBe(page.items.length);
    expect(page.items.length).toBe(46);
  });

  it("gives every annotation the context, an IRI, its type, a body and a target (3.1)", async () => {
    for (const annotation of (await readCollection()).first.items) {
      // An annotation taken out of the collection is valid alone: each carries the context itself.
      expect(annotation["@context"], annotation.id).toBe(ANNO);
      expect(isIri(annotation.id)).toBe(true);
      expect(annotation.type).toBe("Annotation");
      expect(annotation.body, annotation.id).toBeTypeOf("object");
      expect(annotation.target, annotation.id).toBeTypeOf("object");
      // 3.2.5: never both body and bodyValue.
      expect(annotation.bodyValue).toBeUndefined();
    }
  });

  it("gives each note's text as an embedded TextualBody with one value, its format and its language (3.2.4, 3.2.1)", async () => {
    for (const { id, body } of (await readCollection()).first.items) {
      expect(body.type, id).toBe("TextualBody");
      // MUST have exactly one value, a string; SHOULD have exactly one format and one language.
      expect(typeof body.value, id).toBe("string");
      expect(body.value.length, id).toBeGreaterThan(0);
      expect(body.format, id).toBe("text/html");
      expect(isLanguageTag(body.language), id).toBe(true);
      // 3.3.5: a purpose is one of the model's motivations.
      expect(MOTIVATIONS, id).toContain(body.purpose);
    }
  });

  it("dates every annotation as an xsd:dateTime with a timezone, and names its creator and generator as Agents (3.3.1, 3.3.2)", async () => {
    const items = (await readCollection()).first.items;
    for (const annotation of items) {
      // MUST: a created value is an xsd:dateTime; SHOULD: with a timezone. The edition was published 2026-11-22.
      expect(isDateTimeWithZone(annotation.created), `${annotation.id}: ${annotation.created}`).toBe(true);
      expect(annotation.created).toBe("2026-11-22T00:00:00Z");
      expectAgent(annotation.creator, `${annotation.id} creator`);
      expectAgent(annotation.generator, `${annotation.id} generator`);
      expect(annotation.generator.type).toBe("Software");
    }
    expect(items[0].creator).toEqual({
      id: "https://wikileaks-trump-jr-dms.example.org/#editor-the-annotated-edition-team",
      type: "Organization",
      name: "The Annotated Edition team",
    });
  });

  it("names the editors by an IRI that leads to their name on the home page", async () => {
    const creator = (await readCollection()).first.items[0].creator;
    const fragment = new URL(creator.id).hash.slice(1);
    const home = await readFile(path.join(site, "index.html"), "utf8");
    expect(home).toContain(`<span id="${fragment}">${creator.name}</span>`);
  });

  it("uses only the model's motivations, and rights as IRIs (3.3.5, 3.3.6)", async () => {
    const items = (await readCollection()).first.items;
    for (const annotation of items) {
      expect(MOTIVATIONS, annotation.id).toContain(annotation.motivation);
      expect(isIri(annotation.rights), annotation.id).toBe(true);
    }
    // The fact-check notes assess.
    expect(items.filter((a: any) => a.motivation === "assessing").length).toBeGreaterThan(0);
  });

  it("targets a SpecificResource of the message page, with its format and language, and selectors that select the same words (4, 4.2)", async () => {
    for (const { id, target } of (await readCollection()).first.items) {
      expect(target.type, id).toBe("SpecificResource");
      // 4: a Specific Resource MUST have exactly one source; the target SHOULD say its format and language.
      expect(isIri(target.source), id).toBe(true);
      expect(isMediaType(target.format), id).toBe(true);
      expect(isLanguageTag(target.language), id).toBe(true);
      expect(Array.isArray(target.selector), id).toBe(true);
      const [quote, fragment] = target.selector;
      // 4.2.4: exactly one exact; at most one prefix and one suffix, all strings.
      expect(quote.type).toBe("TextQuoteSelector");
      expect(typeof quote.exact).toBe("string");
      expect(quote.exact.length).toBeGreaterThan(0);
      expect(typeof quote.prefix).toBe("string");
      expect(typeof quote.suffix).toBe("string");
      // 4.2.1: a FragmentSelector MUST have exactly one value; conformsTo, when given, is one IRI. A single line's
      // anchor is an HTML id (RFC 3236 in the model's table).
      expect(fragment.type).toBe("FragmentSelector");
      expect(fragment.value).toMatch(/^L\d+[a-z]?(?:-L\d+[a-z]?)?$/);
      if (!fragment.value.includes("-")) expect(fragment.conformsTo).toBe("http://tools.ietf.org/rfc/rfc3236");
      else expect(fragment.conformsTo).toBeUndefined();
      // 4.3.3: refined by the same words within those lines, so that both alternatives select one segment.
      expect(fragment.refinedBy.type).toBe("TextQuoteSelector");
      expect(fragment.refinedBy.exact).toBe(quote.exact);
      expect(quote.prefix.endsWith(fragment.refinedBy.prefix)).toBe(true);
      expect(quote.suffix.startsWith(fragment.refinedBy.suffix)).toBe(true);
    }
  });

  it("expands as JSON-LD in safe mode, every term defined by the published context, assessing included", async () => {
    const collection = await readCollection();
    // The term definitions of the context published at http://www.w3.org/ns/anno.jsonld, for the terms the export
    // uses (as served by the W3C; older copies of the context, such as the Working Group repository's, lack
    // "assessing", which the Web Annotation Vocabulary defines as oa:assessing). Offline, the test serves them.
    const published = {
      "@context": {
        oa: OA,
        dc: "http://purl.org/dc/elements/1.1/",
        dcterms: "http://purl.org/dc/terms/",
        foaf: "http://xmlns.com/foaf/0.1/",
        rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        rdfs: "http://www.w3.org/2000/01/rdf-schema#",
        xsd: "http://www.w3.org/2001/XMLSchema#",
        as: "http://www.w3.org/ns/activitystreams#",
        id: { "@type": "@id", "@id": "@id" },
        type: { "@type": "@id", "@id": "@type" },
        Annotation: "oa:Annotation",
        TextualBody: "oa:TextualBody",
        SpecificResource: "oa:SpecificResource",
        FragmentSelector: "oa:FragmentSelector",
        TextQuoteSelector: "oa:TextQuoteSelector",
        Person: "foaf:Person",
        Organization: "foaf:Organization",
        Software: "as:Application",
        AnnotationCollection: "as:OrderedCollection",
        AnnotationPage: "as:OrderedCollectionPage",
        ...Object.fromEntries(MOTIVATIONS.map((motivation) => [motivation, `oa:${motivation}`])),
        body: { "@type": "@id", "@id": "oa:hasBody" },
        target: { "@type": "@id", "@id": "oa:hasTarget" },
        source: { "@type": "@id", "@id": "oa:hasSource" },
        selector: { "@type": "@id", "@id": "oa:hasSelector" },
        refinedBy: { "@type": "@id", "@id": "oa:refinedBy" },
        creator: { "@type": "@id", "@id": "dcterms:creator" },
        generator: { "@type": "@id", "@id": "as:generator" },
        rights: { "@type": "@id", "@id": "dcterms:rights" },
        conformsTo: { "@type": "@id", "@id": "dcterms:conformsTo" },
        items: { "@type": "@id", "@id": "as:items", "@container": "@list" },
        first: { "@type": "@id", "@id": "as:first" },
        motivation: { "@type": "@vocab", "@id": "oa:motivatedBy" },
        purpose: { "@type": "@vocab", "@id": "oa:hasPurpose" },
        format: "dc:format",
        language: "dc:language",
        value: "rdf:value",
        exact: "oa:exact",
        prefix: "oa:prefix",
        suffix: "oa:suffix",
        name: "foaf:name",
        label: "rdfs:label",
        created: { "@id": "dcterms:created", "@type": "xsd:dateTime" },
        total: { "@id": "as:totalItems", "@type": "xsd:nonNegativeInteger" },
        startIndex: { "@id": "as:startIndex", "@type": "xsd:nonNegativeInteger" },
      },
    };
    const documentLoader = async (url: string) => {
      if (url !== ANNO) throw new Error(`The export asked for a context other than the annotation model's: ${url}`);
      return { contextUrl: undefined, documentUrl: url, document: published };
    };
    // Safe mode throws on any term or value that would be dropped in expansion.
    // (@types/jsonld predates the safe option.)
    const expanded = await jsonld.expand(collection, { documentLoader, safe: true } as never);
    const triples = (await jsonld.toRDF(expanded as never, { format: "application/n-quads" })) as unknown as string;
    expect(triples).toContain(`<${OA}motivatedBy> <${OA}assessing>`);
    expect(triples).toContain(`<${OA}motivatedBy> <${OA}describing>`);
    expect(triples).toContain(`<http://purl.org/dc/terms/created> "2026-11-22T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>`);
    // Every annotation is in the graph, typed.
    expect(triples.match(new RegExp(` <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${OA}Annotation> `, "g"))).toHaveLength(collection.total);
  });
});
