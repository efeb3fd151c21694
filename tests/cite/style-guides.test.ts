// Our two CSL styles against the style guides' published examples for personal communications (direct messages,
// texts, emails) and social-media posts. The Chicago Manual and the MLA Handbook are not freely readable, so each
// example is taken from a university library guide that reproduces it, named with its URL. Each test builds a CSL
// item holding the example's facts and expects the example back; the only differences allowed are listed with it.
import { plugins } from "@citation-js/core";
import { describe, expect, it } from "vitest";
import { CSL_STYLE_NAMES, formatCitation, type CslItem } from "../../src/cite/index.ts";

/** The Chicago bibliography layout, which formatCitation does not use (it gives the note), through citation-js. */
function chicagoBibliographyEntry(item: CslItem): string {
  return plugins.output.format("bibliography", [item], { template: CSL_STYLE_NAMES.chicago, format: "text", lang: "en-US" }).trim();
}

/**
 * Web pages print straight quotation marks where the guides' own pages have typographic ones; our styles print
 * the typographic marks of the en-US CSL locale. This is the only change made to the examples' text.
 */
function curlyQuotes(example: string): string {
  return example.replace(/"(?=\S)/g, "“").replace(/"/g, "”");
}

describe("Chicago Manual of Style, 17th edition", () => {
  it("reproduces 14.214's note for a message sent through social media to the author", () => {
    // CMOS 17, 14.214 (personal communications, including "direct or private messages shared through social
    // media"), as reproduced in Southern New Hampshire University's guide "Chicago Style: Basics",
    // https://libguides.snhu.edu/c.php?g=307818&p=5880540 :
    //   3. Jessica Murphy, Facebook message to author, January 29, 2018.
    //   2. Abby Smith, text message to author, October 2, 2017.
    // The note number is the writer's, not the style's.
    const facebook: CslItem = {
      id: "murphy",
      type: "personal_communication",
      author: [{ family: "Murphy", given: "Jessica" }],
      recipient: [{ literal: "author" }],
      medium: "Facebook message",
      issued: { "date-parts": [[2018, 1, 29]] },
    };
    expect(formatCitation(facebook, "chicago")).toBe("Jessica Murphy, Facebook message to author, January 29, 2018.");
    const text: CslItem = {
      id: "smith",
      type: "personal_communication",
      author: [{ family: "Smith", given: "Abby" }],
      recipient: [{ literal: "author" }],
      medium: "text message",
      issued: { "date-parts": [[2017, 10, 2]] },
    };
    expect(formatCitation(text, "chicago")).toBe("Abby Smith, text message to author, October 2, 2017.");
  });

  it("reproduces 14.209's note for a tweet, but for the time of day", () => {
    // CMOS 17, 14.209 (citing social media content), applied in Auckland University of Technology's guide
    // "Chicago Referencing Guide: Social media", https://aut.ac.nz.libguides.com/c.php?g=685064&p=4840651 :
    //   32. Stephen Fry (@stephenfry), "Happy Birth and Death Day, Shakespeare. Keep slaying those dragons, George
    //   #StGeorgesDay," Twitter, April 22, 2019, 11:29 p.m., https://twitter.com/stephenfry/status/1120575417151369221.
    // Differences: (1) no "11:29 p.m.": CSL 1.0.2 dates have no time of day, and 14.209 makes the time optional
    // ("a time stamp ... to differentiate a post from others on the same day"); (2) CSL has no variable for a
    // screen name, so "Stephen Fry (@stephenfry)" is given as a literal name, which is how Chicago prints it.
    const tweet: CslItem = {
      id: "fry",
      type: "post",
      author: [{ literal: "Stephen Fry (@stephenfry)" }],
      title: "Happy Birth and Death Day, Shakespeare. Keep slaying those dragons, George #StGeorgesDay",
      medium: "Twitter",
      issued: { "date-parts": [[2019, 4, 22]] },
      URL: "https://twitter.com/stephenfry/status/1120575417151369221",
    };
    const example =
      'Stephen Fry (@stephenfry), "Happy Birth and Death Day, Shakespeare. Keep slaying those dragons, George #StGeorgesDay," Twitter, April 22, 2019, 11:29 p.m., https://twitter.com/stephenfry/status/1120575417151369221.';
    expect(formatCitation(tweet, "chicago")).toBe(curlyQuotes(example).replace(" 11:29 p.m.,", ""));
  });

  it("reproduces 14.209's own Instagram note and Facebook bibliography entry", () => {
    // CMOS 17, 14.209's examples, as reproduced in Bond University's guide "Chicago referencing: Social media",
    // https://bond.libguides.com/chicago/social-media (the guide's excerpt ends each before the URL, so the items
    // have none):
    //   2. Pete Souza (@petesouza), "President Obama bids farewell to President Xi of China at the conclusion of
    //   the Nuclear Security Summit," Instagram photo, April 1, 2016,
    //   Chicago Manual of Style. :Is the world ready for singular they? We thought so back in 1993." Facebook,
    //   April 17, 2015.
    // Differences: the note ends with a period where the URL would follow; the guide's ":" before "Is" is its
    // typing slip for an opening quotation mark.
    const instagram: CslItem = {
      id: "souza",
      type: "post",
      author: [{ literal: "Pete Souza (@petesouza)" }],
      title: "President Obama bids farewell to President Xi of China at the conclusion of the Nuclear Security Summit",
      medium: "Instagram photo",
      issued: { "date-parts": [[2016, 4, 1]] },
    };
    expect(formatCitation(instagram, "chicago")).toBe(
      curlyQuotes(
        'Pete Souza (@petesouza), "President Obama bids farewell to President Xi of China at the conclusion of the Nuclear Security Summit," Instagram photo, April 1, 2016.',
      ),
    );
    const facebook: CslItem = {
      id: "cmos",
      type: "post",
      author: [{ literal: "Chicago Manual of Style" }],
      title: "Is the world ready for singular they? We thought so back in 1993.",
      medium: "Facebook",
      issued: { "date-parts": [[2015, 4, 17]] },
    };
    expect(chicagoBibliographyEntry(facebook)).toBe(
      curlyQuotes('Chicago Manual of Style. "Is the world ready for singular they? We thought so back in 1993." Facebook, April 17, 2015.'),
    );
  });
});

