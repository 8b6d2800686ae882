/**
 * `checkSession(dir, options)`: the admissibility of every candidate of a session. Chooses each
 * candidate's submission, reads the dossiers (two at a time, each in a child process, through
 * the Document cache), applies every rule, runs the session-level checks (similarity), and
 * writes `results/<code>.yaml` and `results/summary.yaml`. One bad dossier never stops the others.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Document, ReadError } from '../../schemas/document.ts';
import { Result, type Finding, type ResultsSummary } from '../../schemas/result.ts';
import { Errors, recevableError } from '../errors.ts';
import { readerVersion } from '../read/index.ts';
import { READERS } from '../read/pool.ts';
import { documentCache, readThroughCache, type DocumentCache } from '../results/cache.ts';
import { overallStatus, summarise } from '../results/summary.ts';
import { tool, writeResult, writeSummary } from '../results/write.ts';
import { loadSession, type LoadedSession } from '../session/load.ts';
import { deadline } from './deadline.ts';
import { format, unreadable } from './format.ts';
import { pages } from './pages.ts';
import { placeFile } from './place.ts';
import { plan } from './plan.ts';
import { chooseSubmissions, type Chosen } from './submissions.ts';
import { finding, guard, type Check, type SessionCheck, type SessionEntry } from './types.ts';

export type { SessionCheck } from './types.ts';

/** The rules applied to each readable dossier, in the order they appear in results. */
const checks: Readonly<Record<string, Check>> = { deadline, format, pages, plan };

/** Options of `checkSession`. */
export interface CheckSessionOptions {
  /** Check only these candidate codes (the summary keeps the others' previous results). */
  readonly only?: readonly string[];
  /** Let the reader render DOCX with LibreOffice for an exact page count (default true). */
  readonly libreoffice?: boolean;
  /** Dossiers read at once, each in its own child process (default: one per core, at most 4). */
  readonly concurrency?: number;
  /** Session-level rules by name (e.g. `{ similarity }`), run on every readable dossier. */
  readonly sessionChecks?: Readonly<Record<string, SessionCheck>>;
  /** Called after each dossier is read (or found in the cache). */
  readonly onProgress?: (done: number, total: number, candidate: string) => void;
  /** Write results files (default true). */
  readonly write?: boolean;
}

/** What a run decided and did. */
export interface SessionReport {
  readonly loaded: LoadedSession;
  /** One result per checked candidate, by code. */
  readonly results: Result[];
  /** The session summary, every candidate included. */
  readonly summary: ResultsSummary;
  /** Dossiers read this run, found in the cache, and files (re)written. */
  readonly stats: { read: number; cached: number; written: number };
}

type Reading = {
  chosen: Chosen;
  path?: string;
  sha256?: string;
  document?: Document | ReadError;
  problem?: Finding;
};

async function readOne(
  chosen: Chosen,
  loaded: LoadedSession,
  cache: DocumentCache,
  readOptions: { libreoffice: boolean },
  stats: SessionReport['stats'],
): Promise<Reading> {
  if (!chosen.submission) return { chosen };
  const placed = await placeFile(loaded.dir, chosen.submission.file);
  if ('finding' in placed) return { chosen, problem: placed.finding };
  const { sha256, document, cached } = await readThroughCache(
    cache,
    placed.path,
    chosen.submission.file,
    readOptions,
  );
  if (cached) stats.cached += 1;
  else stats.read += 1;
  return { chosen, path: placed.path, sha256, document };
}

