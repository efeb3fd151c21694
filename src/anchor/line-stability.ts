// Keeps published citations valid: once a version of the edition is published, a message id and a line number
// keep meaning the same text. Each published version's line map (edition/line-maps/<version>.json) records a
// fingerprint of every line; a later build compares against the latest one and fails on any change that the
// changelog does not record: a corrected line, an inserted line, a withdrawn line, and above all a silent
// renumbering. It also records where each note's quote was found, which is what lets a note follow its words
// through a later correction of those lines (resolve-anchor.ts), and nowhere else.
import { createHash } from "node:crypto";
import { report } from "../load/diagnostics.ts";
import type { Edition, Message } from "../load/model.ts";
import type { Anchor, LineMap, QuoteAnchor } from "../load/schema.ts";
import type { PublishedAnchor } from "./resolve-anchor.ts";
import type { TranscriptLine } from "./transcript-text.ts";
import { compareText } from "../load/compare-text.ts";

/** A short, stable fingerprint of a line's text: enough to tell any change, not meant to be reversed. */
export function lineFingerprint(text: string): string {
  return createHash("sha256").update(text.normalize("NFC")).digest("hex").slice(0, 16);
}

/** A fingerprint of a quote anchor's words (whitespace collapsed), so that a line map can tell whether a note still quotes what it did. */
export function anchorFingerprint(anchor: QuoteAnchor): string {
  const words = (text = "") => text.replace(/\s+/g, " ");
  return lineFingerprint(JSON.stringify([words(anchor.quote), words(anchor.prefix), words(anchor.suffix)]));
}

/** A note as the line map records it: anchored by quote, exactly, on these lines. */
export interface NoteAtPublication {
  id: string;
  anchor: Anchor;
  method: string;
  firstLine: string;
  lastLine: string;
}

export function buildLineMap(version: string, transcripts: Iterable<{ id: string; lines: readonly TranscriptLine[]; notes?: readonly NoteAtPublication[] }>): LineMap {
  const messages: LineMap["messages"] = {};
  const notes: NonNullable<LineMap["notes"]> = {};
  for (const { id, lines, notes: anchored = [] } of transcripts) {
    messages[id] = Object.fromEntries(lines.map((line) => [line.label, lineFingerprint(line.text)]));
    // Only a note found by its exact words is on record: one that had moved never matched this version's text.
    for (const note of anchored)
      if ("quote" in note.anchor && (note.method === "quote" || note.method === "quote-and-line"))
        notes[note.id] = { message: id, lines: note.firstLine === note.lastLine ? note.firstLine : `${note.firstLine}-${note.lastLine}`, anchor: anchorFingerprint(note.anchor) };
  }
  return { version, messages, notes: Object.fromEntries(Object.entries(notes).sort(([a], [b]) => compareText(a, b))) };
}

/**
 * For each note anchored by quote, where its quote was found in the latest published version whose line map
 * records it with the same words and target: the lines a correction may follow it within.
 */
