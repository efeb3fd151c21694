// How the edition names people and messages, in one place for every page and every citation: a list of names, a
// person's name, and a message's titles. Two wordings of one thing ("A, B and C" on a page, "A, B, and C" in its
// citation) read as two different things.
import type { Message } from "./model.ts";
import type { MessageKind, Person } from "./schema.ts";

export const KIND_LABELS: Record<MessageKind, string> = {
  "direct-message": "Direct message",
  email: "Email",
  letter: "Letter",
  "public-post": "Public post",
  statement: "Statement",
};

/** A person's name as people.yaml gives it, or the id when the person is unknown (a problem reported elsewhere). */
export function personName(people: ReadonlyMap<string, Person>, id: string): string {
  return people.get(id)?.name ?? id;
}

/** "A", "A and B", "A, B, and C": the serial comma, as the Chicago Manual of Style (6.19) and the citations use it. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")}, and ${names.at(-1)}`;
}

/** The edition's name for a message, on its page and wherever it is listed: "WikiLeaks to Donald Trump Jr.", or its own title. */
export function messageTitle(message: Pick<Message, "title" | "from" | "to" | "kind">, people: ReadonlyMap<string, Person>): string {
  if (message.title) return message.title;
  const from = personName(people, message.from);
  const to = message.to.map((id) => personName(people, id));
  return to.length ? `${from} to ${listNames(to)}` : `${from}, ${KIND_LABELS[message.kind].toLowerCase()}`;
}

/** Chicago quotes up to 160 characters of a post's text in place of a title (CMOS 17, 14.209). */
const POST_TITLE_LIMIT = 160;

/**
 * A message's title in a citation: an email's or a letter's subject, a description of a direct message ("Direct
 * message to Donald Trump Jr."), and a public post by its own words, as a reader sees them (`lines` are the render
 * stage's text, without Markdown), cut at a word before 160 characters.
 */
export function citationTitle(message: Pick<Message, "title" | "to" | "kind">, lines: readonly string[], people: ReadonlyMap<string, Person>): string {
  switch (message.kind) {
    case "direct-message":
    case "email":
    case "letter":
      // An email's or a letter's own title (its subject) wins; a direct message has none, so it is described.
      return message.title ?? `${KIND_LABELS[message.kind]} to ${listNames(message.to.map((id) => personName(people, id)))}`;
    case "public-post":
      // Chicago (14.209) and MLA 9 both cite a post by its own words. The front matter's title is the editors'
      // heading for the page, and quoting it as the post would put words in the author's mouth.
      return excerpt(lines);
    case "statement":
      return message.title ?? excerpt(lines);
  }
}

/** The lines joined, cut at a word before 160 characters with an ellipsis. */
function excerpt(lines: readonly string[]): string {
  const text = lines.map((line) => line.trim()).filter((line) => line.length > 0).join(" ");
  if (text.length <= POST_TITLE_LIMIT) return text;
  // The last space within the first 160 characters ends the excerpt, so that the ellipsis keeps it within 160.
  const lastSpace = text.slice(0, POST_TITLE_LIMIT).lastIndexOf(" ");
  const cut = lastSpace > 0 ? text.slice(0, lastSpace) : text.slice(0, POST_TITLE_LIMIT - 1);
  return `${cut.replace(/[\s,;:]+$/, "")}…`;
}
