/**
 * `mergeShards(dir, shardDirs)`: the results of a sharded run, byte for byte those of an
 * unsharded `checkSession`. It refuses shards that do not cover every candidate exactly once
 * or were built from other inputs (see `verify.ts`), takes each shard's final results as they
 * are, and decides the others by running the session-level checks (similarity, all pairs and
 * the corpus) over the readings every shard exported: no dossier is read again.
 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { Result, type ResultsSummary } from '../../schemas/result.ts';
import type { ShardReading } from '../../schemas/shard.ts';
import type { CheckSessionOptions, SessionCheck } from '../checks/index.ts';
import { decide, type Reading } from '../checks/decide.ts';
import { runSessionChecks } from '../checks/session-checks.ts';
import { chooseSubmissions } from '../checks/submissions.ts';
import type { SessionEntry } from '../checks/types.ts';
import { Errors, recevableError } from '../errors.ts';
import { removeTemporaries, writeIfChanged } from '../files/atomic.ts';
import { summarise } from '../results/summary.ts';
import { resultFile, resultYaml, writeSummary } from '../results/write.ts';
import { loadSession, type LoadedSession } from '../session/load.ts';
import { readReadings, readShardResult } from './files.ts';
import { verifyShards } from './verify.ts';

/** What a merge decided and wrote. */
export interface MergeReport {
  readonly loaded: LoadedSession;
  /** One result per candidate, in the order of candidates.yaml. */
  readonly results: Result[];
  readonly summary: ResultsSummary;
  /**
   * Shards merged, results taken as the shards decided them, results decided by the merge
   * (session-level checks), and files (re)written in `results/`.
   */
  readonly stats: { shards: number; taken: number; decided: number; written: number };
}

/** A result file's text from a shard, as a Result (the shard validated it when writing). */
function resultOf(text: string, file: string): Result {
  const parsed = Result.safeParse(parse(text));
  if (!parsed.success) throw recevableError(Errors.ShardFileDamaged, file, 'not a valid result');
  return parsed.data;
}

/**
 * Merges the shard folders into `dir/results/`. `options` are those of `checkSession`: its
 * `sessionChecks` are run here; `write: false` writes nothing.
 */
export async function mergeShards(
  dir: string,
  shardDirs: readonly string[],
  options: CheckSessionOptions = {},
): Promise<MergeReport> {
  const loaded = await loadSession(dir);
  const { chosen, strangers } = chooseSubmissions(loaded);
  const shards = await verifyShards(loaded, chosen, shardDirs, options);

  const texts = new Map<string, string>();
  const readings = new Map<string, ShardReading>();
  for (const { dir: folder, manifest } of shards) {
    for (const code of Object.keys(manifest.results))
      texts.set(code, await readShardResult(folder, manifest, code));
    for (const reading of await readReadings(folder, manifest))
      readings.set(reading.candidate, reading);
  }

  const checks: Readonly<Record<string, SessionCheck>> =
    typeof options.sessionChecks === 'function'
      ? options.sessionChecks(loaded)
      : (options.sessionChecks ?? {});
  const enrolled = new Map(loaded.candidates.candidates.map((c) => [c.code, c]));
  const waiting: Reading[] = [];
  for (const c of chosen) {
    const reading = readings.get(c.candidate);
    if (reading)
      waiting.push({
        chosen: c,
        candidate: enrolled.get(c.candidate),
        sha256: reading.sha256,
        document: reading.document,
      });
  }
  const entries = waiting.map((r): SessionEntry => ({
    candidate: r.chosen.candidate,
    document: readings.get(r.chosen.candidate)!.document,
    submission: r.chosen.submission!,
  }));
  const found =
    Object.keys(checks).length > 0 && entries.length > 0
      ? await runSessionChecks(entries, loaded, checks)
      : new Map<string, Record<string, never>>();
  const decided = new Map(
    waiting.map((r) => [r.chosen.candidate, decide(r, loaded, found.get(r.chosen.candidate))]),
  );

  const resultsDir = join(loaded.dir, 'results');
  const write = options.write !== false;
  if (write) await removeTemporaries(resultsDir);
  const stats = { shards: shards.length, taken: 0, decided: 0, written: 0 };
  const results: Result[] = [];
  for (const c of chosen) {
    const code = c.candidate;
    const mine = decided.get(code);
    const text = mine ? resultYaml(mine) : texts.get(code)!;
    results.push(mine ?? resultOf(text, `results/${code}.yaml`));
    stats[mine ? 'decided' : 'taken'] += 1;
    if (write && (await writeIfChanged(resultFile(resultsDir, code), text))) stats.written += 1;
  }
  const summary = summarise(loaded.session.id, results, strangers);
  if (write && (await writeSummary(resultsDir, summary))) stats.written += 1;
  return { loaded, results, summary, stats };
}
