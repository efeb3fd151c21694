// Writes a line of a message as Markdown that renders as exactly that line. The transcript chain
// (src/render/processors.ts) reads a body as CommonMark + GFM, so characters that would start a heading, a list,
// a quote, emphasis, a code span, a link, a table or an entity are backslash-escaped; everything else, including
// `{{ }}` and `{% %}` (never run as templates), is left as written so that the file stays readable.
// Bare URLs and e-mail addresses are left alone: GFM makes them links with the same text, and a backslash inside
// one would be part of the link. What this cannot foresee, transcribe-verbatim.ts finds by rendering.

/** Where GFM may see an autolink literal; approximate on purpose: rendering checks the result. */
const AUTOLINK_LITERAL = /(?:https?:\/\/|www\.)[^\s<]*|[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/g;

/** Always significant inline: code, emphasis, links and images, raw HTML and autolinks, strikethrough, tables. */
const INLINE = new Set(["\\", "`", "*", "[", "]", "<", "~", "|"]);
const ENTITY = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Spaces and tabs at either end of a line cannot be shown: Markdown drops them (or reads indentation as code). */
export function trimLine(line: string): string {
  return line.replace(/^[ \t]+|[ \t]+$/g, "");
}

function autolinkRanges(line: string): Array<[number, number]> {
  return [...line.matchAll(AUTOLINK_LITERAL)].map((match) => [match.index, match.index + match[0].length]);
}

/** The readable escaping: only what Markdown would otherwise act on. */
export function escapeLine(raw: string): string {
  const line = trimLine(raw);
  const links = autolinkRanges(line);
  let out = "";
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (links.some(([start, end]) => i >= start && i < end)) {
      out += char;
      continue;
    }
    // An underscore between two letters or digits cannot open or close emphasis (snake_case stays as it is).
    const intraword = char === "_" && WORD_CHARACTER.test(line[i - 1] ?? "") && WORD_CHARACTER.test(line[i + 1] ?? "");
    const significant = INLINE.has(char) || (char === "_" && !intraword) || (char === "&" && ENTITY.test(line.slice(i)));
    out += significant ? `\\${char}` : char;
  }
  return escapeLineStart(out);
}

/** Block syntax is read at the start of a line: headings, quotes, lists, thematic breaks, setext underlines. */
function escapeLineStart(line: string): string {
  if (/^[#>+=-]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, "$1\\$2");
}

/**
 * The fallback for a line the readable escaping got wrong: every ASCII punctuation character escaped (which also
 * keeps a URL from becoming a link), except the braces and percent sign of `{{ }}` and `{% %}`, which Markdown
 * never acts on and which must stay as written.
 */
export function escapeLineFully(raw: string): string {
  return trimLine(raw).replace(/[!-\/:-@[-`|~]/g, (char) => `\\${char}`);
}
