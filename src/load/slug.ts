// Ids made from what an editor typed (a name, a quote, a file name): lowercase ASCII letters, digits and hyphens,
// as src/load/schema.ts requires of every id, because ids become URLs and anchors. Letters are transliterated by
// the transliteration package (MIT), which knows the Latin letters that do not decompose into a base and a mark
// (Ł, Ø, Þ, ß) and writes Greek, Cyrillic, Arabic, Hebrew and Japanese names in Latin letters; stripping marks
// alone turned "Łukasz Żuk" into "ukasz-zuk" and a Greek name into nothing.
import { transliterate } from "transliteration";

/** "Ada Quill" → "ada-quill", "Łukasz Żuk" → "lukasz-zuk", "Élodie O’Brien" → "elodie-obrien"; empty when nothing usable is left. */
export function slugify(text: string, maxLength = 60): string {
  return transliterate(text.normalize("NFC"))
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}

/** The first few words of a text as an id, short enough to read in a URL. */
export function slugOfWords(text: string, words = 4): string {
  return slugify(slugify(text).split("-").slice(0, words).join(" "));
}

/** `base`, or `base-2`, `base-3`… : the first that is not taken. */
export function firstFreeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
