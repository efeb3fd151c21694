// What a reader copies from the "cite this" panel: a direct message's line range, a public post and an editorial
// note in Chicago (full note), MLA 9, APA 7, BibTeX, RIS and CSL-JSON, exactly.
import { Cite } from "@citation-js/core";
import { describe, expect, it } from "vitest";
import { CITATION_FORMATS, formatCitation, formatCitationHtml, messageItem, noteItem } from "../../src/cite/index.ts";
import { context, DM_AS_ITEM, IN_EDITION, penceStatement, putintrumpNote, trumpJrTweet, wikileaksDm, linesOf } from "./edition.ts";

const EDITION = "WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017";
const DM_URL = "https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/#L2-L4";
const TWEET_URL = "https://wikileaks-trump-jr-dms.example.org/messages/2016-10-14-trump-jr/";
const NOTE_URL = "https://wikileaks-trump-jr-dms.example.org/notes/putintrump-site/";
const TWEET = "For those who have the time to read about all the corruption and hypocrisy all the @wikileaks emails are right here: http://wlsearch.tk/";

const dm = messageItem(wikileaksDm, linesOf(wikileaksDm), context("messages/2016-09-20-wikileaks/"), { first: "2", last: "4" });
const tweet = messageItem(trumpJrTweet, linesOf(trumpJrTweet), context("messages/2016-10-14-trump-jr/"));
const note = noteItem(putintrumpNote, wikileaksDm, context("notes/putintrump-site/"));

describe("a direct message's line range", () => {
  it("is cited in a full Chicago note with the lines, the edition and the anchored URL", () => {
    expect(formatCitation(dm, "chicago")).toBe(
      `WikiLeaks, Twitter direct message to Donald Trump Jr., September 20, 2016, in ${EDITION}, ed. The Annotated Edition team, version 1.0.0, lines 2–4, ${DM_URL}.`,
    );
  });

  it("is an MLA works-cited entry that describes the untitled message and keeps its date", () => {
    expect(formatCitation(dm, "mla")).toBe(
      `WikiLeaks. Twitter direct message to Donald Trump Jr. 20 Sept. 2016. ${EDITION}, edited by The Annotated Edition team, version 1.0.0, ${DM_URL}.`,
    );
  });

  it("is an APA reference from citation-js's bundled APA template", () => {
    expect(formatCitation(dm, "apa")).toBe(
      `WikiLeaks. (2016, September 20). Direct message to Donald Trump Jr. [Twitter direct message to Donald Trump Jr.]. In The Annotated Edition team (Ed.), ${EDITION} (Version 1.0.0). ${DM_URL}`,
    );
  });

  it("is a BibTeX @misc entry with a key naming the message and its lines", () => {
    expect(formatCitation(dm, "bibtex")).toBe(
      [
        "@misc{2016_09_20_wikileaks_L2_L4,",
        "\tauthor = {{WikiLeaks}},",
        "\teditor = {{The Annotated Edition team}},",
        "\tyear = {2016},",
        "\tmonth = {sep 20},",
        "\tpublisher = {The Annotated Edition team},",
        "\ttitle = {Direct message to {Donald} {Trump} {Jr}.},",
        "\turl = {https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/#L2-L4},",
        "\thowpublished = {Twitter direct message, in \\emph{WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016--2017}, version 1.0.0},",
        "\tnote = {Lines 2--4},",
        "}",
      ].join("\n"),
    );
  });

  it("is a RIS personal communication whose URL stays on one line", () => {
    expect(formatCitation(dm, "ris")).toBe(
      [
        "TY  - PCOMM",
        "A2  - Trump, Donald, Jr.",
        "AU  - WikiLeaks",
        "DA  - 2016/09/20/",
        "PY  - 2016",
        "ID  - 2016-09-20-wikileaks",
        "LA  - en",
        "PB  - The Annotated Edition team",
        "TI  - Direct message to Donald Trump Jr.",
        "UR  - https://wikileaks-trump-jr-dms.example.org/messages/2016-09-20-wikileaks/#L2-L4",
        "T2  - WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017",
        "ED  - The Annotated Edition team",
        "ET  - 1.0.0",
        "N1  - Lines 2–4",
        "ER  - ",
      ].join("\n"),
    );
  });

  it("is CSL-JSON that parses, says personal_communication and leaves the line locator to the citation", () => {
    const text = formatCitation(dm, "csl-json");
    const parsed: unknown = JSON.parse(text);
    expect(text).toBe(JSON.stringify(parsed, null, 2));
    expect(parsed).toEqual([
      {
        id: "2016-09-20-wikileaks#L2-L4",
        "citation-key": "2016_09_20_wikileaks_L2_L4",
        ...DM_AS_ITEM,
        URL: DM_URL,
      },
    ]);
  });
});

