// Sharded builds: `--shard k/n` writes and indexes one slice of the edition, so that n machines can share an
// edition too large for one. Every shard loads, checks and renders the whole edition, so that each reports the
// same problems and checks links into other shards against the real line anchors; it then writes only its own
// message pages and thread pages, and indexes only its own messages and notes, into a Pagefind bundle of its
// own. Shard 1 also writes the pages that belong to the whole edition (search, people, sources, exports…). The
// shards' outputs are copied into one folder; the search page merges their bundles with Pagefind's mergeIndex.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export class ShardError extends Error {
  constructor(value: string) {
    super(`"${value}" is not a shard: give it as k/n, this build's number and the number of shards, as in --shard 2/8 (1 ≤ k ≤ n).`);
    this.name = "ShardError";
  }
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) throw new ShardError(value);
  return { index, count };
}

/** The range [start, end) of the items the shard owns: contiguous, in reading order, as even as they divide. */
export function shardRange(total: number, shard: Shard | undefined): { start: number; end: number } {
  if (!shard) return { start: 0, end: total };
  return { start: Math.floor(((shard.index - 1) * total) / shard.count), end: Math.floor((shard.index * total) / shard.count) };
}

/** Where a shard's Pagefind bundle lives, relative to the site's root: shard 1 (or an unsharded build) at pagefind/. */
export function searchBundleFolder(shardIndex: number): string {
  return shardIndex <= 1 ? "pagefind/" : `pagefind-shard-${shardIndex}/`;
}
