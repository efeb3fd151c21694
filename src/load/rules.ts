// Every problem the commands can report, in one place: its rule id (printed as `[rule-id]` after each message),
// its severity, what it finds in one line, an example of the mistake and of its fix, and its entry in
// docs/rules.md, which `npm run rules` writes from this list (as remark-lint's rule pages and Astro's error
// reference are written from their code). A message's hint line ends with the address of its rule's entry.
// Reporting a rule that is not here does not type-check; tests/load/rules.test.ts also reads the reports.

export type Severity = "error" | "warning";

/** Where a rule is reported: `npm run check` (and the build and `npm start`, which check first), or an editor's command. */
export type ReportedBy = "check" | "import" | "plugin";

export interface Example {
  /** The file, relative to the edition's folder (or the file given to the command). */
  file: string;
  /** What the file holds, or the part of it that matters. */
  text: string;
  /** The syntax the text is highlighted as in docs/rules.md. */
  language?: "yaml" | "markdown" | "text" | "csv" | "json" | "sh";
}

export interface Rule {
  severity: Severity;
  /** What the rule finds, in one line. */
  description: string;
  by: ReportedBy;
  mistake: Example;
  fix: Example;
  /** Anything an editor should know beyond the example. */
  note?: string;
}

const md = (file: string, text: string): Example => ({ file, text, language: "markdown" });
const yaml = (file: string, text: string): Example => ({ file, text, language: "yaml" });

