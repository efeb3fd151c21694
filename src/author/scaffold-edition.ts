// `npm run new -- edition <dir>`: the files of an empty edition that passes `npm run check` and builds as it is.
// Whatever only the editor can decide (licence, address, names) gets a value that validates plus a `# TODO:`
// comment, so that the edition works at once and the decisions are easy to find (grep TODO).
import path from "node:path";
import { AuthorError } from "./author-error.ts";
import { writeNewFiles, type NewFile } from "./write-new-files.ts";
import { yamlString } from "./yaml-text.ts";

export interface ScaffoldOptions {
  title?: string;
  /** The month of publication to write (default: this month). */
  today?: Date;
}

function editionYaml(title: string | undefined, today: Date): string {
  const month = today.toISOString().slice(0, 7);
  return `# The edition's metadata: the one place that names, dates and versions it. Every field is described in
# src/load/schema.ts (editionSchema). Lines marked TODO hold a value that works but that only you can decide.
title: ${yamlString(title ?? "Untitled edition")}${title ? "" : "  # TODO: the edition's title"}
description: An annotated edition of a correspondence.  # TODO: one or two sentences: what the messages are and where their text comes from
editors:
  - name: The editors  # TODO: your name, or your team's (add family/given for citations)
license: All rights reserved  # TODO: the licence of your notes, e.g. "CC BY 4.0", and add license_url
base_url: https://example.org/  # TODO: the address the site will be published at, ending in /
version: 0.1.0  # raise it with every published change, and record the change in edition/changelog.yaml
published: ${month}  # TODO: the date of publication (YYYY-MM or YYYY-MM-DD)
language: en  # the language of your notes and pages, e.g. en, de, fr
`;
}

// An empty list, because the loader needs a list; the example is a comment so that nobody invented is published.
const PEOPLE_YAML = `# Everyone who sends or receives a message, or makes a statement. Transcripts name them by id in from: and to:.
# Add people with \`npm run new -- person --name "Ada Quill"\`, or by hand with entries like this one (the first
# entry replaces the empty list, [], at the end of the file):
#
# - id: ada-quill                 # lowercase letters, digits and hyphens; used in from: and to:
#   name: Ada Quill
#   kind: person                  # or organization
#   handle: "@adaquill"           # optional: the account name on the platform
#   description: Harbour master at Port Quill, 1899–1912.
#   citation_name: { family: Quill, given: Ada }   # optional: how citations name her
[]
`;

const SOURCES_YAML = `# The sources that print the messages: every transcript and every note names at least one of them by id.
# What a source does not say is recorded as null (not known), never left out. Add sources with
# \`npm run new -- source --short "The Gazette"\`, or by hand with entries like this one (the first entry replaces
# the empty list, [], at the end of the file):
#
# - id: gazette
#   short: The Gazette            # how notes and transcripts refer to it
#   kind: news article            # or book, archive, data export…
#   publisher: The Harbour Gazette
#   title: Letters from the harbour
#   author: null
#   published: 1901-05            # YYYY, YYYY-MM or YYYY-MM-DD
#   url: null
[]
`;

const INTRODUCTION_MD = `---
title: Introduction
nav_order: 1
description: What these messages are, where their text comes from, and how to read this edition.
---
TODO: Say what the correspondence is, who wrote it and when, which sources its text comes from, and how a reader
finds their way: every message is transcribed line by line, and notes are anchored to the words they discuss.

Link to a message with \`[the first letter](message:its-id)\` and to a note with \`[the note](note:its-id)\`.
`;

// The edition's own build output and cache, which do not belong in version control.
const GITIGNORE = `_site/
.cache/
`;

export function editionFiles(root: string, options: ScaffoldOptions = {}): NewFile[] {
  const at = (file: string) => path.join(root, file);
  return [
    { path: at("edition/edition.yaml"), text: editionYaml(options.title?.trim() || undefined, options.today ?? new Date()) },
    { path: at("edition/people.yaml"), text: PEOPLE_YAML },
    { path: at("edition/sources.yaml"), text: SOURCES_YAML },
    { path: at("edition/pages/introduction.md"), text: INTRODUCTION_MD },
    // Dotfiles keep the empty folders in version control; the loader skips them, so they raise no warning.
    { path: at("content/.gitkeep"), text: "" },
    { path: at("annotations/.gitkeep"), text: "" },
    { path: at(".gitignore"), text: GITIGNORE },
  ];
}

export async function scaffoldEdition(root: string, options: ScaffoldOptions = {}): Promise<string[]> {
  if (options.title !== undefined && !options.title.trim())
    throw new AuthorError({ message: "--title is empty", hint: 'Give the title in quotes, e.g. --title "The Harbour Letters", or leave it out.' });
  const files = editionFiles(root, options);
  await writeNewFiles(files, `Choose a new folder for the edition, or remove these files first.`);
  return files.map((file) => file.path);
}
