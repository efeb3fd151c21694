// The benchmark's synthetic edition: N transcripts and M annotations in the README's formats, deterministic for a
// seed. Quotes are taken from the plain text of their target and made unique there (with a prefix or suffix when
// the words recur), so that the edition builds without errors at any size.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { AnchorResolver } from "../../src/anchor/resolve-anchor.ts";
import { suggestDisambiguation } from "../../src/anchor/text-quote.ts";
import { TranscriptText } from "../../src/anchor/transcript-text.ts";
import { createRandom, createZipf, type Random } from "./prng.ts";
import { createLine, createSentences, createVocabulary, type TextLine, type Vocabulary } from "./synthetic-text.ts";

export interface GenerateOptions {
  messages: number;
  annotations: number;
  seed?: number;
  /** How many people write and receive messages (default 300). */
  people?: number;
}

export interface GeneratedMessage {
  id: string;
  file: string;
  lines: number;
  characters: number;
  annotations: number;
  quoteAnnotations: number;
}

export interface GeneratedAnnotation {
  id: string;
  file: string;
  target: string;
  anchor: "quote" | "quote-with-context" | "lines";
}

/** What was generated, for the benchmark's later steps (which page is typical, what to search, what to edit). */
export interface GeneratedEdition {
  root: string;
  seed: number;
  messages: GeneratedMessage[];
  annotations: GeneratedAnnotation[];
  people: number;
  sources: number;
  /** A word that occurs in many messages, for a typical search. */
  searchTerm: string;
  searchTermMessages: number;
  bytes: number;
}

const GIVEN = (
  "Ada Ben Clara Daniel Elena Farid Grace Hugo Ines Jonas Kara Liam Maya Noor Omar Paula Quentin Rosa Samir Tara " +
  "Umar Vera Walter Xenia Yusuf Zoe Anna Boris Chloe Dmitri Emma Felix Greta Hassan Ivy Jakob Leila Marco Nadia " +
  "Oskar Priya Rafael Sofia Tomas Ursula Viktor Wanda Yara Aaron Beatrice Carlos Delia Erik Fatima Gideon Helena"
).split(" ");
const FAMILY = (
  "Abbott Bauer Castro Dalton Ekwueme Fischer Gallagher Haddad Ivanova Jensen Kowalski Lindqvist Moreau Nakamura " +
  "Okafor Petrov Quinn Rossi Schmidt Takahashi Ueda Varga Whitfield Xu Yilmaz Zeller Andersen Brennan Costa Duval " +
  "Esposito Ferreira Gruber Holm Iqbal Jovanovic Keller Lambert Mendes Novak Oliveira Pires Rahman Sato Tanaka " +
  "Urban Vogel Weiss Young Zimmermann Baptiste Chen Dubois Engel Fontaine"
).split(" ");
const ORGANISATION_WORDS = "Harbour Northern Civic Open Archive Press Union Standard Federal Maritime Record Daily".split(" ");

const KINDS = [
  { kind: "direct-message", platform: "Twitter direct message", weight: 60, lines: [1, 4], length: [20, 120] },
  { kind: "email", platform: "Email", weight: 25, lines: [3, 15], length: [40, 200] },
  { kind: "letter", platform: "Letter", weight: 5, lines: [4, 15], length: [40, 200] },
  { kind: "public-post", platform: "Twitter", weight: 7, lines: [1, 3], length: [20, 140] },
  { kind: "statement", platform: "Press statement", weight: 3, lines: [2, 8], length: [40, 200] },
] as const;

const PRECISIONS = [
  { precision: "minute", weight: 55 },
  { precision: "hour", weight: 10 },
  { precision: "day", weight: 20 },
  { precision: "month", weight: 5 },
  { precision: "approximate", weight: 10 },
] as const;

