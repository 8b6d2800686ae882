/**
 * `checkShard(dir, part, options)`: one shard of an admissibility run. It decides the shard's
 * candidates exactly as `checkSession` does (same code, same cache, same options) but writes
 * nothing in the session folder: into the shard folder go the results its own dossiers decide
 * (late, missing, unreadable… or every result when the session has no session-level check),
 * the readings of the other dossiers for the session-level checks that `merge` runs over the
 * whole session, and last the manifest that names the inputs. A shard folder without a
 * manifest is unfinished; a run killed half way resumes from the Document cache.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Finding, Result } from '../../schemas/result.ts';
import {
  SHARD_FORMAT,
  type ShardManifest,
  type ShardPart,
  type ShardReading,
} from '../../schemas/shard.ts';
import { checkSession, type CheckSessionOptions, type SessionCheck } from '../checks/index.ts';
import { chooseSubmissions } from '../checks/submissions.ts';
import type { SessionEntry } from '../checks/types.ts';
import { Errors, recevableError } from '../errors.ts';
import { removeTemporaries, writeIfChanged } from '../files/atomic.ts';
import { resultYaml } from '../results/write.ts';
import { loadSession, type LoadedSession } from '../session/load.ts';
import {
  MANIFEST_FILE,
  READINGS_FILE,
  readingsBytes,
  sha256Bytes,
  writeManifest,
} from './files.ts';
import { shardInputs } from './inputs.ts';
import { membersOf } from './partition.ts';

/** Where a shard writes by default: `<session>/.cache/shards/<i>-of-<n>/` (git-ignored). */
export const defaultShardDir = (sessionDir: string, part: ShardPart): string =>
  join(sessionDir, '.cache', 'shards', `${part.index}-of-${part.count}`);

/** What one shard decided and wrote. */
export interface ShardReport {
  readonly loaded: LoadedSession;
  readonly part: ShardPart;
  /** The shard folder. */
  readonly out: string;
  /** Every candidate of the shard, in the order of candidates.yaml. */
  readonly candidates: readonly string[];
  /** The results final in this shard (the others wait for the merge). */
  readonly results: Result[];
  /** Candidates whose result the merge decides (their dossier takes part in similarity). */
  readonly pending: readonly string[];
  readonly stats: { read: number; cached: number; kept: number; written: number };
}

/** The session-level checks the options choose for a session. */
const chosenChecks = (
  options: CheckSessionOptions,
  loaded: LoadedSession,
): Readonly<Record<string, SessionCheck>> =>
  typeof options.sessionChecks === 'function'
    ? options.sessionChecks(loaded)
    : (options.sessionChecks ?? {});

/** Removes what an earlier run left in the shard folder besides `keep`. */
async function clearStale(out: string, keep: ReadonlySet<string>): Promise<void> {
  const dir = join(out, 'results');
  for (const name of await readdir(dir).catch(() => [] as string[]))
    if (!keep.has(name)) await rm(join(dir, name), { force: true });
}

/**
 * Decides shard `part` of the session in `dir`, writing to `out` (default `defaultShardDir`).
 * `options` are those of `checkSession` (`only` and `write` are the shard's own).
 */
export async function checkShard(
  dir: string,
  part: ShardPart,
  options: CheckSessionOptions = {},
  out?: string,
): Promise<ShardReport> {
  const loaded = await loadSession(dir);
  const folder = resolve(out ?? defaultShardDir(loaded.dir, part));
  if (folder === resolve(loaded.dir) || folder === resolve(loaded.dir, 'results'))
    throw recevableError(Errors.ShardOutInSession, folder);
  const codes = chooseSubmissions(loaded).chosen.map((c) => c.candidate);
  const candidates = membersOf(codes, part);
  const inputs = await shardInputs(loaded, options);

  // The session-level checks only see this shard's dossiers: their entries are kept for the
  // merge, and the findings they would give here are never written.
  const captured = new Map<string, SessionEntry>();
  const capture: SessionCheck = (entries) => {
    for (const entry of entries) captured.set(entry.candidate, entry);
    return Promise.resolve(new Map<string, Finding>());
  };
  const report = await checkSession(loaded.dir, {
    ...options,
    only: candidates,
    write: false,
    sessionInputs: {},
    sessionChecks: (l) =>
      Object.fromEntries(Object.keys(chosenChecks(options, l)).map((rule) => [rule, capture])),
  });

  // The manifest goes first and comes back last: a killed run leaves no finished-looking folder.
  await mkdir(join(folder, 'results'), { recursive: true });
  await rm(join(folder, MANIFEST_FILE), { force: true });
  await removeTemporaries(folder);
  await removeTemporaries(join(folder, 'results'));
  const stats = { ...report.stats, written: 0 };
  const results: Result[] = [];
  const hashes: Record<string, string> = {};
  const readings: ShardReading[] = [];
  for (const result of report.results) {
    const entry = captured.get(result.candidate);
    const sha256 = result.submission?.sha256;
    if (entry) {
      if (!sha256) throw new Error(`${result.candidate} was read without a SHA-256: a bug.`);
      readings.push({ candidate: result.candidate, sha256, document: entry.document });
      continue;
    }
    const text = resultYaml(result);
    if (await writeIfChanged(join(folder, 'results', `${result.candidate}.yaml`), text))
      stats.written += 1;
    hashes[result.candidate] = sha256Bytes(text);
    results.push(result);
  }
  await clearStale(folder, new Set(Object.keys(hashes).map((code) => `${code}.yaml`)));
  const bytes = readingsBytes(readings);
  if (await writeIfChanged(join(folder, READINGS_FILE), bytes)) stats.written += 1;
  const manifest: ShardManifest = {
    format: SHARD_FORMAT,
    session: loaded.session.id,
    shard: part,
    inputs,
    candidates,
    results: hashes,
    readings: {
      file: READINGS_FILE,
      sha256: sha256Bytes(bytes),
      candidates: readings.map((r) => r.candidate),
    },
  };
  await writeManifest(folder, manifest);
  stats.written += 1;
  return {
    loaded,
    part,
    out: folder,
    candidates,
    results,
    pending: manifest.readings.candidates,
    stats,
  };
}