describe("Donald Trump Jr.'s tweet of October 14, 2016", () => {
  it("is a Chicago note quoting the tweet as its title", () => {
    expect(formatCitation(tweet, "chicago")).toBe(
      `Donald Trump Jr., “${TWEET},” Twitter, October 14, 2016, in ${EDITION}, ed. The Annotated Edition team, version 1.0.0, ${TWEET_URL}.`,
    );
  });

  it("is an MLA entry with Twitter as the first container and the edition as the second", () => {
    expect(formatCitation(tweet, "mla")).toBe(
      `Trump, Donald, Jr. “${TWEET}.” Twitter, 14 Oct. 2016. ${EDITION}, edited by The Annotated Edition team, version 1.0.0, ${TWEET_URL}.`,
    );
  });

  it("is an APA reference", () => {
    expect(formatCitation(tweet, "apa")).toBe(
      `Trump, D., Jr. (2016, October 14). ${TWEET} (The Annotated Edition team, Ed.) [Twitter]. ${EDITION}. ${TWEET_URL}`,
    );
  });

  it("is a BibTeX entry whose author keeps the suffix in BibTeX's place for it", () => {
    expect(formatCitation(tweet, "bibtex")).toBe(
      [
        "@misc{2016_10_14_trump_jr,",
        "\tauthor = {Trump, Jr., Donald},",
        "\teditor = {{The Annotated Edition team}},",
        "\tyear = {2016},",
        "\tmonth = {oct 14},",
        "\tpublisher = {The Annotated Edition team},",
        "\ttitle = {For those who have the time to read about all the corruption and hypocrisy all the @wikileaks emails are right here: http://wlsearch.tk/},",
        "\turl = {https://wikileaks-trump-jr-dms.example.org/messages/2016-10-14-trump-jr/},",
        "\thowpublished = {Twitter, in \\emph{WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016--2017}, version 1.0.0},",
        "}",
      ].join("\n"),
    );
  });

  it("is a RIS internet communication", () => {
    expect(formatCitation(tweet, "ris")).toBe(
      [
        "TY  - ICOMM",
        "AU  - Trump, Donald, Jr.",
        "DA  - 2016/10/14/",
        "PY  - 2016",
        "ID  - 2016-10-14-trump-jr",
        "LA  - en",
        "PB  - The Annotated Edition team",
        "TI  - For those who have the time to read about all the corruption and hypocrisy all the @wikileaks emails are right here: http://wlsearch.tk/",
        "UR  - https://wikileaks-trump-jr-dms.example.org/messages/2016-10-14-trump-jr/",
        "T2  - WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017",
        "ED  - The Annotated Edition team",
        "ET  - 1.0.0",
        "ER  - ",
      ].join("\n"),
    );
  });

  it("is CSL-JSON of type post", () => {
    expect(JSON.parse(formatCitation(tweet, "csl-json"))).toEqual([
      {
        id: "2016-10-14-trump-jr",
        type: "post",
        "citation-key": "2016_10_14_trump_jr",
        language: "en",
        author: [{ family: "Trump", given: "Donald", suffix: "Jr." }],
        title: TWEET,
        medium: "Twitter",
        issued: { "date-parts": [[2016, 10, 14]] },
        ...IN_EDITION,
        URL: TWEET_URL,
      },
    ]);
  });
});

