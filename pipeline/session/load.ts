/**
 * Loads a session folder for the commands that need valid data: the same reading and checks
 * as `recevable validate`, restricted to the files staff write. On bad data it throws one
 * RecevableError naming the first problem and pointing to `recevable validate`.
 */
import { Errors, recevableError } from '../errors.ts';
import { validateSession, type LoadedSession } from './validate.ts';

export type { LoadedSession } from './validate.ts';

/** Loads and validates the input files of the session folder; throws a RecevableError on bad data. */
export async function loadSession(dir: string): Promise<LoadedSession> {
  const { problems, loaded } = await validateSession(dir, { roles: ['input'] });
  const first = problems[0];
  if (first || !loaded) {
    const where = first ? `${first.file}:${first.line}:${first.column}` : dir;
    const message = first?.message ?? 'invalid session';
    throw recevableError(Errors.SessionInvalid, where, message, problems.length, dir);
  }
  return loaded;
}
