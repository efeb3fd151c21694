// Costs measured inside one process, which a cold build folds into its total: formatting a citation in each
// format (which is cheap only if each citeproc engine is built once and reused), and laying out the home page's
// timeline for 100,000 messages (which must stay linear). These were bounds in timed tests; timing belongs here.
import { performance } from "node:perf_hooks";
import { CITATION_FORMATS, formatCitation, type CitationFormat } from "../../src/cite/index.ts";
import { parseTimestamp } from "../../src/load/timestamp.ts";
import { readEdition } from "../../src/pipeline/edition-build.ts";
import { layoutTimeline, type TimelineMessage } from "../../src/site/timeline/layout.ts";

export interface InProcessCosts {
  /** Milliseconds per citation, over 1,000 citations of one message's lines, after the first. */
  citationMs: Record<CitationFormat, number>;
  /** Milliseconds to lay out the timeline of 100,000 messages an hour apart from 300 senders (median of 3). */
  timeline100kMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Measured on the default edition (the project's own), whose first message is cited with every pair of lines. */
export async function measureInProcess(projectRoot: string): Promise<InProcessCosts> {
  const { model } = await readEdition(projectRoot);
  const entry = model?.messages[0];
  if (!model || !entry) throw new Error(`The edition in ${projectRoot} does not load; run npm run check.`);
  const item = model.citations.messageItem(entry.message, entry.lines);
  const items = Array.from({ length: 1000 }, (_, index) => ({ ...item, id: `message-${index}`, locator: String(1 + (index % 5)) }));
  const citationMs = {} as Record<CitationFormat, number>;
  for (const format of CITATION_FORMATS) {
    formatCitation(items[0]!, format);
    const start = performance.now();
    for (const one of items) formatCitation(one, format);
    citationMs[format] = (performance.now() - start) / items.length;
  }

  const start = Date.UTC(2012, 0, 1);
  const messages: TimelineMessage[] = Array.from({ length: 100_000 }, (_, i) => ({
    id: `m-${i}`,
    from: `person-${i % 300}`,
    kind: i % 7 === 0 ? "public-post" : "email",
    precision: "minute",
    time: parseTimestamp(new Date(start + i * 3_600_000).toISOString().slice(0, 16) + "Z")!,
  }));
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const began = performance.now();
    layoutTimeline({ messages, nameOf: (id) => id });
    runs.push(performance.now() - began);
  }
  return { citationMs, timeline100kMs: median(runs) };
}