export const RULES = {
  encoding: {
    severity: "error",
    description: "A file is not valid UTF-8.",
    by: "check",
    mistake: { file: "content/1901-04-01-ada.md", text: "A transcript saved as Windows-1252: the byte 0xE9 where UTF-8 has é (0xC3 0xA9).", language: "text" },
    fix: { file: "content/1901-04-01-ada.md", text: "Re-save the file as UTF-8 in your editor, then read the line the report names: the characters there are the ones that were converted.", language: "text" },
  },
  bom: {
    severity: "warning",
    description: "A file starts with a UTF-8 byte-order mark.",
    by: "check",
    mistake: { file: "content/1901-04-01-ada.md", text: "The bytes EF BB BF before the first `---`.", language: "text" },
    fix: { file: "content/1901-04-01-ada.md", text: "npm run check -- --fix    # or save as “UTF-8 without BOM”", language: "sh" },
  },
  "line-endings": {
    severity: "warning",
    description: "A file has Windows (CRLF) or old Mac (CR) line endings.",
    by: "check",
    mistake: { file: "content/1901-04-01-ada.md", text: "Lines ending in CR LF, as Notepad saves them.", language: "text" },
    fix: { file: "content/1901-04-01-ada.md", text: "npm run check -- --fix    # or set the editor to LF line endings", language: "sh" },
  },
  "empty-file": {
    severity: "error",
    description: "A transcript, note or data file is empty.",
    by: "check",
    mistake: { file: "annotations/wicks.md", text: "(nothing)", language: "text" },
    fix: md("annotations/wicks.md", "---\nid: wicks\ntarget: 1901-04-01-ada\nanchor:\n  quote: new wicks\nkind: context\nsources: [gazette]\n---\nThe note."),
  },
  "missing-front-matter": {
    severity: "error",
    description: "A transcript or note has no front matter between `---` lines.",
    by: "check",
    mistake: md("content/1901-04-01-ada.md", "The lighthouse lamp is failing again."),
    fix: md("content/1901-04-01-ada.md", "---\nid: 1901-04-01-ada\nkind: letter\nplatform: Letter\nfrom: ada\nto: [ben]\nsent: 1901-04-01T09:30+00:00\nprecision: minute\ncompleteness: complete\nsources: [gazette]\n---\nThe lighthouse lamp is failing again."),
  },
  "yaml-syntax": {
    severity: "error",
    description: "Front matter or a data file is not valid YAML, is not a mapping of fields, or is in another language (`---js`, which is never run).",
    by: "check",
    mistake: yaml("content/1901-04-01-ada.md", "from: [ada\nto: [ben]"),
    fix: yaml("content/1901-04-01-ada.md", "from: ada\nto: [ben]"),
    note: "Quote a value that contains `: ` or starts with a symbol: `title: \"Re: the lamp\"`.",
  },
  "missing-field": {
    severity: "error",
    description: "A required field is missing.",
    by: "check",
    mistake: yaml("content/1901-04-01-ada.md", "id: 1901-04-01-ada\nkind: letter\nfrom: ada"),
    fix: yaml("content/1901-04-01-ada.md", "id: 1901-04-01-ada\nkind: letter\nplatform: Letter\nfrom: ada"),
  },
  "unknown-field": {
    severity: "error",
    description: "A field that the format does not have, usually a misspelt one.",
    by: "check",
    mistake: yaml("content/1901-04-02-ben.md", "completness: excerpt"),
    fix: yaml("content/1901-04-02-ben.md", "completeness: excerpt"),
  },
  "wrong-type": {
    severity: "error",
    description: "A field holds the wrong kind of value: text where a list belongs, a number where text belongs.",
    by: "check",
    mistake: yaml("annotations/wicks.md", "sources: gazette"),
    fix: yaml("annotations/wicks.md", "sources: [gazette]"),
  },
  "invalid-field": {
    severity: "error",
    description: "A field's value is not one the format allows: a kind it does not know, a malformed id, URL or language tag.",
    by: "check",
    mistake: yaml("edition/sources.yaml", "- id: gazette\n  url: javascript:alert(1)"),
    fix: yaml("edition/sources.yaml", "- id: gazette\n  url: https://example.org/gazette/1901-05"),
  },
  "invalid-date": {
    severity: "error",
    description: "`sent` is not an ISO 8601 date or time, is not a real one, has no time zone, or contradicts `precision`.",
    by: "check",
    mistake: yaml("content/1901-04-01-ada.md", "sent: 1901-04-01T09:30\nprecision: minute"),
    fix: yaml("content/1901-04-01-ada.md", "sent: 1901-04-01T09:30+00:00\nprecision: minute"),
  },
  "duplicate-id": {
    severity: "error",
    description: "Two messages, notes, people or sources share an id.",
    by: "check",
    mistake: yaml("annotations/wicks-again.md", "id: wicks    # also the id of annotations/wicks.md"),
    fix: yaml("annotations/wicks-again.md", "id: wicks-price"),
    note: "Ids are part of published addresses and citations: rename the newer one, never the published one.",
  },
  "unknown-person": {
    severity: "error",
    description: "A sender or recipient is not in edition/people.yaml.",
    by: "check",
    mistake: yaml("content/1901-04-01-ada.md", "from: adah"),
    fix: yaml("content/1901-04-01-ada.md", "from: ada"),
  },
  "unknown-source": {
    severity: "error",
    description: "A source id is not in edition/sources.yaml.",
    by: "check",
    mistake: yaml("content/1901-04-02-ben.md", "sources: [gazzette]"),
    fix: yaml("content/1901-04-02-ben.md", "sources: [gazette]"),
  },
  "unknown-message": {
    severity: "error",
    description: "`in_reply_to` names a message that does not exist.",
    by: "check",
    mistake: yaml("content/1901-04-02-ben.md", "in_reply_to: 1901-04-01-adah"),
    fix: yaml("content/1901-04-02-ben.md", "in_reply_to: 1901-04-01-ada"),
  },
  "unknown-target": {
    severity: "error",
    description: "A note's `target` is not the id of a message.",
    by: "check",
    mistake: yaml("annotations/wicks.md", "target: 1901-04-09-ada"),
    fix: yaml("annotations/wicks.md", "target: 1901-04-01-ada"),
  },
  "unknown-file": {
    severity: "warning",
    description: "A file in content/ or annotations/ that the pipeline does not read (only .md files are read).",
    by: "check",
    mistake: { file: "content/todo.txt", text: "A file of notes to self beside the transcripts.", language: "text" },
    fix: { file: "content/todo.txt", text: "mv content/todo.txt notes-to-self.txt    # or rename it to .md if it is a transcript", language: "sh" },
  },
  "missing-edition": {
    severity: "error",
    description: "The edition's folder has no edition/edition.yaml.",
    by: "check",
    mistake: { file: "edition/", text: "people.yaml and sources.yaml, but no edition.yaml.", language: "text" },
    fix: { file: "edition/edition.yaml", text: "npm run new -- edition .    # writes edition.yaml with its TODOs, or copy one from the README", language: "sh" },
  },
  placeholder: {
    severity: "warning",
    description: "A `TODO:` left by `npm run new`, which only the editor can fill in.",
    by: "check",
    mistake: md("content/1901-04-01-ada.md", "---\n…\n---\nTODO: the text as the sources print it, one line per line"),
    fix: md("content/1901-04-01-ada.md", "---\n…\n---\nThe lighthouse lamp is failing again."),
  },
  "preview-image": {
    severity: "error",
    description: "`preview_image.file` is outside edition/, does not exist, or is not a PNG.",
    by: "check",
    mistake: yaml("edition/edition.yaml", "preview_image: { file: ../preview.jpg, alt: The harbour at dawn }"),
    fix: yaml("edition/edition.yaml", "preview_image: { file: preview.png, alt: The harbour at dawn }"),
  },
  "page-name": {
    severity: "error",
    description: "An editorial page's file name cannot be its address, or is taken by one of the site's own pages.",
    by: "check",
    mistake: { file: "edition/pages/people.md", text: "A page about the people, whose address /people/ is the site's list of people.", language: "text" },
    fix: { file: "edition/pages/about-people.md", text: "The same page, published at /about-people/.", language: "text" },
  },
  "line-map-invalid": {
    severity: "error",
    description: "A published line map in edition/line-maps/ cannot be read.",
    by: "check",
    mistake: { file: "edition/line-maps/1.0.0.json", text: "{ \"version\": \"1.0.0\", \"messages\": { …edited by hand, a brace missing", language: "json" },
    fix: { file: "edition/line-maps/1.0.0.json", text: "git checkout edition/line-maps/1.0.0.json    # line maps are written by npm run line-map", language: "sh" },
  },
  "line-map-message-removed": {
    severity: "error",
    description: "A message published in a recorded version is gone, and the changelog does not record its withdrawal.",
    by: "check",
    mistake: { file: "content/1901-04-02-ben.md", text: "git rm content/1901-04-02-ben.md    # published in 1.0.0", language: "sh" },
    fix: yaml("edition/changelog.yaml", "- version: 1.1.0\n  date: 2026-12-01\n  changes:\n    - { type: withdrawal, message: 1901-04-02-ben, description: Not by Ben after all. }"),
  },
  "line-map-renumbered": {
    severity: "error",
    description: "A published line was removed or moved, so that citations of later lines would point at other words.",
    by: "check",
    mistake: md("content/1901-04-01-ada.md", "The lighthouse lamp is failing again.\nA line added here, after publication.\nWe must order new wicks before the spring tides arrive."),
    fix: yaml("content/1901-04-01-ada.md", "inserted_after: [1]    # the added line becomes 1a; line 2 stays line 2"),
    note: "Record the insertion in edition/changelog.yaml too (see line-map-unrecorded).",
  },
  "line-map-unrecorded": {
    severity: "error",
    description: "A published line was corrected, inserted or withdrawn, and edition/changelog.yaml does not record it.",
    by: "check",
    mistake: md("content/1901-04-01-ada.md", "We must order new wicks before the spring tide arrives.    # line 2, corrected since 1.0.0"),
    fix: yaml("edition/changelog.yaml", "- version: 1.1.0\n  date: 2026-12-01\n  changes:\n    - { type: correction, message: 1901-04-01-ada, line: \"2\", description: The Gazette prints “tide”. }"),
  },
  "line-labels": {
    severity: "error",
    description: "`inserted_after` names a line after which the transcript has no inserted line.",
    by: "check",
    mistake: yaml("content/1901-04-01-ada.md", "inserted_after: [7]    # the transcript has 4 lines"),
    fix: yaml("content/1901-04-01-ada.md", "inserted_after: [2]    # the inserted line is the third, after published line 2"),
  },
  "template-syntax": {
    severity: "warning",
    description: "A transcript line holds `{{` or `{%`, which is shown as typed and never run as a template.",
    by: "check",
    mistake: md("content/1901-05-harbour-board.md", "Reply to {{ name }} by Friday."),
    fix: md("content/1901-05-harbour-board.md", "Reply to {{ name }} by Friday.    # nothing to do if the source prints this"),
  },
  "raw-html": {
    severity: "warning",
    description: "A transcript holds raw HTML, which is shown as text, not interpreted.",
    by: "check",
    mistake: md("content/1901-05-harbour-board.md", "The board meets on <b>Tuesday</b>."),
    fix: md("content/1901-05-harbour-board.md", "The board meets on **Tuesday**."),
    note: "Nothing to do if the transcript really contains these characters.",
  },
  "malformed-link": {
    severity: "warning",
    description: "A link in a transcript holds a malformed percent-escape; its words are shown as text.",
    by: "check",
    mistake: md("content/1901-04-02-ben.md", "See [the log](#%zz)."),
    fix: md("content/1901-04-02-ben.md", "See [the log](#log%20book)."),
  },
  "broken-link": {
    severity: "error",
    description: "A note links to a message, line, note or page that does not exist.",
    by: "check",
    mistake: md("annotations/spring-tides.md", "Ben answers [the next day](message:1901-04-03-ben)."),
    fix: md("annotations/spring-tides.md", "Ben answers [the next day](message:1901-04-02-ben)."),
  },
  "quote-not-found": {
    severity: "error",
    description: "A note's quote is not in its message, or its prefix or suffix does not touch the quote.",
    by: "check",
    mistake: yaml("annotations/wicks.md", "anchor:\n  quote: new wiks"),
    fix: yaml("annotations/wicks.md", "anchor:\n  quote: new wicks"),
    note: "The hint gives the nearest whole-word passage; copy the words from the transcript.",
  },
  "ambiguous-quote": {
    severity: "error",
    description: "A note's quote occurs more than once in its message, and nothing says which is meant.",
    by: "check",
    mistake: yaml("annotations/wicks.md", "anchor:\n  quote: the"),
    fix: yaml("annotations/wicks.md", "anchor:\n  quote: the\n  prefix: \"before \""),
  },
  "line-out-of-range": {
    severity: "error",
    description: "A note's line range is not in its message.",
    by: "check",
    mistake: yaml("annotations/whole-letter.md", "anchor:\n  lines: \"4-5\"    # the letter has 4 lines"),
    fix: yaml("annotations/whole-letter.md", "anchor:\n  lines: \"3-4\""),
  },
  "orphaned-note": {
    severity: "error",
    description: "The words a published note annotated are gone from the corrected transcript, even approximately.",
    by: "check",
    mistake: md("content/1901-04-01-ada.md", "We must order new lamps before the spring tides arrive.    # was “new wicks” in 1.0.0"),
    fix: yaml("annotations/wicks.md", "anchor:\n  quote: new lamps"),
  },
  "moved-note": {
    severity: "warning",
    description: "A note's quote changed in a correction, and the note was found again where it was published.",
    by: "check",
    mistake: md("content/1901-04-01-ada.md", "We must order fresh wicks before the spring tides arrive.    # was “new wicks”"),
    fix: { file: "annotations/wicks.md", text: "npm run check -- --fix    # stores the new anchor, once the note still fits", language: "sh" },
  },
  "import-csv": {
    severity: "error",
    description: "The CSV given to `npm run import` cannot be read.",
    by: "import",
    mistake: { file: "messages.csv", text: "sender,recipients,timestamp,text\nmira,jonas,2024-05-01T09:00+02:00,\"Bring the \"new\" scores", language: "csv" },
    fix: { file: "messages.csv", text: "sender,recipients,timestamp,text\nmira,jonas,2024-05-01T09:00+02:00,\"Bring the \"\"new\"\" scores\"", language: "csv" },
  },
  "import-json": {
    severity: "error",
    description: "The JSON given to `npm run import` cannot be read, or is not an array of messages.",
    by: "import",
    mistake: { file: "messages.json", text: "{ \"sender\": \"mira\", \"recipients\": [\"jonas\"], \"timestamp\": \"2024-05-01T09:00+02:00\", \"text\": \"…\" }", language: "json" },
    fix: { file: "messages.json", text: "[{ \"sender\": \"mira\", \"recipients\": [\"jonas\"], \"timestamp\": \"2024-05-01T09:00+02:00\", \"text\": \"…\" }]", language: "json" },
  },
  "import-row": {
    severity: "error",
    description: "A row given to `npm run import` lacks a field or holds a wrong value; nothing is imported.",
    by: "import",
    mistake: { file: "messages.csv", text: "sender,recipients,timestamp,text\nmira,jonas,,Rehearsal moved to Thursday.", language: "csv" },
    fix: { file: "messages.csv", text: "sender,recipients,timestamp,text\nmira,jonas,2024-05-01T09:00+02:00,Rehearsal moved to Thursday.", language: "csv" },
  },
  "plugin-order": {
    severity: "error",
    description: "For developers using the unified plugins: rehypeAnnotationMarks ran before rehypeLineAnchors.",
    by: "plugin",
    mistake: { file: "chain.ts", text: "unified().use(remarkParse).use(remarkRehype).use(rehypeAnnotationMarks).use(rehypeLineAnchors)", language: "text" },
    fix: { file: "chain.ts", text: "unified().use(remarkParse).use(remarkRehype).use(rehypeLineAnchors).use(rehypeAnnotationMarks)", language: "text" },
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** The documentation of every rule, relative to the project's folder, where the npm scripts run. */
export const RULES_DOC = "docs/rules.md";

/** A rule's entry in docs/rules.md: its heading is its id, so that the anchor is the id. */
export function ruleAnchor(id: RuleId): string {
  return `${RULES_DOC}#${id}`;
}

export function isRuleId(id: unknown): id is RuleId {
  return typeof id === "string" && Object.hasOwn(RULES, id);
}
