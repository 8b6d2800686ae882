/**
 * `mail/sent.jsonl`, the journal of `recevable send`: append-only, one JSON line per step of
 * an attempt, each written with `fsync` before the call returns, so a `kill -9` or a power cut
 * leaves at worst a last line cut short (ignored, and said). The state of a message is the last
 * line naming it, recipient by recipient.
 */
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JournalLine, type MailStatus } from '../../schemas/mail-journal.ts';
import { Errors, recevableError } from '../errors.ts';

/** Where the journal is, relative to the session folder. */
export const JOURNAL = join('mail', 'sent.jsonl');

/** What the journal says of one recipient of one message. */
export interface Delivery {
  readonly status: MailStatus;
  readonly reply: string;
  readonly sha256: string;
  readonly file: string;
}

/** The journal read back. */
export interface Journal {
  /** Message-ID → recipient → last line's outcome. */
  readonly deliveries: ReadonlyMap<string, ReadonlyMap<string, Delivery>>;
  /** `uid address` of invitations (REQUEST) sent, or maybe sent, to each address. */
  readonly invited: ReadonlySet<string>;
  /** A last line cut short by a crash, ignored (and cut off before the next line is written). */
  readonly truncated: boolean;
  /** Bytes of the complete lines. */
  readonly completeBytes: number;
}

/** Key of an invitation in `Journal.invited`. */
export const invitedKey = (uid: string, address: string) => `${uid} ${address.toLowerCase()}`;

/** Reads the journal of the session in `dir` (empty when there is none yet). */
export async function readJournal(dir: string): Promise<Journal> {
  const path = join(dir, JOURNAL);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw recevableError(Errors.SendJournalInvalid, path, 1, error.message);
  });
  const deliveries = new Map<string, Map<string, Delivery>>();
  const invited = new Set<string>();
  const lines = text.split('\n');
  // A complete journal ends with a newline: anything after the last one is a line cut short.
  const truncated = lines.at(-1) !== '';
  const complete = lines.slice(0, -1);
  complete.forEach((raw, index) => {
    if (raw.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      throw recevableError(Errors.SendJournalInvalid, path, index + 1, (error as Error).message);
    }
    const parsed = JournalLine.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      throw recevableError(
        Errors.SendJournalInvalid,
        path,
        index + 1,
        `${where}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const line = parsed.data;
    const byRecipient = deliveries.get(line.messageId) ?? new Map<string, Delivery>();
    for (const r of line.recipients) {
      const address = r.address.toLowerCase();
      byRecipient.set(address, {
        status: r.status,
        reply: r.reply,
        sha256: line.sha256,
        file: line.file,
      });
      if (line.invitation?.method === 'REQUEST' && (r.status === 'sent' || r.status === 'unknown'))
        invited.add(invitedKey(line.invitation.uid, address));
    }
    deliveries.set(line.messageId, byRecipient);
  });
  const completeBytes = Buffer.byteLength(text) - Buffer.byteLength(lines.at(-1) ?? '');
  return { deliveries, invited, truncated, completeBytes };
}

/** An open journal: each `append` is on disk when it returns. */
export interface JournalWriter {
  append(line: JournalLine): void;
  close(): void;
}

/**
 * Opens the journal for appending. A line cut short by a crash is cut off first: it was never
 * a record, and the next line must start clean.
 */
export function openJournal(dir: string, journal: Journal): JournalWriter {
  const path = join(dir, JOURNAL);
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  // The folder entry of a new file must reach the disk too, or a crash could lose the file.
  const folder = openSync(dirname(path), 'r');
  fsyncSync(folder);
  closeSync(folder);
  const write = (text: string) => {
    writeSync(fd, text);
    fsyncSync(fd);
  };
  if (journal.truncated) {
    ftruncateSync(fd, journal.completeBytes);
    fsyncSync(fd);
  }
  return {
    append: (line) => write(`${JSON.stringify(JournalLine.parse(line))}\n`),
    close: () => closeSync(fd),
  };
}