export function publishedAnchors(edition: Pick<Edition, "meta" | "lineMaps" | "annotationsByMessage">): Map<string, PublishedAnchor> {
  const maps = edition.lineMaps
    .filter((map) => map.notes && compareVersions(map.version, edition.meta.version) <= 0)
    .sort((a, b) => compareVersions(b.version, a.version));
  const found = new Map<string, PublishedAnchor>();
  if (!maps.length) return found;
  for (const [target, annotations] of edition.annotationsByMessage)
    for (const { id, anchor } of annotations) {
      if (!("quote" in anchor)) continue;
      const fingerprint = anchorFingerprint(anchor);
      for (const map of maps) {
        const record = map.notes![id];
        if (record?.message !== target || record.anchor !== fingerprint) continue;
        const [first, last = first] = record.lines.split("-") as [string, string?];
        found.set(id, { version: map.version, first, last });
        break;
      }
    }
  return found;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The line map to compare against: the latest published at or before the current version. */
export function baselineLineMap<T extends LineMap>(maps: readonly T[], currentVersion: string): T | undefined {
  return maps
    .filter((map) => compareVersions(map.version, currentVersion) <= 0)
    .sort((a, b) => compareVersions(b.version, a.version))[0];
}

type ChangeType = "correction" | "insertion" | "withdrawal";

/**
 * Checks every message's lines against the baseline map, and reports each unrecorded change on the message's file,
 * at the line it concerns. Changes count as recorded when the changelog of a version after the baseline's lists
 * them (message and line), with the right type.
 */
export function checkLineStability(edition: Edition, linesById: ReadonlyMap<string, readonly TranscriptLine[]>): void {
  const { meta, changelog } = edition;
  const baseline = baselineLineMap(edition.lineMaps, meta.version);
  if (!baseline) return;
  const sameVersion = compareVersions(baseline.version, meta.version) === 0;
  const recorded = new Set<string>();
  for (const entry of changelog)
    if (compareVersions(entry.version, baseline.version) > 0)
      for (const change of entry.changes)
        if (change.message) recorded.add(`${change.type}|${change.message}|${change.line ?? ""}`);
  const isRecorded = (type: ChangeType, message: string, line = "") => recorded.has(`${type}|${message}|${line}`);

  const messagesById = new Map(edition.messages.map((message) => [message.id, message]));
  const where = (message: Message, line?: TranscriptLine) => ({
    line: line?.sourceLine ?? message.origin.bodyStartLine,
    column: 1,
  });
  const bump = sameVersion
    ? ` Version ${baseline.version} is already published: raise the version in edition/edition.yaml, then record the change in edition/changelog.yaml under the new version.`
    : ` Record it in edition/changelog.yaml under version ${meta.version}.`;

  for (const [id, published] of Object.entries(baseline.messages)) {
    const message = messagesById.get(id);
    const lines = linesById.get(id);
    if (!message || !lines) {
      if (!isRecorded("withdrawal", id))
        report(baseline.file, `Message "${id}", published in version ${baseline.version}, is missing`, {
          ruleId: "line-map-message-removed",
          place: { line: 1, column: 1 },
          hint: `Published messages keep their id. Restore content/${id}.md, or record its withdrawal ({type: withdrawal, message: ${id}}) in edition/changelog.yaml.`,
        });
      continue;
    }
    const byLabel = new Map(lines.map((line) => [line.label, { line, fingerprint: lineFingerprint(line.text) }]));
    const labelOfFingerprint = new Map([...byLabel.values()].map(({ line, fingerprint }) => [fingerprint, line.label]));
    // The first published line with a given text, as repeated lines ("[…]") share one fingerprint.
    const publishedLabelOf = new Map<string, string>();
    for (const [label, fingerprint] of Object.entries(published)) if (!publishedLabelOf.has(fingerprint)) publishedLabelOf.set(fingerprint, label);
    const withdrawn = new Set(message.withdrawn_lines ?? []);

    for (const [label, fingerprint] of Object.entries(published)) {
      const current = byLabel.get(label);
      if (!current) {
        if (withdrawn.has(label)) {
          if (!isRecorded("withdrawal", id, label))
            report(message.origin.file, `Line ${label} of ${id} is withdrawn, but the changelog does not say so`, {
              ruleId: "line-map-unrecorded",
              place: message.origin.places.withdrawn_lines ?? where(message),
              hint: `Add {type: withdrawal, message: ${id}, line: ${label}, description: …}.${bump}`,
            });
          continue;
        }
        report(message.origin.file, `Line ${label} of ${id}, published in version ${baseline.version}, no longer exists: its text was removed or the lines were renumbered`, {
          ruleId: "line-map-renumbered",
          place: where(message),
          hint: "Keep published lines where they are. To remove a line, list its number under withdrawn_lines; to add one, list the line it follows under inserted_after.",
        });
        continue;
      }
      const { line } = current;
      if (current.fingerprint === fingerprint) continue;
      const movedFrom = publishedLabelOf.get(current.fingerprint);
      const movedTo = labelOfFingerprint.get(fingerprint);
      if (movedFrom !== undefined || movedTo !== undefined) {
        report(message.origin.file, `Line ${label} of ${id} was renumbered: ${movedTo !== undefined ? `the text published as line ${label} in version ${baseline.version} is now line ${movedTo}` : `it now reads what line ${movedFrom} read in version ${baseline.version}`}`, {
          ruleId: "line-map-renumbered",
          place: where(message, line),
          hint: "A line inserted after publication must not renumber the lines after it: list the published line it follows under inserted_after (it becomes 2a, 2b…), and record the insertion in the changelog.",
        });
        continue;
      }
      if (!isRecorded("correction", id, label))
        report(message.origin.file, `Line ${label} of ${id} differs from the text published in version ${baseline.version}, and the changelog does not record a correction`, {
          ruleId: "line-map-unrecorded",
          place: where(message, line),
          hint: `If this is a correction, add {type: correction, message: ${id}, line: ${label}, description: …}.${bump}`,
        });
    }

    // Any line without a published label is new: an insertion, which the changelog must record.
    for (const line of lines)
      if (!(line.label in published) && !isRecorded("insertion", id, line.label))
        report(message.origin.file, `Line ${line.label} of ${id} is new since version ${baseline.version}, and the changelog does not record it`, {
          ruleId: "line-map-unrecorded",
          place: where(message, line),
          hint: `Add {type: insertion, message: ${id}, line: ${line.label}, description: …}.${bump}`,
        });
  }
}
