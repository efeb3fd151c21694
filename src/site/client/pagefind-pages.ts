// Where each search result stands in reading order, read from the metadata Pagefind downloads anyway.
//
// Pagefind numbers a language's pages in the order they were indexed, which is the reading order, and lists them
// with their ids (the page hashes its results carry) at the start of its metadata file, pagefind.<hash>.pf_meta. A
// sort key would cost every search about 2.5 bytes a message more in that file; instead, the page reads the list
// from the response Pagefind itself fetches (on the page's own thread: see pagefind-engine.ts), so that sorting by
// date, across the bundles and their languages, costs no byte more. Pagefind's own merge of several bundles sorts
// by score even when a sort is asked for; this puts them in order.
import type { SearchBundle } from "../search-schema.ts";

export interface PagePlace {
  bundle: number;
  language: string;
  /** The page's number in its language's index of its bundle. */
  page: number;
}

const SIGNATURE = "pagefind_dcd";

/** Reads what a pf_meta file starts with: [version, [[hash, word count, …], …], …], in CBOR. */
export function readPageHashes(bytes: Uint8Array): string[] {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const head = (): { major: number; value: number } => {
    const byte = bytes[at++]!;
    const info = byte & 31;
    let value = info;
    if (info === 24) value = bytes[at++]!;
    else if (info === 25) (value = view.getUint16(at)), (at += 2);
    else if (info === 26) (value = view.getUint32(at)), (at += 4);
    else if (info > 26) throw new Error(`Pagefind metadata: unexpected CBOR item ${byte} at ${at - 1}`);
    return { major: byte >> 5, value };
  };
  const expect = (major: number) => {
    const item = head();
    if (item.major !== major) throw new Error(`Pagefind metadata: expected CBOR type ${major}, found ${item.major}`);
    return item.value;
  };
  const text = () => {
    const length = expect(3);
    const value = decoder.decode(bytes.subarray(at, at + length));
    at += length;
    return value;
  };
  const skip = (): void => {
    const { major, value } = head();
    if (major === 2 || major === 3) at += value;
    else if (major === 4) for (let i = 0; i < value; i++) skip();
    else if (major === 5) for (let i = 0; i < 2 * value; i++) skip();
  };
  expect(4);
  text(); // Pagefind's version
  const count = expect(4);
  const hashes: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const fields = expect(4);
    hashes[i] = text();
    for (let field = 1; field < fields; field++) skip(); // the word count, and what else this version keeps
  }
  return hashes;
}

async function decompressed(bytes: Uint8Array): Promise<Uint8Array> {
  const decoder = new TextDecoder();
  if (decoder.decode(bytes.subarray(0, SIGNATURE.length)) === SIGNATURE) return bytes.subarray(SIGNATURE.length);
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  const plain = new Uint8Array(await new Response(stream).arrayBuffer());
  if (decoder.decode(plain.subarray(0, SIGNATURE.length)) !== SIGNATURE) throw new Error("Pagefind metadata: missing signature");
  return plain.subarray(SIGNATURE.length);
}

/**
 * Collects the place of every page of the given bundles from the metadata files Pagefind fetches on this page's
 * thread, and puts results in reading order.
 */
export class PagePlaces {
  readonly #places = new Map<string, PagePlace>();
  /** Each metadata file as received, read only when a search is first sorted by date. */
  readonly #received: Array<Promise<{ bundle: number; language: string; buffer: ArrayBuffer } | undefined>> = [];
  #read: Promise<void> | undefined;
  readonly #bundles: readonly SearchBundle[];

  constructor(bundles: readonly SearchBundle[]) {
    this.#bundles = bundles;
  }

  /** Wraps `fetch` so that each bundle's metadata is kept as Pagefind receives it. */
  watch(target: { fetch: typeof fetch }): void {
    const original = target.fetch.bind(target);
    target.fetch = async (input, init) => {
      const response = await original(input, init);
      const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, location.href);
      const match = /^(.*\/)pagefind\.([^/]+)_[0-9a-f]+\.pf_meta$/.exec(url.pathname);
      const bundle = match ? this.#bundles.findIndex((b) => new URL(b.path, location.href).pathname === match[1]) : -1;
      if (match && bundle >= 0 && response.ok) {
        const language = match[2]!;
        this.#received.push(
          response
            .clone()
            .arrayBuffer()
            .then((buffer) => ({ bundle, language, buffer }))
            .catch(() => undefined),
        );
      }
      return response;
    };
  }

  /** Reads the metadata received so far, once. */
  ready(): Promise<void> {
    return (this.#read ??= (async () => {
      for (const received of await Promise.all(this.#received)) {
        if (!received) continue;
        const { bundle, language, buffer } = received;
        try {
          readPageHashes(await decompressed(new Uint8Array(buffer))).forEach((hash, page) => this.#places.set(hash, { bundle, language, page }));
        } catch (error) {
          console.warn(`Search cannot sort bundle ${bundle + 1} by date: ${String(error)}`);
        }
      }
    })());
  }

  /** The page's position among its bundle's messages, in reading order. */
  #position({ bundle, language, page }: PagePlace): number {
    const { languages } = this.#bundles[bundle]!;
    const positions = languages[language];
    if (positions) return positions[page] ?? Number.MAX_SAFE_INTEGER;
    // The bundle's main language fills every place the others do not take.
    const taken = Object.values(languages)
      .flatMap((list) => list ?? [])
      .sort((a, b) => a - b);
    let position = page;
    for (const other of taken) if (other <= position) position++;
    return position;
  }

  /** Reading order of two results by their page ids (1), or its reverse (-1); results whose place is unknown go last. */
  compare(a: string, b: string, direction: 1 | -1 = 1): number {
    const [placeA, placeB] = [this.#places.get(a), this.#places.get(b)];
    if (!placeA || !placeB) return Number(!placeA) - Number(!placeB);
    return direction * (placeA.bundle - placeB.bundle || this.#position(placeA) - this.#position(placeB));
  }

  knows(id: string): boolean {
    return this.#places.has(id);
  }
}
