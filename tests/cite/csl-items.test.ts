// The CSL-JSON items a citation is generated from: who wrote to whom, when (no more precisely than the sources
// say), in which edition, and which lines.
import { describe, expect, it } from "vitest";
import { messageItem, noteItem } from "../../src/cite/index.ts";
import { context, DM_AS_ITEM, edition, IN_EDITION, penceStatement, putintrumpNote, trumpJrTweet, wikileaksDm, linesOf } from "./edition.ts";

describe("messageItem", () => {
  it("makes a direct message a personal communication from the sender to the recipients, in the edition", () => {
    expect(messageItem(wikileaksDm, linesOf(wikileaksDm), context("messages/2016-09-20-wikileaks/"))).toEqual({
      id: "2016-09-20-wikileaks",
      "citation-key": "2016_09_20_wikileaks",
      ...DM_AS_ITEM,
      URL: "https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/",
    });
  });

  it("points a line range at its anchor and gives it as a locator labelled line", () => {
    const item = messageItem(wikileaksDm, linesOf(wikileaksDm), context("messages/2016-09-20-wikileaks/"), { first: "2", last: "4" });
    expect(item).toMatchObject({
      id: "2016-09-20-wikileaks#L2-L4",
      "citation-key": "2016_09_20_wikileaks_L2_L4",
      URL: "https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/#L2-L4",
      locator: "2-4",
      label: "line",
    });
    const line = messageItem(wikileaksDm, linesOf(wikileaksDm), context("messages/2016-09-20-wikileaks/"), { first: "3", last: "3" });
    expect([line.URL, line.locator]).toEqual(["https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/#L3", "3"]);
  });

  it("makes a public post a CSL post titled by its own words, not by the editors' heading", () => {
    const item = messageItem(trumpJrTweet, linesOf(trumpJrTweet), context("messages/2016-10-14-trump-jr/"));
    expect(item).toMatchObject({
      type: "post",
      author: [{ family: "Trump", given: "Donald", suffix: "Jr." }],
      title: "For those who have the time to read about all the corruption and hypocrisy all the @wikileaks emails are right here: http://wlsearch.tk/",
      medium: "Twitter",
      issued: { "date-parts": [[2016, 10, 14]] },
    });
    expect(item).not.toHaveProperty("recipient");
  });

  it("cuts a long post's text at a word before 160 characters, with an ellipsis", () => {
    const body = `${"word ".repeat(40)}end`;
    const { title } = messageItem({ ...trumpJrTweet, body }, linesOf({ ...trumpJrTweet, body }), context("messages/long/"));
    expect(title).toBe(`${"word ".repeat(32).trim()}…`);
    expect(title!.length).toBeLessThanOrEqual(160);
  });

  it("never invents a day for a message dated to the month", () => {
    const item = messageItem(penceStatement, linesOf(penceStatement), context("messages/2017-11-pence-press-secretary/"));
    expect(item).toMatchObject({
      type: "document",
      author: [{ literal: "Press secretary to Mike Pence" }],
      title: "Statement by Mike Pence’s press secretary",
      issued: { "date-parts": [[2017, 11]] },
    });
  });

  it("records the reader's date of access only when it is given", () => {
    const accessed = messageItem(wikileaksDm, linesOf(wikileaksDm), context("messages/2016-09-20-wikileaks/", new Date(2026, 11, 1)));
    expect(accessed.accessed).toEqual({ "date-parts": [[2026, 12, 1]] });
    expect(messageItem(wikileaksDm, linesOf(wikileaksDm), context("messages/2016-09-20-wikileaks/"))).not.toHaveProperty("accessed");
  });

  it("names a person without citation name parts by the name as written, unsplit", () => {
    const stone = { ...trumpJrTweet, id: "2016-10-02-roger-stone", from: "roger-stone" };
    expect(messageItem(stone, linesOf(stone), context("messages/2016-10-02-roger-stone/")).author).toEqual([{ literal: "Roger Stone" }]);
  });

  it("names the person id that people.yaml lacks, and what to do", () => {
    expect(() => messageItem({ ...wikileaksDm, from: "julian-assange" }, linesOf({ ...wikileaksDm, from: "julian-assange" }), context("messages/x/"))).toThrow(
      'Cannot cite: no person "julian-assange" in people.yaml. Add them there, or fix the id in the message\'s from/to.',
    );
  });
});

describe("noteItem", () => {
  it("cites an unsigned note as the editors' part of the edition, at the note's own page", () => {
    expect(noteItem(putintrumpNote, wikileaksDm, context("notes/putintrump-site/"))).toEqual({
      id: "note:putintrump-site",
      type: "chapter",
      "citation-key": "note_putintrump_site",
      language: "en",
      author: [{ literal: "The Annotated Edition team" }],
      title: "The site putintrump.org",
      issued: { "date-parts": [[2026, 11, 22]] },
      ...IN_EDITION,
      URL: "https://wikileaks-trump-jr-dms.example.org/notes/putintrump-site/",
    });
  });

  it("names a signed note's author, and titles an untitled note by the message and lines it is on", () => {
    const note = { id: "first-message-timing", author: "Jane Roe", kind: "variant", firstLine: "1", lastLine: "2" };
    expect(noteItem(note, wikileaksDm, context("notes/first-message-timing/"))).toMatchObject({
      author: [{ literal: "Jane Roe" }],
      title: "Note on WikiLeaks to Donald Trump Jr., lines 1–2",
    });
  });

  it("cites a note at its own anchor on its message's page, under the edition's path prefix", () => {
    const pageUrl = "https://example.org/letters/messages/2016-09-20-wikileaks/#note-putintrump-site";
    expect(noteItem(putintrumpNote, wikileaksDm, { ...context("x/"), pageUrl }).URL).toBe(pageUrl);
  });

  it("gives an editor who signs a note the name parts the edition gives them", () => {
    const editors = [{ name: "Jane Roe", family: "Roe", given: "Jane" }];
    const note = { ...putintrumpNote, author: "Jane Roe" };
    const item = noteItem(note, wikileaksDm, { ...context("notes/putintrump-site/"), edition: { ...edition, editors } });
    expect([item.author, item.editor]).toEqual([[{ family: "Roe", given: "Jane" }], [{ family: "Roe", given: "Jane" }]]);
  });
});
