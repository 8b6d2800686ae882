/**
 * Loads a session folder for the commands that need valid data: the same reading and checks
 * as `recevable validate`, restricted to the files staff write. On bad data it throws one
 * RecevableError naming the first problem and pointing to `recevable validate`.
 */
import { Errors, recevableError } from '../errors.ts';
import { sessionFiles, type SessionFileKey } from './files.ts';
import { validateSession, type LoadedSession } from './validate.ts';

export type { LoadedSession } from './validate.ts';

/** Optional input files a command needs besides the four core ones. */
export interface LoadOptions {
  /** E.g. `['outcomes', 'tutoring']`; the others are not read, so their problems stop nobody. */
  readonly with?: readonly SessionFileKey[];
}

/**
 * Loads and validates the input files of the session folder; throws a RecevableError on bad
 * data. Problems that do not block loading (see `Problem.blocking`) are left to the command.
 */
export async function loadSession(dir: string, options: LoadOptions = {}): Promise<LoadedSession> {
  const wanted = options.with ?? [];
  const skip = sessionFiles
    .filter((e) => e.role === 'input' && !e.required && !wanted.includes(e.key))
    .map((e) => e.key);
  const { problems, loaded } = await validateSession(dir, { roles: ['input'], skip });
  const first = problems.find((p) => p.blocking !== false);
  if (first || !loaded) {
    const where = first ? `${first.file}:${first.line}:${first.column}` : dir;
    const message = first?.message ?? 'invalid session';
    throw recevableError(Errors.SessionInvalid, where, message, problems.length, dir);
  }
  return loaded;
}
