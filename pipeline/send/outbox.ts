/**
 * What there is to send, by kind, read from the session folder: `convocations/<code>.eml` and
 * `<code>-cancel-v<n>.eml` (convocations), `convocations/jury-<id>*.eml` (jury mailings,
 * invitations and their cancellations), every `receipts/*.eml` (written by `intake`), and
 * `mail/results/<code>.eml` (written here from outcomes.yaml, unless a dry run).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailKind } from '../../schemas/mail-journal.ts';
import { writeIfChanged } from '../files/atomic.ts';
import type { LoadedSession } from '../session/load.ts';
import { readMessage, type MessageProblem, type OutMessage } from './message.ts';
import { resultsMails } from './results.ts';

/** The kinds, in the order they go out. */
export const KINDS: readonly MailKind[] = ['convocation', 'jury', 'receipt', 'results'];

/** The outbox of a run. */
export interface Outbox {
  readonly messages: OutMessage[];
  readonly problems: MessageProblem[];
  /** Candidates with no results mail, and why (incomplete outcome, no results day). */
  readonly noResults: { candidate: string; reason: string }[];
}

const emlFiles = (folder: string) =>
  readdir(folder).then(
    (names) => names.filter((n) => n.endsWith('.eml')).sort(),
    () => [] as string[],
  );

/** Whom a message is for, from its file name: the candidate code or the juror id. */
function personOf(kind: MailKind, name: string): string {
  const base = name.replace(/\.eml$/, '');
  if (kind === 'jury') return base.slice('jury-'.length).split('-')[0] ?? base;
  if (kind === 'receipt') return base.replace(/-\d+$/, '');
  return base.replace(/-cancel-v\d+$/, '');
}

/** Reads (and for results, writes) every message of the `kinds` asked for. */
export async function collectOutbox(
  loaded: LoadedSession,
  kinds: readonly MailKind[],
  options: { dryRun: boolean },
): Promise<Outbox> {
  const messages: OutMessage[] = [];
  const problems: MessageProblem[] = [];
  const noResults: Outbox['noResults'] = [];
  const add = async (file: string, raw: Buffer, kind: MailKind) => {
    const read = await readMessage(file, raw, kind, personOf(kind, file.split('/').pop()!));
    if ('messageId' in read) messages.push(read);
    else problems.push(read);
  };
  const fromFolder = async (folder: string, kind: MailKind, keep: (name: string) => boolean) => {
    for (const name of (await emlFiles(join(loaded.dir, folder))).filter(keep))
      await add(`${folder}/${name}`, await readFile(join(loaded.dir, folder, name)), kind);
  };
  for (const kind of KINDS) {
    if (!kinds.includes(kind)) continue;
    if (kind === 'convocation')
      await fromFolder('convocations', kind, (n) => !n.startsWith('jury-'));
    if (kind === 'jury') await fromFolder('convocations', kind, (n) => n.startsWith('jury-'));
    if (kind === 'receipt') await fromFolder('receipts', kind, () => true);
    if (kind === 'results') {
      if (!loaded.outcomes) {
        noResults.push({
          candidate: '*',
          reason: 'no outcomes.yaml: run `recevable outcomes` first',
        });
        continue;
      }
      const mails = await resultsMails(
        loaded.session,
        loaded.candidates.candidates,
        loaded.outcomes,
      );
      for (const mail of mails) {
        if ('skipped' in mail) {
          noResults.push({ candidate: mail.candidate, reason: mail.skipped });
          continue;
        }
        if (!options.dryRun) await writeIfChanged(join(loaded.dir, mail.file), mail.eml);
        await add(mail.file, mail.eml, 'results');
      }
    }
  }
  return { messages, problems, noResults };
}
