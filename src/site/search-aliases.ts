// Words a reader types but Pagefind would not find in a search document, given to Pagefind as aliases of the word
// as written (an attribute it is told to index, data-pagefind-index-attrs; the text itself is untouched, and the
// result shows the text):
// - Hebrew and Arabic attach short words to the next: "העגבניות" is "the tomatoes", "والبقدونس" "and the parsley".
//   Pagefind splits only at spaces (and its Arabic stemmer does not undo every prefix), so the word is also given
//   without each prefix it may carry, and "עגבניות" or "بقدونس" finds it.
// - Chinese, Japanese and Thai are written without spaces. Pagefind splits them into words itself in a document of
//   that language; in a document of another language (a Japanese line in an English message), a run of them is
//   given as the words Intl.Segmenter finds in it, as Pagefind would.
import type { Element, Root, Text } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { SKIP, visit } from "unist-util-visit";
import { wrapMatches } from "../render/wrap-matches.ts";
import { asAlias, isAlias } from "./search-schema.ts";
import { withoutPrefixes } from "./word-prefixes.ts";

const HEBREW_WORD = /[\u05D0-\u05EA][\u05D0-\u05EA\u0591-\u05C7]*/gu;
const ARABIC_WORD = /[\u0620-\u064A\u0671-\u06D3][\u0620-\u065F\u0670-\u06D3]*/gu;
const SPACELESS_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}ー々〆]+/gu;
const SPACELESS_CHARACTER = new RegExp(SPACELESS_RUN.source.slice(0, -1), "u");
const ANY = new RegExp(`${HEBREW_WORD.source}|${ARABIC_WORD.source}|${SPACELESS_RUN.source}`, "gu");
const WORDS_WITHOUT_SPACES = new Set(["zh", "ja", "th"]);

const segmenters = new Map<string, Intl.Segmenter>();
function wordsOf(run: string): string[] {
  const language = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(run) ? "ja" : /\p{Script=Thai}/u.test(run) ? "th" : "zh";
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: "word" })));
  return [...segmenter.segment(run)].filter((segment) => segment.isWordLike).map((segment) => segment.segment);
}

function aliasesOf(token: string, segmentsRuns: boolean): string[] {
  const forms = withoutPrefixes(token);
  if (forms.length || !segmentsRuns || !SPACELESS_CHARACTER.test(token)) return forms;
  const words = wordsOf(token);
  return words.length > 1 ? words : [];
}

/** Whether a document in `language` needs aliases for any of `html`'s words: most need none, and are left as they are. */
function needsAliases(html: string, segmentsRuns: boolean): boolean {
  return (
    html.includes("data-pagefind-index-attrs") ||
    /[\u05D0-\u05EA\u0620-\u064A\u0671-\u06D3]/u.test(html) ||
    (segmentsRuns && SPACELESS_CHARACTER.test(html))
  );
}

const bracketed = (aliases: readonly string[]) => aliases.map((alias) => (isAlias(alias) ? alias : asAlias(alias))).join(" ");

/** `html` (sanitised, from the render stage) with aliases on the words that need them, for a document in `language`. */
export function withSearchAliases(html: string, language: string): string {
  const segmentsRuns = !WORDS_WITHOUT_SPACES.has(language.toLowerCase().split("-")[0]!);
  if (!needsAliases(html, segmentsRuns)) return html;
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, (node, index, parent) => {
    if (node.type === "element" && node.properties.dataPagefindIgnore !== undefined) return SKIP;
    // The render stage's aliases (rehypeSearchAliases: a URL's readable form, a handle glued to a word).
    if (node.type === "element" && node.properties.dataPagefindIndexAttrs === "title" && typeof node.properties.title === "string") {
      node.properties.title = bracketed(node.properties.title.split(/\s+/).filter(Boolean));
      return SKIP;
    }
    if (node.type !== "text" || !parent || index === undefined) return;
    return wrapMatches(parent, index, (node as Text).value, ANY, (match) => {
      const aliases = aliasesOf(match[0], segmentsRuns);
      if (!aliases.length) return undefined;
      return {
        type: "element",
        tagName: "span",
        properties: { title: bracketed(aliases), dataPagefindIndexAttrs: "title" },
        children: [{ type: "text", value: match[0] }],
      } satisfies Element;
    });
  });
  return toHtml(tree);
}
