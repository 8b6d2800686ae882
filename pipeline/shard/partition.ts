/**
 * Which candidates a shard decides: the candidate codes in code order, dealt round-robin, so
 * shard `i` of `n` takes the codes at positions i−1, i−1+n, i−1+2n… Every candidate falls in
 * exactly one shard, the shards differ in size by one at most, and a candidate's shard depends
 * only on the set of codes, never on file order or on the machine.
 */
import type { ShardPart } from '../../schemas/shard.ts';
import { Errors, recevableError } from '../errors.ts';

const SHARD = /^(\d+)\/(\d+)$/;

/** Largest number of shards: far above any CI matrix (GitHub allows 256 jobs). */
export const MAX_SHARDS = 256;

/** Parses `i/n` (1 ≤ i ≤ n ≤ 256); throws a usage error naming what is wrong. */
export function parseShard(text: string): ShardPart {
  const match = SHARD.exec(text.trim());
  if (!match) throw recevableError(Errors.ShardBadSpec, text, 'expected i/n, e.g. 2/4');
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS)
    throw recevableError(Errors.ShardBadSpec, text, `n must be between 1 and ${MAX_SHARDS}`);
  if (index < 1 || index > count)
    throw recevableError(Errors.ShardBadSpec, text, `i must be between 1 and ${count}`);
  return { index, count };
}

/** `i/n`, as people write it. */
export const shardName = (part: ShardPart): string => `${part.index}/${part.count}`;

/** The 1-based shard of each code, for `count` shards. */
export function shardsOf(codes: readonly string[], count: number): Map<string, number> {
  const sorted = [...new Set(codes)].sort((a, b) => a.localeCompare(b, 'en'));
  return new Map(sorted.map((code, position) => [code, (position % count) + 1]));
}

/** The codes shard `part` decides, in the order given. */
export function membersOf(codes: readonly string[], part: ShardPart): string[] {
  const shard = shardsOf(codes, part.count);
  return codes.filter((code) => shard.get(code) === part.index);
}
