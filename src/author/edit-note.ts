// Editing a note's file from the page (src/annotate/) as an editor edits it by hand: only the fields the form
// changed are rewritten, each where it stands and in the style it was written in (a flow list stays `[a, b]`, a
// block list stays one `- id` per line), and everything else — the anchor, comments, fields the form does not
// know, blank lines — is left byte for byte as it was. Values are written as `npm run new -- note` writes them.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from "yaml";
import { AuthorError } from "./author-error.ts";
import { noteBody } from "./new-note.ts";
import { yamlField, yamlString } from "./yaml-text.ts";

/** What the form shows and may change. */
export interface NoteFormFields {
  kind: string;
  title: string;
  sources: string[];
  body: string;
}

interface SplitNote {
  /** The front matter's YAML, between the `---` lines. */
  yaml: string;
  /** Offset of the YAML in the file's text. */
  offset: number;
  /** Offset of the body (after the closing `---` line). */
  bodyStart: number;
}

const CLOSING = /^---[ \t]*$/m;

function split(text: string, file: string): SplitNote {
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) throw new AuthorError({ message: `${file} does not start with front matter (a --- line)`, hint: "Edit this file in your editor." });
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new AuthorError({ message: `${file} has no closing --- line after its front matter`, hint: "Edit this file in your editor." });
  const offset = opening[0].length;
  const end = offset + closing.index + closing[0].length;
  return { yaml: rest.slice(0, closing.index), offset, bodyStart: text[end] === "\n" ? end + 1 : end };
}

function pairs(yaml: string, file: string): { items: Pair[]; find(key: string): Pair | undefined } {
  const doc = parseDocument(yaml, { keepSourceTokens: false });
  if (doc.errors.length || !isMap(doc.contents)) throw new AuthorError({ message: `${file}: its front matter cannot be read as YAML fields`, hint: "Run npm run check and fix it in your editor." });
  const items = doc.contents.items as Pair[];
  return { items, find: (key) => items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key) };
}

const sourceIdOf = (node: unknown): string | undefined => {
  if (isScalar(node)) return String(node.value);
  if (isMap(node)) {
    const id = node.get("id", true);
    return isScalar(id) ? String(id.value) : undefined;
  }
  return undefined;
};

/** The fields of a note's file, for the form. */
export function noteFormFields(text: string, file: string): NoteFormFields {
  const { yaml, bodyStart } = split(text, file);
  const { find } = pairs(yaml, file);
  const scalar = (key: string) => {
    const value = find(key)?.value;
    return isScalar(value) && value.value !== null ? String(value.value) : "";
  };
  const sources = find("sources")?.value;
  return {
    kind: scalar("kind"),
    title: scalar("title"),
    sources: isSeq(sources) ? sources.items.map(sourceIdOf).filter((id): id is string => id !== undefined) : [],
    body: text.slice(bodyStart),
  };
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Where a line starts and where it ends (before its newline), around `offset`. */
const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;
const lineEnd = (text: string, offset: number) => {
  const end = text.indexOf("\n", offset);
  return end === -1 ? text.length : end;
};

/**
 * The note's text with the form's fields: kind, title and sources rewritten in place, the body replaced. The
 * placeholder comment on `sources` goes once sources are named; a list whose entries carry quotes or locators in
 * block style is left to the editor's own editor, rather than be rewritten in another shape.
 */
export function editedNoteText(text: string, fields: NoteFormFields, file: string): string {
  const { yaml, offset, bodyStart } = split(text, file);
  const { find } = pairs(yaml, file);
  const splices: Splice[] = [];
  const range = (node: Node | null | undefined) => node?.range ?? undefined;

  const kind = find("kind");
  const kindRange = range(kind?.value as Node | undefined);
  if (!kind || !kindRange) throw new AuthorError({ message: `${file} has no kind field`, hint: "Run npm run check and fix it in your editor." });
  if (String((kind.value as { value?: unknown }).value) !== fields.kind) splices.push({ start: kindRange[0], end: kindRange[1], text: fields.kind });

  const title = find("title");
  const titleValue = title?.value as Node | undefined;
  const wanted = fields.title.trim();
  if (title && titleValue?.range) {
    const current = isScalar(titleValue) ? String(titleValue.value ?? "") : undefined;
    const keyStart = lineStart(yaml, (title.key as Node).range![0]);
    if (!wanted) splices.push({ start: keyStart, end: Math.min(yaml.length, lineEnd(yaml, Math.max(keyStart, titleValue.range[1] - 1)) + 1), text: "" });
    else if (current !== wanted) splices.push({ start: titleValue.range[0], end: titleValue.range[1], text: yamlString(wanted) });
  } else if (wanted) {
    // Where the edition's notes have it: after the kind.
    const at = lineEnd(yaml, kindRange[1]);
    splices.push({ start: at, end: at, text: `\n${yamlField("title", yamlString(wanted))}` });
  }

  const sources = find("sources");
  const list = sources?.value;
  if (!sources || !isSeq(list) || !list.range) throw new AuthorError({ message: `${file} has no list of sources`, hint: "Run npm run check and fix it in your editor." });
  const current = list.items.map(sourceIdOf);
  if (current.join("\n") !== fields.sources.join("\n")) {
    const itemText = new Map<string, string>();
    list.items.forEach((item, i) => {
      const id = current[i];
      const itemRange = range(item as Node);
      if (id !== undefined && itemRange) itemText.set(id, yaml.slice(itemRange[0], itemRange[1]));
    });
    const items = fields.sources.map((id) => itemText.get(id) ?? yamlString(id));
    let replacement: string;
    if (list.flow) replacement = `[${items.join(", ")}]`;
    else {
      if (items.some((item) => item.includes("\n")))
        throw new AuthorError({ message: `${file}: its sources carry quotes or locators, one field per line`, hint: "Change its sources in your editor; the form changed nothing." });
      const indent = " ".repeat(list.range[0] - lineStart(yaml, list.range[0]));
      replacement = items.map((item, i) => `${i ? indent : ""}- ${item}`).join("\n");
    }
    // A block list's range runs on to the next line; the list itself ends at its last item's text.
    let end = list.range[1];
    while (end > list.range[0] && /\s/.test(yaml[end - 1]!)) end--;
    // The placeholder's comment says to name the sources: they are named now.
    const after = /^[ \t]*#\s*TODO:[^\n]*/.exec(yaml.slice(end));
    if (after) end += after[0].length;
    splices.push({ start: list.range[0], end, text: replacement });
  }

  let edited = yaml;
  for (const splice of splices.sort((a, b) => b.start - a.start)) edited = edited.slice(0, splice.start) + splice.text + edited.slice(splice.end);
  return text.slice(0, offset) + edited + text.slice(offset + yaml.length, bodyStart) + noteBody(fields.body);
}
