// Synthetic correspondence text for the benchmark edition: English-like lines with a Zipfian vocabulary (common
// words plus a long tail of made-up words, so that the search index grows as a real one would), some Markdown
// emphasis and links. Each line is produced twice: as the Markdown an editor types and as the plain text a reader
// sees, which is what annotation quotes must match.
import { createZipf, type Random } from "./prng.ts";

/** Common English words in rough order of frequency, with a few typographic contractions as transcripts have. */
const COMMON_WORDS = (
  "the to and of a I you it in that is for we on this have be not with are but was they at so if just me " +
  "will can what do about all my your from there an our as one would like know get think or he no time " +
  "she up out by when them more now some been had people how going see here which also back then has very " +
  "good could should really us want only new did right way well still make any who need last much send " +
  "said because over even other before week tomorrow today after thanks again next call meeting news " +
  "story report letter email message press statement evening morning night office campaign election " +
  "document documents source sources question questions answer public private release released interview " +
  "paper editor reporter lawyer board council harbour ship boat train station city country government " +
  "money account information number list draft copy version note notes reply replies comment comments " +
  "friend friends family weekend month year years day days hour hours minute chance problem problems " +
  "thing things point matter case plan plans idea issue issues reason reasons team house street world " +
  "don’t I’ll it’s can’t we’re that’s didn’t you’re I’m won’t let’s there’s"
).split(" ");

const SYLLABLES = (
  "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi " +
  "po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za zo bra cre dri fro gla kro pla pre sta stri tra " +
  "tro vel mar ton dor len rin sel wen hal dun gar bel cor fen lis mor nis ral tor var wil"
).split(" ");

export interface Vocabulary {
  /** A word drawn by frequency. */
  word(): string;
  /** A made-up word from the long tail, for URL paths and the like. */
  rareWord(): string;
}

export function createVocabulary(random: Random, tailSize = 20000): Vocabulary {
  const words = [...COMMON_WORDS];
  const seen = new Set(words);
  while (words.length < COMMON_WORDS.length + tailSize) {
    let word = "";
    for (let n = random.int(2, 4); n > 0; n--) word += random.pick(SYLLABLES);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const zipf = createZipf(random, words.length, 1);
  return {
    word: () => words[zipf()]!,
    rareWord: () => words[COMMON_WORDS.length + random.int(0, tailSize - 1)]!,
  };
}

export interface TextLine {
  markdown: string;
  /** The line as a reader sees it: the Markdown without its syntax. */
  plain: string;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

interface Token {
  word: string;
  /** Punctuation glued after the word (",", ".", "?"). */
  after: string;
}

/**
 * One transcript line of about `targetLength` characters (never more than `maxLength`), as a few sentences or a
 * sentence fragment, sometimes with emphasis, a link or a bare URL.
 */
export function createLine(random: Random, vocabulary: Vocabulary, targetLength: number, maxLength = 200): TextLine {
  const tokens: Token[] = [];
  let length = 0;
  let sentenceStart = true;
  while (length < targetLength) {
    let word = vocabulary.word();
    if (sentenceStart) word = capitalise(word);
    // Words are joined by one space; stop before the line (with a final full stop) would exceed its maximum.
    const space = tokens.length ? 1 : 0;
    if (length + space + word.length + 1 > maxLength && tokens.length) break;
    const endSentence = random.chance(0.1);
    const after = endSentence ? random.weighted([".", "?", "!"], [8, 2, 1]) : random.chance(0.06) ? "," : "";
    tokens.push({ word, after });
    sentenceStart = endSentence;
    length += space + word.length + after.length;
  }
  const last = tokens[tokens.length - 1]!;
  if (last.after === ",") last.after = ".";
  else if (!last.after) last.after = random.chance(0.8) ? "." : "";

  // At most one span of emphasis or one link. It wraps whole words and stops at the first glued punctuation, which
  // stays outside, so that its delimiters always flank words.
  const span = (lastFrom: number, maxMore: number) => {
    const from = random.int(0, lastFrom);
    let to = Math.min(tokens.length - 1, from + random.int(0, maxMore));
    for (let i = from; i < to; i++) if (tokens[i]!.after) to = i;
    return { from, to };
  };
  let markup: { from: number; to: number; open: string; close: string } | undefined;
  if (tokens.length >= 3 && random.chance(0.14)) {
    const words = span(tokens.length - 1, 2);
    const delimiter = random.chance(0.3) ? "**" : "*";
    markup = { ...words, open: delimiter, close: delimiter };
  } else if (tokens.length >= 4 && random.chance(0.06)) {
    const words = span(tokens.length - 2, 3);
    markup = { ...words, open: "[", close: `](https://example.org/${vocabulary.rareWord()}/${random.int(1, 99999)})` };
  }

  let markdown = tokens
    .map((token, i) => `${markup?.from === i ? markup.open : ""}${token.word}${markup?.to === i ? markup.close : ""}${token.after}`)
    .join(" ");
  let plain = tokens.map((token) => `${token.word}${token.after}`).join(" ");
  // A bare URL, which GitHub Flavored Markdown links by itself; its text is the URL either way.
  if (plain.length + 45 <= maxLength && random.chance(0.03)) {
    const url = `https://example.com/${vocabulary.rareWord()}/${random.int(1, 9999)}`;
    markdown += ` ${url}`;
    plain += ` ${url}`;
  }
  return { markdown, plain };
}

/** Sentences of plain prose for notes and descriptions. */
export function createSentences(random: Random, vocabulary: Vocabulary, count: number): string {
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    for (let n = random.int(6, 22); n > 0; n--) words.push(vocabulary.word());
    words[0] = capitalise(words[0]!);
    sentences.push(`${words.join(" ")}.`);
  }
  return sentences.join(" ");
}
