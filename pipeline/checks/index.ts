/**
 * `checkSession(dir, options)`: the admissibility of every candidate of a session. Chooses each
 * candidate's submission, reads the dossiers (one per core, each in a child process, through
 * the Document cache), applies every rule and the session-level checks (similarity), writes
 * each `results/<code>.yaml` as soon as it is final and `results/summary.yaml` at the end.
 *
 * A result is final once everything it depends on is known: right after its own reading when
 * the session-level checks do not see it (no such check, file missing or unreadable); after
 * every dossier is read otherwise, since similarity measures each dossier against all the
 * others. Each decision is recorded with the keys of its inputs (`results/decisions.ts`): a
 * re-run keeps the results whose inputs did not change, so a killed run resumes where it
 * stopped. One bad dossier never stops the others.
 */
import { join } from 'node:path';
import type { Result, ResultsSummary } from '../../schemas/result.ts';
import { Errors, recevableError } from '../errors.ts';
import { removeTemporaries, writeIfChanged } from '../files/atomic.ts';
import { readerVersion } from '../read/index.ts';
import { READERS } from '../read/pool.ts';
import { documentCache, isTransient, readThroughCache, sha256File } from '../results/cache.ts';
import { Decisions, sha256Text, type Kept } from '../results/decisions.ts';
import { keyOf, sourceFingerprint } from '../results/keys.ts';
import { readResult } from '../results/read.ts';
import { summarise } from '../results/summary.ts';
import { resultFile, resultYaml, tool, writeSummary } from '../results/write.ts';
import { loadSession, type LoadedSession } from '../session/load.ts';
import { decide, readable, type Reading } from './decide.ts';
import { placeFile } from './place.ts';
import { pool } from './pool.ts';
import { runSessionChecks } from './session-checks.ts';
import { chooseSubmissions, type Chosen } from './submissions.ts';
import type { SessionCheck, SessionEntry } from './types.ts';

export type { SessionCheck } from './types.ts';

/** The code a decision runs through, besides the reader (keyed by `readerVersion`). */
const deciderVersion = sourceFingerprint(new URL(import.meta.url), [
  'dice-coefficient',
  'yaml',
  'zod',
]);

/** Options of `checkSession`. */
export interface CheckSessionOptions {
  /** Check only these candidate codes (the summary keeps the others' previous results). */
  readonly only?: readonly string[];
  /** Let the reader render DOCX with LibreOffice for an exact page count (default true). */
  readonly libreoffice?: boolean;
  /** Recognise the text of scanned pages (OCR) (default true). */
  readonly ocr?: boolean;
  /** Dossiers read at once, each in its own child process (default: one per core, at most 4). */
  readonly concurrency?: number;
  /**
   * Session-level rules by name (e.g. `{ similarity }`), run on every readable dossier; a
   * function chooses them from the session (a rule the session does not set is not run).
   */
  readonly sessionChecks?:
    | Readonly<Record<string, SessionCheck>>
    | ((loaded: LoadedSession) => Readonly<Record<string, SessionCheck>>);
  /**
   * What each session-level rule reads besides the dossiers (templates, corpus…) as a key, by
   * rule name. The results those rules took part in are kept from an earlier run only when
   * every rule has one; otherwise they are decided again on each run.
   */
  readonly sessionInputs?: Readonly<Record<string, (loaded: LoadedSession) => Promise<string>>>;
  /** Called after each dossier is read, found in the cache, or its result kept. */
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
  /**
   * Dossiers read this run, found in the cache, results kept from an earlier run on unchanged
   * inputs (their dossier not even loaded), and files (re)written.
   */
  readonly stats: { read: number; cached: number; kept: number; written: number };
}

/** A candidate during a run: what was found of their submission, and their result once final. */
interface Entry {
  reading: Reading;
  /** Key of the candidate's own inputs. */
  readonly own: string;
  /** The result of an earlier run decided from the same own inputs. */
  readonly kept?: Kept | undefined;
  result?: Result;
}

