// Order by the characters themselves, the same on every machine. `localeCompare` follows the machine's locale
// (under da_DK "aa" sorts after "z"), so ordering ids or paths with it made the thread order, and the site, depend
// on where it was built.

/** Compares two strings by UTF-16 code units: a total, locale-independent order for ids, paths and labels. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
