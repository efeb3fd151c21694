// Reads one editor-written file as text, catching what editors' tools get wrong before it can corrupt a
// transcript: bytes that are not UTF-8, a byte-order mark, Windows line endings, an empty file.
import { readFile } from "node:fs/promises";
import { VFile } from "vfile";
import { report } from "./diagnostics.ts";

// ignoreBOM keeps a byte-order mark in the text, so that it can be reported rather than silently dropped.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export interface SourceText {
  file: VFile;
  /** The text with any BOM removed and line endings normalised to \n, or undefined if it cannot be read. */
  text: string | undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Decode line by line to find the first line that fails, so the editor knows where to look.
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(lineStart, i));
      } catch {
        return { line, column: 1 };
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line: 1, column: 1 };
}

export function decodeSource(path: string, bytes: Uint8Array): SourceText {
  const file = new VFile({ path });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    report(file, "The file is not valid UTF-8", {
      ruleId: "encoding",
      place: firstInvalidUtf8(bytes),
      hint: "Re-save it as UTF-8 in your editor (for example, from Windows-1252 or Latin-1), then check the characters on this line.",
    });
    return { file, text: undefined };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    report(file, "The file starts with a UTF-8 byte-order mark (BOM)", {
      ruleId: "bom",
      place: { line: 1, column: 1 },
      hint: "Save the file as UTF-8 without BOM, or run `npm run check -- --fix` to remove it.",
    });
  }
  if (text.includes("\r")) {
    const line = text.slice(0, text.indexOf("\r")).split("\n").length;
    text = text.replace(/\r\n?/g, "\n");
    report(file, "The file has Windows (CRLF) or old Mac (CR) line endings", {
      ruleId: "line-endings",
      place: { line, column: 1 },
      hint: "Set your editor to LF line endings, or run `npm run check -- --fix` to convert them.",
    });
  }
  if (!text.trim()) {
    report(file, "The file is empty", {
      ruleId: "empty-file",
      place: { line: 1, column: 1 },
      hint: "Write its front matter and text, or delete the file.",
    });
    return { file, text: undefined };
  }
  file.value = text;
  return { file, text };
}

export async function readSource(path: string): Promise<SourceText> {
  return decodeSource(path, await readFile(path));
}
