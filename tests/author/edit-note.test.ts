// Editing a note from the page rewrites only what the form changed, in the style the file was written in, so that
// the file stays the one the editor wrote by hand: comments, the anchor, fields the form does not know, blank lines.
import { describe, expect, it } from "vitest";
import { AuthorError } from "../../src/author/author-error.ts";
import { editedNoteText, noteFormFields } from "../../src/author/edit-note.ts";

const HAND_WRITTEN = `---
id: ask-around
target: 2016-09-21-trump-jr
anchor:
  quote: I’ll ask around
  prefix: "but "  # chosen so that the quote is found once only
  line: 1
kind: aftermath
title: Did he ask around?
sources: [atlantic, daily-news]
author: Ada Quill  # the form does not know this field
---
The Atlantic says he did.
`;

describe("editing a note's file from the page", () => {
  it("reads the fields the form shows", () => {
    expect(noteFormFields(HAND_WRITTEN, "annotations/ask-around.md")).toEqual({
      kind: "aftermath",
      title: "Did he ask around?",
      sources: ["atlantic", "daily-news"],
      body: "The Atlantic says he did.\n",
    });
  });

  it("leaves the file byte for byte as it was when nothing changed", () => {
    const fields = noteFormFields(HAND_WRITTEN, "annotations/ask-around.md");
    expect(editedNoteText(HAND_WRITTEN, fields, "annotations/ask-around.md")).toBe(HAND_WRITTEN);
  });

  it("rewrites the kind, title, sources and text where they stand, and nothing else", () => {
    const edited = editedNoteText(HAND_WRITTEN, { kind: "context", title: "Did he: ask around?", sources: ["atlantic", "the-hill"], body: "He did, the same day." }, "annotations/ask-around.md");
    expect(edited).toBe(
      HAND_WRITTEN.replace("kind: aftermath", "kind: context")
        .replace("title: Did he ask around?", 'title: "Did he: ask around?"')
        .replace("sources: [atlantic, daily-news]", "sources: [atlantic, the-hill]")
        .replace("The Atlantic says he did.\n", "He did, the same day.\n"),
    );
  });

  it("removes an emptied title, and adds one after the kind, as the edition's notes have it", () => {
    const untitled = editedNoteText(HAND_WRITTEN, { kind: "aftermath", title: "", sources: ["atlantic", "daily-news"], body: "The Atlantic says he did." }, "a.md");
    expect(untitled).toBe(HAND_WRITTEN.replace("title: Did he ask around?\n", ""));
    expect(editedNoteText(untitled, { kind: "aftermath", title: "Did he ask around?", sources: ["atlantic", "daily-news"], body: "The Atlantic says he did." }, "a.md")).toBe(HAND_WRITTEN);
  });

  it("keeps a block list a block list, and drops the placeholder's TODO once sources are named", () => {
    const block = "---\nid: x\ntarget: m\nanchor:\n  lines: 2-3\nkind: context\nsources:\n  - gazette\n  - ledger\n# the editor's own comment\n---\nText.\n";
    expect(editedNoteText(block, { kind: "context", title: "", sources: ["ledger", "harbour-log"], body: "Text." }, "x.md")).toBe(
      "---\nid: x\ntarget: m\nanchor:\n  lines: 2-3\nkind: context\nsources:\n  - ledger\n  - harbour-log\n# the editor's own comment\n---\nText.\n",
    );
    const placeholder = "---\nid: x\ntarget: m\nanchor:\n  lines: 2\nkind: context\nsources: [todo-source]  # TODO: the ids of the sources the note rests on (edition/sources.yaml)\n---\nTODO: write the note.\n";
    expect(editedNoteText(placeholder, { kind: "context", title: "", sources: ["gazette"], body: "The Gazette's report." }, "x.md")).toBe(
      "---\nid: x\ntarget: m\nanchor:\n  lines: 2\nkind: context\nsources: [gazette]\n---\nThe Gazette's report.\n",
    );
  });

  it("keeps a source's quote and locator, and leaves a list of such entries in block style to the editor's own editor", () => {
    const flow = '---\nid: x\ntarget: m\nanchor:\n  lines: 2\nkind: context\nsources: [{ id: gazette, locator: p. 4 }, ledger]\n---\nText.\n';
    expect(editedNoteText(flow, { kind: "context", title: "", sources: ["gazette"], body: "Text." }, "x.md")).toBe(
      '---\nid: x\ntarget: m\nanchor:\n  lines: 2\nkind: context\nsources: [{ id: gazette, locator: p. 4 }]\n---\nText.\n',
    );
    const block = "---\nid: x\ntarget: m\nanchor:\n  lines: 2\nkind: context\nsources:\n  - id: gazette\n    quote: the lamp\n  - ledger\n---\nText.\n";
    expect(editedNoteText(block, { kind: "context", title: "", sources: ["ledger"], body: "Text." }, "x.md")).toBe("---\nid: x\ntarget: m\nanchor:\n  lines: 2\nkind: context\nsources:\n  - ledger\n---\nText.\n");
    expect(() => editedNoteText(block, { kind: "context", title: "", sources: ["ledger", "gazette"], body: "Text." }, "annotations/x.md")).toThrow(
      new AuthorError({ message: "annotations/x.md: its sources carry quotes or locators, one field per line", hint: "Change its sources in your editor; the form changed nothing." }),
    );
  });
});