/** Key of the dossiers the session-level rules see and of what else they read. */
async function sessionKey(
  base: string,
  entries: readonly Entry[],
  loaded: LoadedSession,
  rules: readonly string[],
  inputs: CheckSessionOptions['sessionInputs'] = {},
): Promise<string | undefined> {
  const keys: string[] = [];
  for (const rule of rules) {
    const key = await inputs[rule]?.(loaded).catch(() => undefined);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  const dossiers = entries.map((e) => [e.reading.chosen.submission, e.reading.sha256]);
  return keyOf(base, keys, dossiers);
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

  // Without OCR only: the keys of readings and decisions made with it stay as they were.
  const readOptions = {
    libreoffice: options.libreoffice !== false,
    ...(options.ocr === false ? { ocr: false } : {}),
  };
  const cache = documentCache(loaded.dir, readOptions);
  const stats = { read: 0, cached: 0, kept: 0, written: 0 };
  const concurrency = options.concurrency ?? READERS;
  const sessionChecks =
    typeof options.sessionChecks === 'function'
      ? options.sessionChecks(loaded)
      : (options.sessionChecks ?? {});
  const rules = Object.keys(sessionChecks).sort((a, b) => a.localeCompare(b, 'en'));
  const resultsDir = join(loaded.dir, 'results');
  const decisions = new Decisions(loaded.dir, resultsDir);
  const write = options.write !== false;
  if (write) {
    const cacheDir = join(loaded.dir, '.cache');
    for (const d of [resultsDir, join(cacheDir, 'decisions'), join(cacheDir, 'documents')])
      await removeTemporaries(d);
  }
  const base = keyOf(tool, deciderVersion, readerVersion, readOptions, loaded.session, rules);
  const enrolled = new Map(loaded.candidates.candidates.map((c) => [c.code, c]));

  const locate = async (c: Chosen): Promise<Reading> => {
    const reading = { chosen: c, candidate: enrolled.get(c.candidate) };
    if (!c.submission) return reading;
    const placed = await placeFile(loaded.dir, c.submission.file);
    if ('finding' in placed) return { ...reading, problem: placed.finding };
    return { ...reading, path: placed.path, sha256: await sha256File(placed.path) };
  };
  const load = async (reading: Reading): Promise<Reading> => {
    if (!reading.path || !reading.chosen.submission) return reading;
    const { document, cached } = await readThroughCache(
      cache,
      reading.path,
      reading.chosen.submission.file,
      readOptions,
      reading.sha256,
    );
    stats[cached ? 'cached' : 'read'] += 1;
    return { ...reading, document };
  };
  let failure: (Error & { code: unknown }) | undefined;
  const settle = async (entry: Entry, result: Result, session?: string): Promise<void> => {
    entry.result = result;
    if (!write) return;
    try {
      const text = resultYaml(result);
      if (await writeIfChanged(resultFile(resultsDir, result.candidate), text)) stats.written += 1;
      const { document } = entry.reading;
      if (document && isTransient(document)) return;
      await decisions.record(result.candidate, {
        own: entry.own,
        session,
        readable: readable(entry.reading) !== undefined,
        result: sha256Text(text),
      });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error)) throw error;
      failure ??= error;
    }
  };
  const keep = (entry: Entry, kept: Kept): void => {
    entry.result = kept.result;
    stats.kept += 1;
  };

  // A result only its own dossier decides is written as soon as that dossier is read.
  let done = 0;
  const entries = await pool(selected, concurrency, async (c): Promise<Entry> => {
    const located = await locate(c);
    const own = keyOf(base, c, located.candidate, located.sha256, located.problem);
    const kept = await decisions.kept(c.candidate, own);
    const entry: Entry = { reading: located, own, kept };
    if (kept) {
      if (rules.length === 0 || !kept.decision.readable) keep(entry, kept);
    } else {
      entry.reading = await load(located);
      if (rules.length === 0 || !readable(entry.reading))
        await settle(entry, decide(entry.reading, loaded));
    }
    options.onProgress?.(++done, selected.length, c.candidate);
    return entry;
  });

  // The others once every dossier is known, unless the same dossiers and inputs decided them.
  const dependent = entries.filter((e) => !e.result);
  if (dependent.length > 0) {
    const presumed = await sessionKey(base, dependent, loaded, rules, options.sessionInputs);
    for (const e of dependent)
      if (e.kept && presumed !== undefined && e.kept.decision.session === presumed) keep(e, e.kept);
    if (dependent.some((e) => !e.result)) {
      await pool(dependent, concurrency, async (e) => {
        if (!e.reading.document) e.reading = await load(e.reading);
      });
      const seen = dependent.filter((e) => readable(e.reading));
      const sessionEntries = seen.map((e): SessionEntry => ({
        candidate: e.reading.chosen.candidate,
        document: readable(e.reading)!,
        submission: e.reading.chosen.submission!,
      }));
      const actual = await sessionKey(base, seen, loaded, rules, options.sessionInputs);
      const found = await runSessionChecks(sessionEntries, loaded, sessionChecks);
      for (const e of dependent) {
        if (e.result) continue;
        const own = found.get(e.reading.chosen.candidate);
        if (own) await settle(e, decide(e.reading, loaded, own), actual);
        else await settle(e, decide(e.reading, loaded));
      }
    }
  }
  const results = entries.map((e) => e.result!);

  const everyone: Result[] = [...results];
  if (only) {
    for (const c of chosen) {
      if (only.has(c.candidate)) continue;
      const previous = await readResult(resultsDir, c.candidate);
      if (previous) everyone.push(previous.result);
    }
  }
  const summary = summarise(loaded.session.id, everyone, strangers);
  if (write && !failure) {
    try {
      if (await writeSummary(resultsDir, summary)) stats.written += 1;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error)) throw error;
      failure = error;
    }
  }
  if (failure) throw recevableError(Errors.CheckResultsNotWritable, resultsDir, failure.message);
  return { loaded, results, summary, stats };
}
