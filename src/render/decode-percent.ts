// Percent-decoding that never throws. decodeURIComponent throws a URIError on a malformed escape ("%zz", a lone
// "%", half a UTF-8 sequence), and a link in a transcript or note, or a fragment a reader pastes into the address
// bar, can hold any of them. Used by the render stage, the site's self-check and the browser scripts alike.

/** The decoded text, or undefined when `text` holds a malformed percent-escape. */
export function decodePercent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