describe("MLA Handbook, 9th edition", () => {
  it("reproduces the works-cited entry for a text message and an email to a named recipient", () => {
    // MLA 9, as reproduced in North Island College Library's "MLA Style Guide 9th Edition: Personal
    // Communications", https://library.nic.bc.ca/c.php?g=726538&p=5207789 :
    //   White, Jack. Text message to Meg White. 12 Dec. 2020.
    //   Smith, John. Email to Standards Committee. 12 Dec. 2020.
    // A direct message is the same kind of source: our entries read "WikiLeaks. Twitter direct message to Donald
    // Trump Jr. 20 Sept. 2016." before naming the edition. No differences.
    const text: CslItem = {
      id: "white",
      type: "personal_communication",
      author: [{ family: "White", given: "Jack" }],
      recipient: [{ family: "White", given: "Meg" }],
      medium: "Text message",
      issued: { "date-parts": [[2020, 12, 12]] },
    };
    expect(formatCitation(text, "mla")).toBe("White, Jack. Text message to Meg White. 12 Dec. 2020.");
    const email: CslItem = { ...text, id: "smith", author: [{ family: "Smith", given: "John" }], recipient: [{ literal: "Standards Committee" }], medium: "Email" };
    expect(formatCitation(email, "mla")).toBe("Smith, John. Email to Standards Committee. 12 Dec. 2020.");
  });

  it("spells June out, as MLA does not abbreviate months of four letters or fewer", () => {
    // MLA 9, as reproduced in the University of Auckland's "MLA 9th: E-mail or personal communication",
    // https://auckland.libguides.com/mla/email-personal-communication :
    //   Birch, Jesper. E-mail to Radio New Zealand. 11 June 2024.
    // No differences.
    const email: CslItem = {
      id: "birch",
      type: "personal_communication",
      author: [{ family: "Birch", given: "Jesper" }],
      recipient: [{ literal: "Radio New Zealand" }],
      medium: "E-mail",
      issued: { "date-parts": [[2024, 6, 11]] },
    };
    expect(formatCitation(email, "mla")).toBe("Birch, Jesper. E-mail to Radio New Zealand. 11 June 2024.");
  });

  it("reproduces the MLA Style Center's tweet example exactly", () => {
    // The MLA Style Center's answer on citing tweets ("adapted from the MLA Handbook"), as quoted in TeachThought's
    // "How To Cite A Tweet: MLA Style", https://teachthought.com/literacy/how-to-cite-a-tweet :
    //   @persianwiki. “We have report of large street battles in east & west of Tehran now – #Iranelection.”
    //   Twitter, 23 June 2009, twitter.com/persianwiki/status/2298106072.
    // MLA 9 lets a URL go without its https://; the item holds the URL as the example prints it. No differences.
    const tweet: CslItem = {
      id: "persianwiki",
      type: "post",
      author: [{ literal: "@persianwiki" }],
      title: "We have report of large street battles in east & west of Tehran now – #Iranelection",
      medium: "Twitter",
      issued: { "date-parts": [[2009, 6, 23]] },
      URL: "twitter.com/persianwiki/status/2298106072",
    };
    expect(formatCitation(tweet, "mla")).toBe(
      "@persianwiki. “We have report of large street battles in east & west of Tehran now – #Iranelection.” Twitter, 23 June 2009, twitter.com/persianwiki/status/2298106072.",
    );
  });

  it("reproduces a tweet's entry with its date of access", () => {
    // MLA 9, as applied in Concordia University St. Paul's "MLA 9th Edition Citation Guide: Social Media",
    // https://library.csp.edu/mla/socialmedia :
    //   Paulson, Sarah [@MsSarahPaulson]. "Get Ready." Twitter, 14 Dec. 2017,
    //   https://twitter.com/MsSarahPaulson/status/941356572973858817. Accessed 5 Jan. 2024.
    // Differences: typographic quotation marks; the handle is part of a literal name, CSL having no variable for it.
    const tweet: CslItem = {
      id: "paulson",
      type: "post",
      author: [{ literal: "Paulson, Sarah [@MsSarahPaulson]" }],
      title: "Get Ready",
      medium: "Twitter",
      issued: { "date-parts": [[2017, 12, 14]] },
      URL: "https://twitter.com/MsSarahPaulson/status/941356572973858817",
      accessed: { "date-parts": [[2024, 1, 5]] },
    };
    expect(formatCitation(tweet, "mla")).toBe(
      curlyQuotes(
        'Paulson, Sarah [@MsSarahPaulson]. "Get Ready." Twitter, 14 Dec. 2017, https://twitter.com/MsSarahPaulson/status/941356572973858817. Accessed 5 Jan. 2024.',
      ),
    );
  });
});

