// Hebrew and Arabic attach short words to the next ("העגבניות" is "the tomatoes", "والبقدونس" "and the parsley"), so
// a word may be typed with or without them. The forms of a word without each prefix it may carry: the index gets
// them as aliases (site/search-aliases.ts), and the browser uses them to mark the word a reader searched for.
// Plain string work, shared by the build and the browser.

const marksRemoved = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "");

export const HEBREW_LETTER = /[\u05D0-\u05EA]/u;
export const ARABIC_LETTER = /[\u0620-\u064A\u0671-\u06D3]/u;

/** Hebrew's one-letter prefixes: and, the, in, as, to, from, that; up to three at once ("ומה", "וכש"). */
const HEBREW_PREFIX = /^[והבכלמש]/u;

export function hebrewAliases(word: string): string[] {
  const aliases: string[] = [];
  let rest = marksRemoved(word);
  for (let i = 0; i < 3 && HEBREW_PREFIX.test(rest) && [...rest].length > 3; i++) {
    rest = rest.slice(1);
    aliases.push(rest);
  }
  return aliases;
}

/** Arabic's attached words: and/so (و ف), then by/as/to (ب ك ل) or the future's س, then the article ال. */
const ARABIC_PROCLITICS = /^(?:[وف]?(?:[بكل]?ال|[بكلس])|[وف])$/u;

export function arabicAliases(word: string): string[] {
  const letters = [...marksRemoved(word)];
  const aliases = new Set<string>();
  for (let i = 1; i <= Math.min(5, letters.length - 3); i++)
    if (ARABIC_PROCLITICS.test(letters.slice(0, i).join(""))) aliases.add(letters.slice(i).join(""));
  // ل before the article drops its alef: "للحديقة" is "to the garden", ل + الحديقة.
  const lil = /^[وف]?لل/u.exec(letters.join(""));
  if (lil && letters.length - lil[0].length >= 3) {
    const noun = letters.slice(lil[0].length).join("");
    aliases.add(`ال${noun}`).add(noun);
  }
  aliases.delete(letters.join(""));
  return [...aliases];
}

/** The word without each prefix it may carry, in Hebrew or Arabic; none for other scripts. */
export function withoutPrefixes(word: string): string[] {
  if (HEBREW_LETTER.test(word[0] ?? "")) return hebrewAliases(word);
  if (ARABIC_LETTER.test(word[0] ?? "")) return arabicAliases(word);
  return [];
}
