/**
 * The sync state of `intake` (`intake-state.yaml`, one entry per IMAP mailbox) and the lock
 * that keeps two runs on one session apart. The lock file holds the pid of its run; one left by
 * a run that was killed is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { IntakeStateFile, type MailboxState } from '../../schemas/intake-state.ts';
import { Errors, recevableError } from '../errors.ts';
import { processAlive, writeIfChanged } from '../files/atomic.ts';

export const STATE_FILE = 'intake-state.yaml';
const LOCK_FILE = '.intake.lock';
const HEADER =
  '# Where `recevable intake` stopped in each mailbox. Written by intake; deleting it is safe.\n';

/** The state file of a session, read once and written after each message. */
export class IntakeState {
  private readonly path: string;
  private readonly file: IntakeStateFile;
  private readonly dryRun: boolean;

  private constructor(path: string, file: IntakeStateFile, dryRun: boolean) {
    this.path = path;
    this.file = file;
    this.dryRun = dryRun;
  }

  static async open(dir: string, dryRun: boolean): Promise<IntakeState> {
    const path = join(dir, STATE_FILE);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) return new IntakeState(path, { mailboxes: [] }, dryRun);
    let data: unknown;
    try {
      data = parse(text);
    } catch (error) {
      throw recevableError(Errors.IntakeStateInvalid, path, (error as Error).message);
    }
    const checked = IntakeStateFile.safeParse(data);
    if (!checked.success)
      throw recevableError(Errors.IntakeStateInvalid, path, checked.error.issues[0]?.message ?? '');
    return new IntakeState(path, checked.data, dryRun);
  }

  get(source: string): MailboxState | undefined {
    return this.file.mailboxes.find((m) => m.source === source);
  }

  async set(state: MailboxState): Promise<void> {
    const list = this.file.mailboxes.filter((m) => m.source !== state.source);
    list.push({ ...state, unmatched: [...new Set(state.unmatched)].sort((a, b) => a - b) });
    list.sort((a, b) => a.source.localeCompare(b.source, 'en'));
    this.file.mailboxes = list;
    if (!this.dryRun)
      await writeIfChanged(this.path, HEADER + stringify(this.file, { lineWidth: 0 }));
  }
}

/** Takes the session's intake lock; the returned function releases it. */
export async function lockSession(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && pid !== process.pid)
        throw recevableError(Errors.IntakeLocked, dir, pid);
      await rm(path, { force: true });
    }
  }
  throw recevableError(Errors.IntakeLocked, dir, 0);
}