describe("the editorial note on putintrump.org", () => {
  it("is a Chicago note naming its editorial author and the edition it is part of", () => {
    expect(formatCitation(note, "chicago")).toBe(
      `The Annotated Edition team, “The site putintrump.org,” in ${EDITION}, ed. The Annotated Edition team, version 1.0.0, November 22, 2026, ${NOTE_URL}.`,
    );
  });

  it("is an MLA entry dated by the edition", () => {
    expect(formatCitation(note, "mla")).toBe(
      `The Annotated Edition team. “The site putintrump.org.” ${EDITION}, edited by The Annotated Edition team, version 1.0.0, 22 Nov. 2026, ${NOTE_URL}.`,
    );
  });

  it("is an APA reference to a part of an edited work", () => {
    expect(formatCitation(note, "apa")).toBe(
      `The Annotated Edition team. (2026). The site putintrump.org. In The Annotated Edition team (Ed.), ${EDITION} (Version 1.0.0). ${NOTE_URL}`,
    );
  });

  it("is a BibTeX @inbook entry and a RIS chapter", () => {
    expect(formatCitation(note, "bibtex")).toBe(
      [
        "@inbook{note_putintrump_site,",
        "\tauthor = {{The Annotated Edition team}},",
        "\tbooktitle = {WikiLeaks and {Donald} {Trump} {Jr}.: The {Direct} {Messages}, 2016--2017},",
        "\teditor = {{The Annotated Edition team}},",
        "\tyear = {2026},",
        "\tmonth = {nov 22},",
        "\tpublisher = {The Annotated Edition team},",
        "\ttitle = {The site putintrump.org},",
        "\turl = {https://wikileaks-trump-jr-dms.example.org/notes/putintrump-site/},",
        "}",
      ].join("\n"),
    );
    expect(formatCitation(note, "ris")).toBe(
      [
        "TY  - CHAP",
        "A2  - The Annotated Edition team",
        "AU  - The Annotated Edition team",
        "ID  - note:putintrump-site",
        "LA  - en",
        "PB  - The Annotated Edition team",
        "PY  - 2026",
        "T2  - WikiLeaks and Donald Trump Jr.: The Direct Messages, 2016–2017",
        "TI  - The site putintrump.org",
        "UR  - https://wikileaks-trump-jr-dms.example.org/notes/putintrump-site/",
        "DA  - 2026/11/22/",
        "ET  - 1.0.0",
        "ER  - ",
      ].join("\n"),
    );
  });

  it("is CSL-JSON of type chapter", () => {
    expect(JSON.parse(formatCitation(note, "csl-json"))).toMatchObject([{ id: "note:putintrump-site", type: "chapter", title: "The site putintrump.org" }]);
  });
});