/** Runs `work` over `items`, `limit` at a time, keeping the order of `items`. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

function findingsOf(reading: Reading, loaded: LoadedSession): Record<string, Finding> {
  const { chosen, document, problem } = reading;
  const out: Record<string, Finding> = { submission: problem ?? chosen.finding };
  const submission = chosen.submission;
  if (!submission) return out;
  out['deadline'] = guard('deadline', submission.file, () =>
    deadline(document as Document, submission, loaded.session),
  );
  if (!document) return out;
  if ('error' in document) {
    out['format'] = unreadable(document, submission.file, reading.path);
    return out;
  }
  for (const [rule, check] of Object.entries(checks)) {
    if (rule !== 'deadline')
      out[rule] = guard(rule, submission.file, () => check(document, submission, loaded.session));
  }
  return out;
}

async function runSessionChecks(
  readings: Reading[],
  loaded: LoadedSession,
  sessionChecks: Readonly<Record<string, SessionCheck>>,
): Promise<Map<string, Record<string, Finding>>> {
  const entries: SessionEntry[] = readings.flatMap(({ chosen, document }) =>
    chosen.submission && document && !('error' in document)
      ? [{ candidate: chosen.candidate, document, submission: chosen.submission }]
      : [],
  );
  const out = new Map<string, Record<string, Finding>>();
  for (const [rule, check] of Object.entries(sessionChecks).sort(([a], [b]) =>
    a.localeCompare(b, 'en'),
  )) {
    let found: Map<string, Finding>;
    let failure = '';
    try {
      found = await check(entries, loaded);
    } catch (error) {
      found = new Map();
      failure = error instanceof Error ? error.message : String(error);
    }
    for (const entry of entries) {
      const own =
        found.get(entry.candidate) ??
        finding(
          rule,
          'error',
          `La règle « ${rule} » n'a pas pu être vérifiée automatiquement ; l'équipe pédagogique examinera votre dossier.`,
          failure
            ? `The ${rule} check failed: ${failure}.`
            : `The ${rule} check returned no finding for ${entry.candidate}.`,
          {},
          { file: entry.submission.file },
        );
      out.set(entry.candidate, { ...out.get(entry.candidate), [rule]: own });
    }
  }
  return out;
}

async function previousResult(resultsDir: string, code: string): Promise<Result | undefined> {
  const text = await readFile(join(resultsDir, `${code}.yaml`), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = Result.safeParse(parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Decides the admissibility of a session's candidates; throws a RecevableError only on invalid session data or usage. */
export async function checkSession(
  dir: string,
  options: CheckSessionOptions = {},
): Promise<SessionReport> {
  const loaded = await loadSession(dir);
  const { chosen, strangers } = chooseSubmissions(loaded);
  const known = new Set(chosen.map((c) => c.candidate));
  const unknown = (options.only ?? []).filter((code) => !known.has(code));
  if (unknown.length > 0)
    throw recevableError(Errors.CheckUnknownCandidate, unknown, join(dir, 'candidates.yaml'));
  const only = options.only ? new Set(options.only) : undefined;
  const selected = only ? chosen.filter((c) => only.has(c.candidate)) : chosen;

  const readOptions = { libreoffice: options.libreoffice !== false };
  const cache = documentCache(loaded.dir, readOptions);
  const stats = { read: 0, cached: 0, written: 0 };
  let done = 0;
  const readings = await pool(selected, options.concurrency ?? READERS, async (c) => {
    const reading = await readOne(c, loaded, cache, readOptions, stats);
    options.onProgress?.(++done, selected.length, c.candidate);
    return reading;
  });
  const extra = await runSessionChecks(readings, loaded, options.sessionChecks ?? {});

  const results = readings.map((reading): Result => {
    const checksFound = { ...findingsOf(reading, loaded), ...extra.get(reading.chosen.candidate) };
    const formatFinding = checksFound['format'];
    if (formatFinding)
      formatFinding.evidence = { ...formatFinding.evidence, reader: readerVersion };
    const submission = reading.chosen.submission;
    return {
      candidate: reading.chosen.candidate,
      status: overallStatus(Object.values(checksFound)),
      ...(submission
        ? {
            submission: {
              file: submission.file,
              receivedAt: submission.receivedAt,
              ...(reading.sha256 ? { sha256: reading.sha256 } : {}),
              ignored: reading.chosen.ignored,
            },
          }
        : {}),
      checks: checksFound,
      tool,
      rules: loaded.session.rules,
    };
  });

  const resultsDir = join(loaded.dir, 'results');
  const everyone: Result[] = [...results];
  if (only) {
    for (const c of chosen) {
      if (only.has(c.candidate)) continue;
      const previous = await previousResult(resultsDir, c.candidate);
      if (previous) everyone.push(previous);
    }
  }
  const summary = summarise(loaded.session.id, everyone, strangers);
  if (options.write !== false) {
    try {
      for (const result of results) if (await writeResult(resultsDir, result)) stats.written += 1;
      if (await writeSummary(resultsDir, summary)) stats.written += 1;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error)) throw error;
      throw recevableError(Errors.CheckResultsNotWritable, resultsDir, error.message);
    }
  }
  return { loaded, results, summary, stats };
}
