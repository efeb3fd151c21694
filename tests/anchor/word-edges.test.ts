// Where a passage may start and end: between words, in every script, never inside one.
import { describe, expect, it } from "vitest";
import { insideWord, toWordEdges } from "../../src/anchor/word-edges.ts";

describe("word edges", () => {
  it("puts every letter of a word, including after an apostrophe, inside it", () => {
    expect(insideWord("the", 1)).toBe(true);
    expect(insideWord("we’ve had", 3, "start")).toBe(true);
    expect(insideWord("we’ve had", 3, "end")).toBe(true);
    expect(insideWord("don't", 4)).toBe(true);
    expect(insideWord("we’ve had", 5)).toBe(false);
    expect(insideWord("co-operate", 3)).toBe(false);
  });

  it("lets a passage end before a clitic (Trump out of Trump’s) but never start with one", () => {
    expect(insideWord("Trump’s team", 5, "end")).toBe(false);
    expect(insideWord("Trump’s team", 5, "start")).toBe(true);
    expect(insideWord("the Clintons’ emails", 12, "end")).toBe(false);
  });

  it("treats any boundary in a script written without spaces as a possible edge, and never splits a letter from its mark", () => {
    expect(insideWord("委員会の会議", 3)).toBe(false);
    expect(insideWord("ありがとう", 2)).toBe(false);
    expect(insideWord("مرحبا بكم", 2)).toBe(true);
    expect(insideWord("مرحبا بكم", 5)).toBe(false);
    expect(insideWord("Καλημέρα σας", 4)).toBe(true);
    expect(insideWord("e\u0301tude", 1)).toBe(true);
  });

  it("widens a range to whole words, a whole code point at a time", () => {
    expect(toWordEdges("Houston, we’ve had a problem", { start: 11, end: 20 })).toEqual({ start: 9, end: 20 });
    expect(toWordEdges("Houston, we’ve had a problem", { start: 9, end: 22 })).toEqual({ start: 9, end: 28 });
    expect(toWordEdges("𝐀𝐁𝐂 x", { start: 2, end: 4 })).toEqual({ start: 0, end: 6 });
    // An edge the quote means to be inside a word stays where it is.
    expect(toWordEdges("WikiLeaks", { start: 4, end: 9 }, { start: true })).toEqual({ start: 4, end: 9 });
  });
});
