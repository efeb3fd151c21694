// Sharded builds: `--shard k/n` writes one slice of the edition's partitions (partitions.ts), so that n machines
// can share an edition too large or too slow for one. Every shard loads, checks and renders the whole edition, so
// that each reports the same problems and checks links into other shards against the real line anchors; it then
// writes the pages and search bundles of its own partitions only. Shard 1 also writes the pages of the whole
// edition (home, thread, people, sources, search, changelog, editorial pages) and the exports. The shards' output
// folders, copied into one, are the site an unsharded build with the same partitions writes, byte for byte.
import type { Partition } from "./partitions.ts";

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

/** The partitions a shard builds: contiguous, in reading order, as even in messages as whole partitions allow. */
export function shardPartitions(partitions: readonly Partition[], shard: Shard | undefined): Set<string> {
  if (!shard) return new Set(partitions.map((partition) => partition.name));
  const total = partitions.at(-1)?.end ?? 0;
  const from = (shard.index - 1) * total / shard.count;
  const to = shard.index * total / shard.count;
  // A partition belongs to the shard in whose share of the messages its middle falls.
  const middle = (partition: Partition) => (partition.start + partition.end) / 2;
  return new Set(partitions.filter((p) => middle(p) >= from && (middle(p) < to || shard.index === shard.count)).map((p) => p.name));
}
