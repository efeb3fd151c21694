// YAML parsed with positions, so that a schema problem can be reported at the line and column of the key that
// caused it (as Astro does for content collections), not just "somewhere in this file".
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Place } from "./diagnostics.ts";

export interface LocatedYaml {
  value: unknown;
  errors: Array<{ message: string; place: Place }>;
  /** The place of the value at `path`, or of its nearest existing ancestor. */
  locate(path: ReadonlyArray<PropertyKey>): Place;
  /** The place of a key (rather than its value) in the map at `path`. */
  locateKey(path: ReadonlyArray<PropertyKey>, key: string): Place;
}

/**
 * Parses YAML text that starts at `startLine` of its file (1-based), so that every place reported is a place in
 * the file the editor has open.
 */
export function parseLocatedYaml(text: string, startLine = 1): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPlace = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + startLine - 1, column: col };
  };
  const start = toPlace(0);

  const nodeAt = (path: ReadonlyArray<PropertyKey>): Node | undefined => {
    let node: unknown = doc.contents;
    let found: Node | undefined = (doc.contents as Node | null) ?? undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
        if (!node) break;
      } else break;
      found = node as Node;
    }
    return found;
  };

  return {
    value: doc.errors.length ? undefined : doc.toJS(),
    errors: [...doc.errors, ...doc.warnings].map((error) => ({
      message: error.message.split("\n")[0] ?? error.message,
      place: toPlace(error.pos[0]),
    })),
    locate(path) {
      const node = nodeAt(path);
      return node?.range ? toPlace(node.range[0]) : start;
    },
    locateKey(path, key) {
      const map = nodeAt(path);
      if (isMap(map)) {
        const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return toPlace(pair.key.range[0]);
      }
      return map?.range ? toPlace(map.range[0]) : start;
    },
  };
}
