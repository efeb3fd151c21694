// The exports on disk. A partition's worker writes its slices of every export to one file in the cache: a line of
// JSON that gives each part's length in bytes, then the parts one after another. The main thread then writes each
// export by copying those parts into it in order, a chunk at a time: it never holds more than a chunk of any
// partition, where parsing and joining every slice held 805 MB of JSON and ran out of heap at 100,000 messages.
import { mkdir, open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { exportPieces, SLICE_PARTS, type ExportInput, type ExportSlices, type SlicePart, type SliceSummary } from "../cite/exports.ts";

/** Writes a partition's slices to its file: a header line, then the parts. */
export async function writeSlicesFile(file: string, slices: ExportSlices): Promise<void> {
  const bytes = Object.fromEntries(SLICE_PARTS.map((part) => [part, Buffer.byteLength(slices[part])])) as SliceSummary["bytes"];
  await mkdir(path.dirname(file), { recursive: true });
  const out = await open(file, "w");
  try {
    await out.write(`${JSON.stringify({ notes: slices.notes, bytes } satisfies SliceSummary)}\n`);
    for (const part of SLICE_PARTS) await out.write(slices[part]);
  } finally {
    await out.close();
  }
}

/** A slices file opened for copying: its summary, and where each part starts. */
interface SlicesFile {
  handle: FileHandle;
  summary: SliceSummary;
  starts: Record<SlicePart, number>;
}

// Large enough that a partition's part is a few reads, small enough that memory stays flat whatever the edition.
const CHUNK = 1 << 20;

async function openSlices(file: string): Promise<SlicesFile> {
  const handle = await open(file, "r");
  // The header is one short line; read until its end.
  const head = Buffer.alloc(4096);
  let text = "";
  for (let at = 0; !text.includes("\n"); ) {
    const { bytesRead } = await handle.read(head, 0, head.length, at);
    if (!bytesRead) throw new Error(`${file} has no header line: build again with the cache cleared (rm -rf .cache)`);
    text += head.toString("utf8", 0, bytesRead);
    at += bytesRead;
  }
  const line = text.slice(0, text.indexOf("\n"));
  const summary = JSON.parse(line) as SliceSummary;
  let at = Buffer.byteLength(line) + 1;
  const starts = {} as Record<SlicePart, number>;
  for (const part of SLICE_PARTS) {
    starts[part] = at;
    at += summary.bytes[part];
  }
  return { handle, summary, starts };
}

/**
 * Writes each export file of the edition, from the partitions' slices files in reading order, to `fileOf(name)`.
 * Returns the files written. (`chunk` is how many bytes are copied at a time.)
 */
export async function writeExports(input: Omit<ExportInput, "messages">, slicesFiles: readonly string[], fileOf: (name: string) => string, chunk = CHUNK): Promise<string[]> {
  const opened: SlicesFile[] = [];
  try {
    for (const file of slicesFiles) opened.push(await openSlices(file));
    const written: string[] = [];
    const buffer = Buffer.alloc(chunk);
    for (const [name, pieces] of exportPieces(input, opened.map(({ summary }) => summary))) {
      const target = fileOf(name);
      await mkdir(path.dirname(target), { recursive: true });
      const out = await open(target, "w");
      try {
        for (const piece of pieces) {
          if (typeof piece === "string") {
            await out.write(piece);
            continue;
          }
          const { handle, summary, starts } = opened[piece.slice]!;
          const end = starts[piece.part] + summary.bytes[piece.part];
          for (let at = starts[piece.part]; at < end; ) {
            const { bytesRead } = await handle.read(buffer, 0, Math.min(chunk, end - at), at);
            if (!bytesRead) throw new Error(`${slicesFiles[piece.slice]} ends before its ${piece.part}: build again with the cache cleared (rm -rf .cache)`);
            await out.write(buffer.subarray(0, bytesRead));
            at += bytesRead;
          }
        }
      } finally {
        await out.close();
      }
      written.push(target);
    }
    return written;
  } finally {
    await Promise.all(opened.map(({ handle }) => handle.close()));
  }
}