const TIME_NOTES = [
  "late that evening, according to the report",
  "the next morning, about 12 hours later",
  "around midnight",
  "some time in the afternoon",
  "shortly after the meeting",
  "early the same day",
];
const OFFSETS = ["-05:00", "-04:00", "+00:00", "+01:00", "+02:00", "-08:00", "-07:00", "+05:30", "Z"];
const NOTE_KINDS = ["context", "aftermath", "variant", "fact-check", "cross-reference", "silence"] as const;
const NOTE_KIND_WEIGHTS = [35, 15, 15, 15, 15, 5];
const STOPWORDS = new Set("the to and of a i you it in that is for we on this have be not with are but was they at so if just me will can what do about all my your from there an our as one would like know get think or he no time she up out by when them more now some been had".split(" "));

const yamlString = (value: string) => JSON.stringify(value);
const pad = (n: number, width = 5) => String(n).padStart(width, "0");
const two = (n: number) => String(n).padStart(2, "0");

interface Person {
  id: string;
  name: string;
  organisation: boolean;
  given?: string;
  family?: string;
}

function createPeople(random: Random, count: number): Person[] {
  const people: Person[] = [];
  const ids = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  for (let i = 0; i < count; i++) {
    if (random.chance(0.1)) {
      const name = `The ${random.pick(ORGANISATION_WORDS)} ${random.pick(ORGANISATION_WORDS)} ${random.pick(["Office", "Group", "Committee", "Network"])}`;
      people.push({ id: unique(name.toLowerCase().replace(/^the /, "").replace(/ /g, "-")), name, organisation: true });
    } else {
      const given = random.pick(GIVEN);
      const family = random.pick(FAMILY);
      people.push({ id: unique(`${given}-${family}`.toLowerCase()), name: `${given} ${family}`, organisation: false, given, family });
    }
  }
  return people;
}

function peopleYaml(people: Person[]): string {
  return people
    .map((person) =>
      [
        `- id: ${person.id}`,
        `  name: ${yamlString(person.name)}`,
        `  kind: ${person.organisation ? "organization" : "person"}`,
        `  handle: "@${person.id.replace(/-/g, "_").slice(0, 15)}"`,
        person.organisation
          ? `  citation_name: { literal: ${yamlString(person.name)} }`
          : `  citation_name: { family: ${person.family}, given: ${person.given} }`,
      ].join("\n"),
    )
    .join("\n") + "\n";
}

const SOURCES = `- id: chronicle
  short: The Chronicle
  kind: news article
  publisher: The Chronicle
  title: The messages, in full
  author: Jane Reporter
  published: 2020-11-14
  url: https://chronicle.example.org/messages
- id: gazette
  short: The Gazette
  kind: news article
  publisher: The Gazette
  title: What the emails show
  author: null
  published: 2020-11
  url: null
- id: ledger
  short: The Ledger
  kind: news article
  publisher: null
  title: null
  author: null
  published: null
  url: null
- id: court-filing
  short: Court filing
  kind: court document
  publisher: District Court
  title: Exhibit 12 to the complaint
  author: null
  published: 2021-03-02
  url: https://court.example.org/exhibit-12
  description: Exhibits filed with the complaint, with the messages as screenshots.
- id: archive
  short: The Archive
  kind: archive
  publisher: Open Archive
  title: Collected correspondence
  author: null
  published: "2022"
  url: https://archive.example.org/collection
  note: The archive's copies are of the printed reports, not the originals.
- id: interview
  short: Interview
  kind: interview
  publisher: The Chronicle
  title: A conversation about the messages
  author: Sam Interviewer
  published: 2020-12-01
  url: null
`;
const SOURCE_IDS = ["chronicle", "gazette", "ledger", "court-filing", "archive", "interview"];
const SOURCE_WEIGHTS = [30, 25, 15, 10, 15, 5];

