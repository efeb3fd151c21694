// Ids made from what an editor typed (a name, a quote, a file name): lowercase ASCII letters, digits and hyphens,
// as src/load/schema.ts requires of every id, because ids become URLs and anchors.

/** "Ada Quill" → "ada-quill", "Élodie O’Brien" → "elodie-obrien"; empty when nothing usable is left. */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
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
