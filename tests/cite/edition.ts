// A small edition for the cite tests, as plain objects of the load stage's types: the edition's metadata, three
// people, the first WikiLeaks direct message, Donald Trump Jr.'s tweet of October 14, 2016, a statement dated to
// the month, and the note on putintrump.org. The texts are those of content/ and annotations/.
import { VFile } from "vfile";
import type { Message } from "../../src/load/model.ts";
import type { EditionMeta, Person } from "../../src/load/schema.ts";
import { parseTimestamp } from "../../src/load/timestamp.ts";
import type { CitableNote, CiteContext } from "../../src/cite/index.ts";
import { TranscriptRenderer, transcriptJob } from "../../src/render/transcript-job.ts";

export const BASE_URL = "https://wikileaks-trump-jr-dms.example.org/";

export const edition: EditionMeta = {
  title: "WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017",
  subtitle: "An annotated edition of the Twitter messages as the November 2017 reporting quotes them",
  description: "The private Twitter direct messages between the WikiLeaks account and Donald Trump Jr.",
  editors: [{ name: "The Annotated Edition team" }],
  publisher: "The Annotated Edition team",
  license: "Editorial notes CC BY 4.0; quoted messages reproduced for commentary",
  license_url: "https://creativecommons.org/licenses/by/4.0/",
  base_url: BASE_URL,
  version: "1.0.0",
  published: "2026-11-22",
  language: "en",
};

/** What every CSL item of this edition carries, message or note: the edition it is in, its editors, version and publisher. */
export const IN_EDITION = {
  "container-title": "WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017",
  editor: [{ literal: "The Annotated Edition team" }],
  version: "1.0.0",
  publisher: "The Annotated Edition team",
};

/** The direct message of 20 September 2016 as a CSL-JSON item says who wrote it to whom, how and when. */
export const DM_AS_ITEM = {
  type: "personal_communication",
  language: "en",
  author: [{ literal: "WikiLeaks" }],
  recipient: [{ family: "Trump", given: "Donald", suffix: "Jr." }],
  title: "Direct message to Donald Trump Jr.",
  medium: "Twitter direct message",
  issued: { "date-parts": [[2016, 9, 20]] },
  ...IN_EDITION,
};

const personList: Person[] = [
  { id: "wikileaks", name: "WikiLeaks", kind: "organization", handle: "@wikileaks", citation_name: { literal: "WikiLeaks" } },
  {
    id: "donald-trump-jr",
    name: "Donald Trump Jr.",
    kind: "person",
    handle: "@DonaldJTrumpJr",
    citation_name: { family: "Trump", given: "Donald", suffix: "Jr." },
  },
  {
    id: "pence-press-secretary",
    name: "Mike Pence’s press secretary (not named)",
    kind: "person",
    citation_name: { literal: "Press secretary to Mike Pence" },
  },
  { id: "roger-stone", name: "Roger Stone", kind: "person" },
];

export const people = new Map(personList.map((person) => [person.id, person]));

function message(fields: Omit<Message, "time" | "origin" | "sources"> & { sources?: Message["sources"] }): Message {
  const time = parseTimestamp(fields.sent);
  if (!time) throw new Error(`bad test timestamp ${fields.sent}`);
  return {
    sources: [{ id: "atlantic" }],
    ...fields,
    time,
    origin: { file: new VFile({ path: `content/${fields.id}.md` }), bodyStartLine: 1, places: {} },
  };
}

export const wikileaksDm = message({
  id: "2016-09-20-wikileaks",
  kind: "direct-message",
  platform: "Twitter direct message",
  from: "wikileaks",
  to: ["donald-trump-jr"],
  sent: "2016-09-20T23:59-04:00",
  precision: "approximate",
  time_note: "just before the stroke of midnight",
  completeness: "complete",
  body: [
    "A PAC run anti-Trump site putintrump.org is about to launch",
    "The PAC is a recycled pro-Iraq war PAC.",
    "We have guessed the password.",
    "It is ‘putintrump.’",
    "See ‘About’ for who is behind it.",
    "Any comments?",
    "",
  ].join("\n"),
});

export const trumpJrTweet = message({
  id: "2016-10-14-trump-jr",
  kind: "public-post",
  platform: "Twitter",
  title: "Trump Jr. tweets the link",
  from: "donald-trump-jr",
  to: [],
  sent: "2016-10-14",
  precision: "day",
  order: 1,
  time_note: "in the morning, according to the unnamed blog",
  completeness: "complete",
  body: "For those who have the time to read about all the corruption and hypocrisy\nall the @wikileaks emails are right here: http://wlsearch.tk/\n",
});

export const penceStatement = message({
  id: "2017-11-pence-press-secretary",
  kind: "statement",
  platform: "Statement",
  title: "Statement by Mike Pence’s press secretary",
  from: "pence-press-secretary",
  to: [],
  sent: "2017-11",
  precision: "month",
  order: 2,
  time_note: "on the night a report of the messages was published (“earlier tonight”)",
  completeness: "complete",
  body: "He first learned of this news from a published report earlier tonight\n",
});

export const putintrumpNote: CitableNote = {
  id: "putintrump-site",
  title: "The site putintrump.org",
  kind: "context",
  firstLine: "1",
  lastLine: "1",
};

export function context(pagePath: string, accessed?: Date): CiteContext {
  return { edition, people, pageUrl: new URL(pagePath, BASE_URL).href, ...(accessed ? { accessed } : {}) };
}

const renderer = new TranscriptRenderer();
/** A message's lines as a reader sees them: rendered by the real transcript chain, Markdown gone. */
export function linesOf(message: Message): string[] {
  return renderer.render(transcriptJob(message, [])).lines.map((line) => line.text);
}