/** The `sent` value and precision fields for an instant, in a zone, at a precision. */
function formatSent(random: Random, instant: number, precision: (typeof PRECISIONS)[number]["precision"]): string[] {
  const offset = random.pick(OFFSETS);
  const minutes = offset === "Z" ? 0 : (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(instant + minutes * 60_000);
  const date = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  const fields: string[] = [];
  if (precision === "month") fields.push(`sent: ${date.slice(0, 7)}`);
  else if (precision === "day") fields.push(`sent: ${date}`);
  else {
    const minute = precision === "hour" ? "00" : two(local.getUTCMinutes());
    fields.push(`sent: ${date}T${two(local.getUTCHours())}:${minute}${offset}`);
  }
  fields.push(`precision: ${precision}`);
  if (precision === "approximate") fields.push(`time_note: ${random.pick(TIME_NOTES)}`);
  return fields;
}

function sourceRefs(random: Random, attestation: () => string): string[] {
  const count = random.chance(0.3) ? 2 : 1;
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(random.weighted(SOURCE_IDS, SOURCE_WEIGHTS));
  return [...chosen].map((id) => (random.chance(0.15) ? `  - id: ${id}\n    quote: ${yamlString(attestation())}` : `  - ${id}`));
}

interface MessageDraft {
  id: string;
  /** The front matter's fields, without the fences. */
  frontMatter: string;
  lines: TextLine[];
  /** The plain lines joined as the anchor stage joins them, with whitespace collapsed. */
  collapsed: string;
  annotations: number;
  quoteAnnotations: number;
}

const resolvers = new WeakMap<MessageDraft, AnchorResolver>();

/** The draft's transcript as the anchor stage sees it (its plain lines, numbered from 1), read once per draft. */
function resolverFor(message: MessageDraft): AnchorResolver {
  let resolver = resolvers.get(message);
  if (!resolver) resolvers.set(message, (resolver = new AnchorResolver(message.id, new TranscriptText(message.lines.map((line, i) => ({ label: String(i + 1), text: line.plain }))))));
  return resolver;
}

/**
 * A quote of 2–6 words from the message (sometimes across a line break), with the shortest whole-word prefix or
 * suffix that makes it unique, as the real resolver (src/anchor/) will judge it at build time; undefined if no
 * quote was found in a few tries.
 */
function chooseQuote(random: Random, message: MessageDraft): { quote: string; prefix?: string; suffix?: string } | undefined {
  const words = message.collapsed.split(" ");
  if (words.length < 2) return undefined;
  const resolver = resolverFor(message);
  for (let attempt = 0; attempt < 8; attempt++) {
    const length = Math.min(words.length, random.int(2, 6));
    const start = random.int(0, words.length - length);
    const quote = words.slice(start, start + length).join(" ");
    const found = resolver.resolve({ quote });
    if (found.ok) return { quote };
    if (found.problem.rule !== "ambiguous-quote") continue;
    // The occurrence chosen, in the resolver's collapsed text (the words joined by single spaces).
    const at = words.slice(0, start).join(" ").length + (start > 0 ? 1 : 0);
    const { toOriginal } = resolver.collapsed;
    const context = suggestDisambiguation(resolver.collapsed, quote, { start: toOriginal[at]!, end: toOriginal[at + quote.length]! });
    if (context && resolver.resolve({ quote, ...context }).ok) return { quote, ...context };
  }
  return undefined;
}

function lineRange(random: Random, lineCount: number): string {
  const from = random.int(1, lineCount);
  const to = Math.min(lineCount, from + (random.chance(0.6) ? random.int(1, 2) : 0));
  return from === to ? `"${from}"` : `"${from}-${to}"`;
}

function noteBody(random: Random, vocabulary: Vocabulary, drafts: MessageDraft[], noteIds: string[]): string {
  let body = createSentences(random, vocabulary, random.int(1, 3));
  const other = random.pick(drafts);
  const roll = random.next();
  if (roll < 0.15) body += ` Compare [the earlier message](message:${other.id}).`;
  else if (roll < 0.25) {
    const line = random.int(1, other.lines.length);
    body += ` See [line ${line}](message:${other.id}#L${line}).`;
  } else if (roll < 0.3 && other.lines.length >= 2) body += ` See [these lines](message:${other.id}#L1-L2).`;
  else if (roll < 0.38) body += ` Compare [another note](note:${random.pick(noteIds)}).`;
  else if (roll < 0.42) body += ` The reports are discussed in [the method](page:about).`;
  else if (roll < 0.47) body += ` The *Chronicle* printed it [online](https://chronicle.example.org/${vocabulary.rareWord()}).`;
  return body;
}

export async function generateEdition(root: string, options: GenerateOptions): Promise<GeneratedEdition> {
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  const vocabulary = createVocabulary(random);
  const people = createPeople(random, options.people ?? 300);
  const senderRank = createZipf(random, people.length, 0.8);
  let bytes = 0;
  const write = async (file: string, text: string) => {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    bytes += Buffer.byteLength(text);
  };

  await write(
    "edition/edition.yaml",
    [
      "title: A Synthetic Correspondence",
      "subtitle: A benchmark edition",
      `description: ${options.messages} generated messages and ${options.annotations} generated notes, used to measure the build.`,
      "editors:",
      "  - name: Benchmark Editors",
      "publisher: The Benchmark",
      "license: CC0-1.0",
      "license_url: https://creativecommons.org/publicdomain/zero/1.0/",
      "base_url: https://bench.example.org/",
      "version: 1.0.0",
      "published: 2026-01",
      "language: en",
      "",
    ].join("\n"),
  );
  await write("edition/people.yaml", peopleYaml(people));
  await write("edition/sources.yaml", SOURCES);
  await write(
    "edition/pages/about.md",
    `---\ntitle: About this edition\nnav_order: 1\n---\nThis edition is generated for benchmarks. ${createSentences(random, vocabulary, 4)}\n`,
  );

  // Messages, in time order: from 2012 on, a few hours to a few days apart.
  const drafts: MessageDraft[] = [];
  let instant = Date.UTC(2012, 0, 1, 9, 0);
  const spanMs = 8 * 365 * 24 * 3600_000;
  for (let i = 0; i < options.messages; i++) {
    instant += Math.floor(random.next() * 2 * (spanMs / Math.max(1, options.messages)));
    const shape = random.weighted(KINDS, KINDS.map((k) => k.weight));
    const precision = random.weighted(PRECISIONS, PRECISIONS.map((p) => p.weight)).precision;
    const sent = formatSent(random, instant, precision);
    const date = sent[0]!.slice("sent: ".length, "sent: ".length + 10).replace(/T.*/, "");
    const id = `${date}-m${pad(i + 1)}`;
    const from = people[senderRank()]!;
    const to: string[] = [];
    if (shape.kind !== "public-post" && shape.kind !== "statement") {
      const count = random.chance(0.8) ? 1 : random.int(2, 3);
      while (to.length < count) {
        const recipient = people[senderRank()]!.id;
        if (recipient !== from.id && !to.includes(recipient)) to.push(recipient);
      }
    }
    const lines: TextLine[] = [];
    for (let n = random.int(shape.lines[0], shape.lines[1]); n > 0; n--)
      lines.push(createLine(random, vocabulary, random.int(shape.length[0], shape.length[1])));
    const fields = [
      `id: ${id}`,
      `kind: ${shape.kind}`,
      `platform: ${shape.platform}`,
      `from: ${from.id}`,
      `to: [${to.join(", ")}]`,
    ];
    if (i > 0 && random.chance(0.3)) fields.push(`in_reply_to: ${drafts[Math.max(0, i - random.int(1, 5))]!.id}`);
    fields.push(...sent);
    if (precision === "day" && random.chance(0.2)) fields.push(`order: ${random.int(1, 3)}`);
    fields.push(`completeness: ${random.chance(0.85) ? "complete" : "excerpt"}`);
    fields.push("sources:", ...sourceRefs(random, () => createSentences(random, vocabulary, 1)));
    if (random.chance(0.05)) fields.push(`title: ${yamlString(createSentences(random, vocabulary, 1).slice(0, 60).trim())}`);
    const collapsed = lines.map((line) => line.plain).join(" ");
    drafts.push({ id, frontMatter: fields.join("\n"), lines, collapsed, annotations: 0, quoteAnnotations: 0 });
  }

  // Annotations: targets drawn at random, so that some messages have many notes and some none.
  const noteIds = Array.from({ length: options.annotations }, (_, j) => `note-${pad(j + 1)}`);
  const annotations: GeneratedAnnotation[] = [];
  for (let j = 0; j < options.annotations && drafts.length; j++) {
    const id = noteIds[j]!;
    const target = random.pick(drafts);
    const kind = random.weighted(NOTE_KINDS, NOTE_KIND_WEIGHTS);
    const quote = random.chance(0.7) ? chooseQuote(random, target) : undefined;
    const anchor = quote
      ? [
          "anchor:",
          `  quote: ${yamlString(quote.quote)}`,
          ...(quote.prefix ? [`  prefix: ${yamlString(quote.prefix)}`] : []),
          ...(quote.suffix ? [`  suffix: ${yamlString(quote.suffix)}`] : []),
        ]
      : ["anchor:", `  lines: ${lineRange(random, target.lines.length)}`];
    const fields = [`id: ${id}`, `target: ${target.id}`, ...anchor, `kind: ${kind}`];
    fields.push(`sources: [${[...new Set([random.weighted(SOURCE_IDS, SOURCE_WEIGHTS), random.weighted(SOURCE_IDS, SOURCE_WEIGHTS)])].join(", ")}]`);
    if (random.chance(0.1)) fields.push(`title: ${yamlString(createSentences(random, vocabulary, 1).slice(0, 50).trim())}`);
    const file = `annotations/${id}.md`;
    await write(file, `---\n${fields.join("\n")}\n---\n${noteBody(random, vocabulary, drafts, noteIds)}\n`);
    target.annotations++;
    if (quote) target.quoteAnnotations++;
    annotations.push({ id, file, target: target.id, anchor: quote ? (quote.prefix || quote.suffix ? "quote-with-context" : "quote") : "lines" });
  }

  const messages: GeneratedMessage[] = [];
  for (const draft of drafts) {
    // Emails and letters have paragraphs; a blank line is not a citable line, so it changes no line number.
    const body = draft.lines
      .map((line, n) => (n > 0 && draft.lines.length > 3 && random.chance(0.2) ? `\n${line.markdown}` : line.markdown))
      .join("\n");
    const file = `content/${draft.id}.md`;
    await write(file, `---\n${draft.frontMatter}\n---\n${body}\n`);
    messages.push({
      id: draft.id,
      file,
      lines: draft.lines.length,
      characters: body.length,
      annotations: draft.annotations,
      quoteAnnotations: draft.quoteAnnotations,
    });
  }

  const { term, count } = frequentWord(drafts);
  return {
    root,
    seed,
    messages,
    annotations,
    people: people.length,
    sources: SOURCE_IDS.length,
    searchTerm: term,
    searchTermMessages: count,
    bytes,
  };
}

/** The content word (not a stopword or part of a URL, five letters or more) that the most messages contain. */
function frequentWord(drafts: MessageDraft[]): { term: string; count: number } {
  const documents = new Map<string, number>();
  for (const draft of drafts) {
    const words = new Set(draft.collapsed.toLowerCase().replace(/https?:\/\/\S+/g, " ").match(/[a-z]+/g) ?? []);
    for (const word of words) if (word.length >= 5 && !STOPWORDS.has(word)) documents.set(word, (documents.get(word) ?? 0) + 1);
  }
  let best = { term: "message", count: 0 };
  for (const [term, count] of documents) if (count > best.count) best = { term, count };
  return best;
}
