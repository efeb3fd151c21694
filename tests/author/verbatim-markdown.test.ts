// The import's escaping, checked with the render stage's own transcript chain: each line of a message renders as
// exactly that line, however much Markdown it happens to look like.
import { describe, expect, it } from "vitest";
import { VerbatimTranscriber } from "../../src/author/transcribe-verbatim.ts";
import { escapeLine } from "../../src/author/verbatim-markdown.ts";
import { TranscriptRenderer } from "../../src/render/transcript-job.ts";

const renderer = new TranscriptRenderer();
const renderedLines = (body: string) => renderer.render({ id: "t", path: "t.md", body, bodyStartLine: 1, annotations: [] }).lines.map((line) => line.text);

const TRICKY = [
  "# Agenda", "## two", "#hashtag", "#5 in the blue book", "> quoted", "- item", "+ item", "* item", "1. first", "2) second", "---", "===", "***", "___", "- - -",
  "Some *emphasis*, _this_ and snake_case_name", "`code` and ``more``", "~~struck~~ and ~one~", "[link](http://x.org) ![img](y.png) [^1]",
  "<b>bold</b> <!-- comment --> <http://a.org>", "a | b | c", "|---|---|", "&amp; &copy; &#169; AT&T", "ends with a backslash \\", "path\\to\\file",
  "{{ name }} and {% tag %}", "see http://a.org/x_y_z and www.b.org/a_b, mail ada@example.org.", "_see http://a.org/foo_", "x http://a.org/&amp; y",
  "**bold**text", "__init__.py", "a*b*c", "[[wiki]]", "<3 -> =>", "emoji 🙂 and ’quotes’ “ ”",
];

describe("verbatim transcription", () => {
  it("would be needed: unescaped, Markdown changes these lines", () => {
    expect(renderedLines("# Agenda\n")).toEqual(["Agenda"]);
    expect(renderedLines("Some *emphasis*\n")).toEqual(["Some emphasis"]);
  });

  it("renders every tricky line as written, one per line and all in one message", () => {
    const transcriber = new VerbatimTranscriber();
    for (const line of TRICKY) {
      const { body, unfaithful } = transcriber.transcribe(line);
      expect(unfaithful, line).toEqual([]);
      expect(renderedLines(body), line).toEqual([line]);
    }
    const all = transcriber.transcribe(TRICKY.join("\n"));
    expect(all.unfaithful).toEqual([]);
    expect(renderedLines(all.body)).toEqual(TRICKY);
  });

  it("keeps the file readable: only what Markdown acts on is escaped", () => {
    expect(escapeLine("# Agenda")).toBe("\\# Agenda");
    expect(escapeLine("1. Warm-up")).toBe("1\\. Warm-up");
    expect(escapeLine("Meet at 19:00, bring snake_case notes (and 1.5 litres).")).toBe("Meet at 19:00, bring snake_case notes (and 1.5 litres).");
    expect(escapeLine("{{ name }} {% tag %}")).toBe("{{ name }} {% tag %}");
    expect(escapeLine("see https://example.org/choir_rota")).toBe("see https://example.org/choir_rota");
  });

  it("falls back to escaping every punctuation mark of a line the readable escaping gets wrong", () => {
    const { body } = new VerbatimTranscriber().transcribe("x http://a.org/&amp; y");
    expect(body).toBe("x http\\:\\/\\/a\\.org\\/\\&amp\\; y\n");
  });

  it("keeps blank lines between paragraphs and drops the spaces at a line's ends that cannot be shown", () => {
    const { body, trimmed } = new VerbatimTranscriber().transcribe("\nThanks!\n\nA.\n-- \n  indented\n\n");
    expect(body).toBe("Thanks!\n\nA.\n\\--\nindented\n");
    expect(trimmed).toEqual([4, 5]);
    expect(renderedLines(body)).toEqual(["Thanks!", "A.", "--", "indented"]);
  });
});