describe("formatting", () => {
  it("gives the month alone for a statement dated to the month", () => {
    const statement = messageItem(penceStatement, linesOf(penceStatement), context("messages/2017-11-pence-press-secretary/"), { first: "1", last: "1" });
    expect(formatCitation(statement, "chicago")).toBe(
      `Press secretary to Mike Pence, “Statement by Mike Pence’s press secretary,” November 2017, in ${EDITION}, ed. The Annotated Edition team, version 1.0.0, line 1, https://wikileaks-trump-jr-dms.example.org/messages/2017-11-pence-press-secretary/#L1.`,
    );
    expect(formatCitation(statement, "mla")).toBe(
      `Press secretary to Mike Pence. “Statement by Mike Pence’s press secretary.” Nov. 2017. ${EDITION}, edited by The Annotated Edition team, version 1.0.0, https://wikileaks-trump-jr-dms.example.org/messages/2017-11-pence-press-secretary/#L1.`,
    );
  });

  it("adds the date of access where Chicago and MLA put it", () => {
    const accessed = messageItem(trumpJrTweet, linesOf(trumpJrTweet), context("messages/2016-10-14-trump-jr/", new Date(2026, 11, 1)));
    expect(formatCitation(accessed, "chicago")).toBe(
      `Donald Trump Jr., “${TWEET},” Twitter, October 14, 2016, in ${EDITION}, ed. The Annotated Edition team, version 1.0.0, accessed December 1, 2026, ${TWEET_URL}.`,
    );
    expect(formatCitation(accessed, "mla")).toBe(
      `Trump, Donald, Jr. “${TWEET}.” Twitter, 14 Oct. 2016. ${EDITION}, edited by The Annotated Edition team, version 1.0.0, ${TWEET_URL}. Accessed 1 Dec. 2026.`,
    );
  });

  it("gives HTML with italic titles and a linked URL for the styles, and escaped text in a pre for the exports", () => {
    expect(formatCitationHtml(dm, "mla")).toBe(
      `<div class="csl-entry">WikiLeaks. Twitter direct message to Donald Trump Jr. 20 Sept. 2016. <i>${EDITION}</i>, edited by The Annotated Edition team, version 1.0.0, <a href="${DM_URL}">${DM_URL}</a>.</div>`,
    );
    expect(formatCitationHtml(tweet, "mla")).toContain(`.” <i>Twitter</i>, 14 Oct. 2016. <i>${EDITION}</i>`);
    expect(formatCitationHtml(dm, "chicago")).toBe(
      `<div class="csl-entry">WikiLeaks, Twitter direct message to Donald Trump Jr., September 20, 2016, in <i>${EDITION}</i>, ed. The Annotated Edition team, version 1.0.0, lines 2–4, <a href="${DM_URL}">${DM_URL}</a>.</div>`,
    );
    expect(formatCitationHtml(dm, "apa")).toBe(
      `<div class="csl-entry">WikiLeaks. (2016, September 20). Direct message to Donald Trump Jr. [Twitter direct message to Donald Trump Jr.]. In The Annotated Edition team (Ed.), <i>${EDITION}</i> (Version 1.0.0). <a href="${DM_URL}">${DM_URL}</a></div>`,
    );
    const withMarkup = { ...dm, title: "A <b> & c" };
    expect(formatCitationHtml(withMarkup, "ris")).toContain("TI  - A &lt;b&gt; &amp; c\n");
    expect(formatCitationHtml(withMarkup, "ris")).toMatch(/^<pre class="citation-export">TY {2}- PCOMM\n[^]*ER {2}- <\/pre>$/);
  });

  it("gives the same string for the same item, whatever was formatted before", () => {
    const first = CITATION_FORMATS.map((format) => formatCitation(dm, format));
    for (const format of CITATION_FORMATS) {
      formatCitation(tweet, format);
      formatCitation(note, format);
    }
    expect(CITATION_FORMATS.map((format) => formatCitation(dm, format))).toEqual(first);
  });

  it("exports BibTeX that citation-js reads back to the same author and title", () => {
    const [dmBack] = new Cite(formatCitation(dm, "bibtex")).data;
    // BibTeX has no literal names: a braced name comes back as a family name, with the same text.
    expect([dmBack?.author, dmBack?.title]).toEqual([[{ family: "WikiLeaks" }], "Direct message to Donald Trump Jr."]);
    const [tweetBack] = new Cite(formatCitation(tweet, "bibtex")).data;
    expect([tweetBack?.author, tweetBack?.title]).toEqual([[{ given: "Donald", family: "Trump", suffix: "Jr." }], TWEET]);
  });

  it("exports RIS with the type, author, title, year and URL lines", () => {
    const lines = formatCitation(tweet, "ris").split("\n");
    expect(lines.filter((line) => /^(TY|AU|TI|PY|UR) {2}- /.test(line))).toEqual([
      "TY  - ICOMM",
      "AU  - Trump, Donald, Jr.",
      "PY  - 2016",
      `TI  - ${TWEET}`,
      `UR  - ${TWEET_URL}`,
    ]);
  });
});
