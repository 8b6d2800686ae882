/**
 * A working copy of a session folder, so that a run writes its results, schedule and
 * convocations there and never into the session (the committed demo, a colleague's folder).
 * Each refresh remakes the copy from the session's files; only the copy's Document cache is
 * kept, being keyed by the files' content.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Errors, recevableError } from '../errors.ts';

/** The file that marks a folder as a working copy, which a refresh may empty. */
const MARK = '.recevable-working-copy';
/** Kept in the copy across refreshes. */
const KEPT = '.cache';
/** Not copied: the session's cache and staff-only reports. */
const SKIPPED = new Set(['.cache', 'reports']);

const inside = (child: string, parent: string): boolean =>
  child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Makes `copy` a fresh copy of the session folder `dir` and returns its absolute path.
 * Throws a RecevableError when `dir` holds no session.yaml, when the two folders overlap, or
 * when `copy` holds files and is not a working copy.
 */
export async function refreshWorkingCopy(dir: string, copy: string): Promise<string> {
  const from = resolve(dir);
  const to = resolve(copy);
  if (!existsSync(join(from, 'session.yaml'))) throw recevableError(Errors.NotADirectory, dir);
  if (inside(to, from) || inside(from, to)) {
    throw recevableError(Errors.CopyOverlapsSession, copy, dir);
  }
  const present = await entries(to);
  if (present.length > 0 && !present.includes(MARK)) {
    throw recevableError(Errors.CopyNotAWorkingCopy, copy);
  }
  for (const name of present) {
    if (name !== KEPT) await rm(join(to, name), { recursive: true, force: true });
  }
  await mkdir(to, { recursive: true });
  await cp(from, to, {
    recursive: true,
    filter: (path) => !SKIPPED.has(relative(from, path)),
  });
  await writeFile(
    join(to, MARK),
    `A working copy of ${from}, remade by each \`recevable run --copy-to\`.\n`,
  );
  return to;
}
