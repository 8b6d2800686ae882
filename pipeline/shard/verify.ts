/**
 * The checks `merge` makes before using any shard: every folder is a finished shard of this
 * session, all were split the same way, each shard is there exactly once, each decided the
 * candidates its number gives it, and all were built from the same inputs as one another and
 * as this checkout (tool and its code, session files, corpus index, options).
 */
import { resolve } from 'node:path';
import type { ShardManifest } from '../../schemas/shard.ts';
import type { CheckSessionOptions } from '../checks/index.ts';
import type { Chosen } from '../checks/submissions.ts';
import { Errors, recevableError } from '../errors.ts';
import type { LoadedSession } from '../session/load.ts';
import { readManifest } from './files.ts';
import { inputDifferences, shardInputs } from './inputs.ts';
import { membersOf, shardName } from './partition.ts';

/** A verified shard folder. */
export interface Shard {
  readonly dir: string;
  readonly manifest: ShardManifest;
}

const named = (s: Shard): string => `shard ${shardName(s.manifest.shard)} (${s.dir})`;

/** The shards of `dirs`, in shard order; throws a catalogue error on the first problem. */
export async function verifyShards(
  loaded: LoadedSession,
  chosen: readonly Chosen[],
  dirs: readonly string[],
  options: CheckSessionOptions,
): Promise<Shard[]> {
  if (dirs.length === 0)
    throw recevableError(
      Errors.BadArguments,
      'merge',
      'expected shard folders after the session folder',
    );
  const shards: Shard[] = [];
  for (const dir of dirs) shards.push({ dir, manifest: await readManifest(dir) });

  for (const s of shards)
    if (s.manifest.session !== loaded.session.id)
      throw recevableError(Errors.ShardOtherSession, s.dir, s.manifest.session, loaded.session.id);
  const counts = [...new Set(shards.map((s) => s.manifest.shard.count))];
  if (counts.length > 1) throw recevableError(Errors.ShardCountMismatch, shards.map(named));
  const count = counts[0]!;
  const byIndex = new Map<number, Shard[]>();
  for (const s of shards)
    byIndex.set(s.manifest.shard.index, [...(byIndex.get(s.manifest.shard.index) ?? []), s]);
  for (const [index, same] of [...byIndex].sort(([a], [b]) => a - b))
    if (same.length > 1) {
      const places = same.map((s) => s.dir);
      const what =
        new Set(places.map((p) => resolve(p))).size < places.length ? 'the same folder' : 'folders';
      throw recevableError(Errors.ShardDuplicate, `${index}/${count}`, what, places);
    }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw recevableError(
      Errors.ShardMissing,
      missing.map((i) => `${i}/${count}`),
      [...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${count}`),
    );
  const ordered = [...byIndex.values()]
    .map(([s]) => s!)
    .sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);

  const first = ordered[0]!;
  for (const s of ordered.slice(1)) {
    const differences = inputDifferences(first.manifest.inputs, s.manifest.inputs);
    if (differences.length > 0)
      throw recevableError(Errors.ShardInputsDiffer, named(s), named(first), differences);
  }
  const here = await shardInputs(loaded, options);
  const differences = inputDifferences(first.manifest.inputs, {
    ...here,
    options: first.manifest.inputs.options,
  });
  if (differences.length > 0)
    throw recevableError(
      Errors.ShardInputsDiffer,
      `the shards (${shardName(first.manifest.shard)}…)`,
      `this checkout (${loaded.dir})`,
      differences,
    );

  const codes = chosen.map((c) => c.candidate);
  for (const s of ordered) {
    const expected = membersOf(codes, s.manifest.shard);
    const listed = s.manifest.candidates;
    const decided = new Set([
      ...Object.keys(s.manifest.results),
      ...s.manifest.readings.candidates,
    ]);
    const extra = listed.filter((c) => !expected.includes(c));
    const absent = expected.filter((c) => !listed.includes(c) || !decided.has(c));
    if (extra.length > 0 || absent.length > 0 || decided.size !== listed.length)
      throw recevableError(Errors.ShardCandidatesDiffer, named(s), absent, extra);
  }
  return ordered;
}