describe("a personal communication in an edited collection, in each style", () => {
  // CMOS 17, 14.111 (letters in published collections) cites the letter, then the collection "in Title, ed.
  // Editor", then the facts of publication, and the page last: "…, November 8, 1905, in Letters, ed. Lyall H.
  // Powers (New York: Scribner, 1990), 55." MLA 9 leaves out the publisher of "a work published by its author or
  // editor"; APA 7 leaves out a publisher who is the author. An edition whose editors publish it names them once.
  const letter: CslItem = {
    id: "quill",
    type: "personal_communication",
    author: [{ family: "Quill", given: "Ada" }],
    recipient: [{ family: "Moor", given: "Ben" }],
    medium: "Letter",
    issued: { "date-parts": [[1901, 4, 1]] },
    "container-title": "The Harbour Letters",
    editor: [{ literal: "The Harbour Society" }],
    version: "2.1.0",
    publisher: "The Harbour Society",
    URL: "https://example.org/messages/1901-04-01-ada/#L2",
    locator: "2",
    label: "line",
  };

  it("gives the Chicago note of 14.111's shape: the collection and its editor, then the cited line, each name once", () => {
    expect(formatCitation(letter, "chicago")).toBe(
      "Ada Quill, Letter to Ben Moor, April 1, 1901, in The Harbour Letters, ed. The Harbour Society, version 2.1.0, line 2, https://example.org/messages/1901-04-01-ada/#L2.",
    );
    // A publisher who is not the editor is named.
    expect(formatCitation({ ...letter, publisher: "Harbour Press" }, "chicago")).toContain("version 2.1.0, Harbour Press, line 2,");
  });

  it("gives the MLA entry without a publisher who is the editor", () => {
    expect(formatCitation(letter, "mla")).toBe(
      "Quill, Ada. Letter to Ben Moor. 1 Apr. 1901. The Harbour Letters, edited by The Harbour Society, version 2.1.0, https://example.org/messages/1901-04-01-ada/#L2.",
    );
  });

  it("gives the APA reference without a publisher who is the editor", () => {
    expect(formatCitation(letter, "apa")).toBe(
      "Quill, A. (1901, April 1). [Letter to Ben Moor]. In The Harbour Society (Ed.), The Harbour Letters (Version 2.1.0). https://example.org/messages/1901-04-01-ada/#L2",
    );
  });

  it("keeps the publisher, the edition and the cited line in the exports, with RIS dates zero-padded", () => {
    const ris = formatCitation({ ...letter, note: "Attested by: The Gazette" }, "ris").split("\n");
    expect(ris).toContain("DA  - 1901/04/01/");
    expect(ris).toContain("PB  - The Harbour Society");
    expect(ris).toContain("T2  - The Harbour Letters");
    expect(ris).toContain("ED  - The Harbour Society");
    expect(ris).toContain("ET  - 2.1.0");
    expect(ris).toContain("N1  - Line 2");
    expect(ris).toContain("N1  - Attested by: The Gazette");
    const bibtex = formatCitation({ ...letter, note: "Attested by: The Gazette" }, "bibtex");
    expect(bibtex).toContain("\tpublisher = {The Harbour Society},");
    expect(bibtex).toContain("\thowpublished = {Letter, in \\emph{The Harbour Letters}, version 2.1.0},");
    expect(bibtex).toContain("\tnote = {Line 2. Attested by: The Gazette},");
  });
});
