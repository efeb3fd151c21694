// How an edition is cut up for reading and for building. Readers page through the thread by month (a month of
// more than a page's worth of messages is split into pages), so that an edit moves messages only within its month.
// Builds work in partitions: runs of whole thread pages of a few hundred messages each, every partition rendered,
// written and indexed for search as a unit. Where a partition ends is decided by a hash of the thread page that
// would begin the next one, not by counting, so that adding or removing a message moves no boundary but its own
// month's (content-defined chunking, as backup and sync tools cut files).
import { createHash } from "node:crypto";

/** A page of the thread (and of the conversation): a month, or one page of a long month, or the whole edition. */
export interface ThreadUnit {
  /** `all` for an edition on one page; otherwise `2016-10`, or `2016-10/2` for a long month's second page. */
  key: string;
  /** The month it belongs to, `2016-10` (or `all`). */
  month: string;
  /** 1-based page within its month. */
  page: number;
  /** How many pages its month has. */
  pages: number;
  /** Indexes into the edition's messages in thread order: [start, end). */
  start: number;
  end: number;
}

export interface Partition {
  /** A name that stays the same while the partition's first thread page does: `all`, `2016-10`, `2016-10-2`. */
  name: string;
  units: ThreadUnit[];
  start: number;
  end: number;
}

export interface PartitionOptions {
  /** Messages per thread page, at most (default 200). An edition no longer than this is one page. */
  pageSize?: number;
  /** The number of messages a partition aims at (default: see defaultPartitionSize). */
  partitionSize?: number;
}

export const DEFAULT_PAGE_SIZE = 200;

/**
 * A partition's size is a cost both ways. An edit indexes its partition again (Pagefind writes a bundle whole), so
 * the editor waits longer for larger partitions; a reader's first search reads every bundle's list of pages and
 * the chunk of each word in each bundle, so readers wait longer for more of them. About six partitions balance the
 * two at 10,000 messages (measured: see the README's Performance section); the size is a power of two, between
 * 1,024 and 8,192 messages, so that it changes only when the edition doubles, not with every message added.
 */
export function defaultPartitionSize(messages: number): number {
  return 2 ** Math.min(13, Math.max(10, Math.round(Math.log2(Math.max(1, messages) / 6))));
}

/** The thread pages of messages in thread order, each given as its month (`YYYY-MM`). */
export function threadUnits(months: readonly string[], pageSize = DEFAULT_PAGE_SIZE): ThreadUnit[] {
  if (months.length <= pageSize) return [{ key: "all", month: "all", page: 1, pages: 1, start: 0, end: months.length }];
  const units: ThreadUnit[] = [];
  for (let start = 0; start < months.length; ) {
    const month = months[start]!;
    let end = start;
    while (end < months.length && months[end] === month) end++;
    const pages = Math.ceil((end - start) / pageSize);
    for (let page = 1; page <= pages; page++) {
      const from = start + (page - 1) * pageSize;
      units.push({ key: page === 1 ? month : `${month}/${page}`, month, page, pages, start: from, end: Math.min(end, from + pageSize) });
    }
    start = end;
  }
  return units;
}

function boundaryHash(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0);
}

/**
 * Runs of thread pages of about `partitionSize` messages. Once a partition holds half the size, it ends before the
 * next page whose key hashes to a multiple of the divisor that gives that size on average; a page that would take
 * it past twice the size begins the next one. The divisor is a power of two of the edition's size, so that it
 * changes only when the edition doubles. Where a boundary falls depends on the page after it, and on counts only
 * through the half-size floor, so an edit that adds or removes a message moves a boundary only nearby, and the
 * ones after it fall where they did (as in content-defined chunking with a minimum size, FastCDC's). A size is a
 * cost both ways: an edit writes its partition's search bundle again, and a first search reads every bundle's list.
 */
export function partitionUnits(units: readonly ThreadUnit[], partitionSize = defaultPartitionSize(units.at(-1)?.end ?? 0)): Partition[] {
  const total = units.at(-1)?.end ?? 0;
  const averageUnit = units.length ? total / units.length : 1;
  const divisor = 2 ** Math.max(0, Math.round(Math.log2(Math.max(1, partitionSize / Math.max(1, averageUnit)))));
  const partitions: Partition[] = [];
  let current: ThreadUnit[] = [];
  const close = () => {
    if (!current.length) return;
    partitions.push({ name: current[0]!.key.replace("/", "-"), units: current, start: current[0]!.start, end: current.at(-1)!.end });
    current = [];
  };
  for (const unit of units) {
    const size = current.length ? current.at(-1)!.end - current[0]!.start : 0;
    const withUnit = size + unit.end - unit.start;
    if (current.length && ((size >= partitionSize / 2 && boundaryHash(unit.key) % divisor === 0) || withUnit > 2 * partitionSize)) close();
    current.push(unit);
  }
  close();
  return partitions;
}

/** The thread pages and partitions of an edition whose messages, in thread order, fall in these months. */
export function partitionEdition(months: readonly string[], options: PartitionOptions = {}): { units: ThreadUnit[]; partitions: Partition[] } {
  const units = threadUnits(months, options.pageSize);
  return { units, partitions: partitionUnits(units, options.partitionSize) };
}
