/**
 * `intakeSession(dir, options)`: the dossiers of a mailbox into a session. Each message is
 * matched to a candidate, its dossier chosen, stored as `submissions/<code>-<n>.<ext>` and
 * appended to `submissions.yaml` with the time and its evidence (`when.ts`), the sha256, the
 * Message-ID and the sender; or it is listed as ignored with the reason. Never changes the
 * mailbox. Idempotent and resumable: what is recorded is recognised by Message-ID and sha256
 * (`store.ts`), and an IMAP mailbox is read from the last UID seen (`imap.ts`); every write is
 * atomic and ordered so that a run killed at any point, run again, gives what one run gives.
 */
import { createHash } from 'node:crypto';
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { day, localDateTime } from '../../schemas/common.ts';
import type { Submission } from '../../schemas/submissions.ts';
import { Errors, recevableError } from '../errors.ts';
import { removeTemporaries, writeIfChanged } from '../files/atomic.ts';
import { sessionFiles, type SessionFileKey } from '../session/files.ts';
import { loadSession, type LoadedSession } from '../session/load.ts';
import { validateSession } from '../session/validate.ts';
import { formatInZone, toInstant } from '../time.ts';
import { chooseDossier } from './dossier.ts';
import { matchCandidate } from './match.ts';
import { readMail } from './mime.ts';
import { buildReceipt } from './receipt.ts';
import { openReader, type Incoming, type Outcome } from './reader.ts';
import { parseSource } from './source.ts';
import { IntakeState, lockSession } from './state.ts';
import { sha256Of, SubmissionsStore, SUBMISSIONS_FILE } from './store.ts';
import { dateHeaderStamp, receivedStamp, type Stamp } from './when.ts';

/** Largest message read by default: 100 MB, beyond what school mail servers accept. */
export const MESSAGE_LIMIT = 100 * 1024 * 1024;

/** Options of `intakeSession`. */
export interface IntakeOptions {
  /** `imap[s]://user@host:port/Mailbox`, an mbox, an `.eml`, a folder of `.eml`, a Maildir. */
  readonly from: string;
  /** IMAP password (the CLI reads `RECEVABLE_IMAP_PASSWORD`). */
  readonly password?: string | undefined;
  /** Report what would be recorded, write nothing. */
  readonly dryRun?: boolean;
  /** Skip messages received before this day or date-time (session's timezone). */
  readonly since?: string | undefined;
  /** Write `receipts/<code>-<n>.eml` for each new submission. */
  readonly receipts?: boolean;
  /** Largest message read, in bytes (default MESSAGE_LIMIT). */
  readonly limit?: number;
  /** Called for each new submission and each ignored message, as they happen. */
  readonly onMessage?: (event: Added | Ignored) => void;
  /**
   * Crash-test hook: after the `after`-th new submission, stop for good once its file (and
   * receipt) are written (`file`) or once its entry is too (`entry`), for a test to kill the run.
   */
  readonly stall?: { readonly after: number; readonly at: 'file' | 'entry' } | undefined;
}

/** A dossier recorded by this run. */
export interface Added {
  readonly kind: 'added';
  readonly candidate: string;
  readonly file: string;
  readonly receivedAt: string;
  readonly receivedBy: Submission['receivedBy'];
  readonly evidence: string;
  readonly sha256: string;
  readonly size: number;
  readonly messageId: string | null;
  readonly from: string | null;
  readonly originalName: string;
  /** How the candidate was recognised: their address, or their code in the subject or body. */
  readonly matchedBy: 'sender' | 'subject' | 'body';
  readonly receipt?: string;
  readonly warnings: readonly string[];
  readonly place: string;
}

/** A message that brought no dossier, and why. */
export interface Ignored {
  readonly kind: 'ignored';
  readonly messageId: string | null;
  readonly from: string | null;
  readonly reason: string;
  /** Where it is in the source (`UID 12`, `line 120`, a file name). */
  readonly place: string;
  /** The candidate, when the message was matched to one. */
  readonly candidate?: string;
}

/** What a run did. */
export interface IntakeReport {
  /** The source, without password. */
  readonly source: string;
  readonly added: Added[];
  readonly ignored: Ignored[];
  /** Messages whose dossier was already in submissions.yaml. */
  alreadyRecorded: number;
  /** Messages received before `since`. */
  beforeSince: number;
  /** Facts about the source (UIDVALIDITY changed, empty mbox). */
  readonly notes: string[];
}

function sinceInstant(since: string | undefined, zone: string): Date | undefined {
  if (since === undefined) return undefined;
  if (day().safeParse(since).success) return toInstant(since, zone);
  if (localDateTime().safeParse(since).success || !Number.isNaN(Date.parse(since))) {
    const instant = toInstant(since, zone);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw recevableError(Errors.IntakeBadSince, since);
}

/** The session as `loadSession` gives it, for a dry run on a folder without submissions.yaml yet. */
async function loadWithout(dir: string): Promise<LoadedSession> {
  const skip: SessionFileKey[] = [
    ...sessionFiles.filter((e) => e.role === 'input' && !e.required).map((e) => e.key),
    'submissions',
  ];
  const { problems, loaded } = await validateSession(dir, { roles: ['input'], skip });
  const first = problems.find((p) => p.blocking !== false);
  if (first || !loaded) {
    const where = first ? `${first.file}:${first.line}:${first.column}` : dir;
    throw recevableError(
      Errors.SessionInvalid,
      where,
      first?.message ?? 'invalid session',
      problems.length,
      dir,
    );
  }
  return { ...loaded, submissions: { submissions: [] } };
}

const MB = (bytes: number): string => `${Math.ceil(bytes / 1024 / 1024)} MB`;

/** Reads the source into the session; throws a RecevableError on bad session data or source. */
export async function intakeSession(dir: string, options: IntakeOptions): Promise<IntakeReport> {
  const dryRun = options.dryRun === true;
  const limit = options.limit ?? MESSAGE_LIMIT;
  const source = await parseSource(options.from);
  const submissionsPath = join(dir, SUBMISSIONS_FILE);
  const missing = await access(submissionsPath).then(
    () => false,
    () => true,
  );
  const hasSession = await access(join(dir, 'session.yaml')).then(
    () => true,
    () => false,
  );
  if (missing && !dryRun && hasSession)
    await writeFile(
      submissionsPath,
      '# yaml-language-server: $schema=../../schemas/json/submissions.schema.json\nsubmissions: []\n',
    );
  const loaded = missing && dryRun && hasSession ? await loadWithout(dir) : await loadSession(dir);
  const zone = loaded.session.timezone;
  const since = sinceInstant(options.since, zone);
  const candidates = loaded.candidates.candidates;
  const byCode = new Map(candidates.map((c) => [c.code, c]));
  const candidatesKey = createHash('sha256')
    .update(JSON.stringify(candidates.map((c) => [c.code, c.email.toLowerCase()])))
    .digest('hex');

  const unlock = dryRun ? () => Promise.resolve() : await lockSession(dir);
  const report: IntakeReport = {
    source: source.label,
    added: [],
    ignored: [],
    alreadyRecorded: 0,
    beforeSince: 0,
    notes: [],
  };
  try {
    if (!dryRun)
      for (const d of [dir, join(dir, 'submissions'), join(dir, 'receipts')])
        await removeTemporaries(d);
    const state = await IntakeState.open(dir, dryRun);
    const store = await SubmissionsStore.open(dir, loaded.submissions.submissions, dryRun);
    const reader = await openReader(source, {
      password: options.password,
      state,
      candidatesKey,
      limit,
      timeZone: zone,
    });
    let added = 0;
    const stall = async (at: 'file' | 'entry'): Promise<void> => {
      if (options.stall?.at !== at || options.stall.after !== added) return;
      process.stderr.write(`intake: stalled after submission ${added} (${at})\n`);
      await new Promise(() => setInterval(() => undefined, 60_000));
    };
    const ignore = (
      incoming: Incoming,
      reason: string,
      mail?: { messageId?: string; from?: string },
      candidate?: string,
    ): void => {
      const entry: Ignored = {
        kind: 'ignored',
        messageId: mail?.messageId ?? null,
        from: mail?.from ?? null,
        reason,
        place: incoming.place,
        ...(candidate ? { candidate } : {}),
      };
      report.ignored.push(entry);
      options.onMessage?.(entry);
    };

    const take = async (incoming: Incoming): Promise<Outcome> => {
      if (!incoming.bytes) {
        ignore(
          incoming,
          incoming.size > limit
            ? `message of ${MB(incoming.size)}, larger than the ${MB(limit)} intake reads: save its attachment by hand`
            : 'the server returned no content for this message',
        );
        return 'done';
      }
      const mail = await readMail(incoming.bytes);
      if ('problem' in mail) {
        ignore(incoming, mail.problem);
        return 'done';
      }
      const warnings: string[] = [];
      let stamp: Stamp | undefined =
        incoming.stamp ?? receivedStamp(mail.received) ?? dateHeaderStamp(mail.date);
      if (!stamp) {
        ignore(
          incoming,
          'no time of receipt: no server time, no Received: header and no readable Date:',
          mail,
        );
        return 'done';
      }
      if (stamp.receivedBy === 'mbox-from-line') {
        const trace = receivedStamp(mail.received);
        if (trace && Math.abs(trace.instant.getTime() - stamp.instant.getTime()) > 120_000) {
          const note = `the topmost Received: header says ${formatInZone(trace.instant, zone)}`;
          warnings.push(`${stamp.evidence}; ${note}: check which one the mail server wrote`);
          stamp = { ...stamp, evidence: `${stamp.evidence}; ${note}` };
        }
      }
      if (stamp.warning) warnings.push(stamp.warning);
      if (since && stamp.instant < since) {
        report.beforeSince += 1;
        return 'done';
      }
      const match = matchCandidate(candidates, mail);
      if ('reason' in match) {
        ignore(incoming, match.reason, mail);
        return 'unmatched';
      }
      if (match.warning) warnings.push(match.warning);
      const choice = chooseDossier(mail.parts, mail.links, match.code);
      if ('reason' in choice) {
        ignore(incoming, choice.reason, mail, match.code);
        return 'done';
      }
      warnings.push(...choice.warnings);
      const { bytes, ext, originalName } = choice.file;
      const sha256 = sha256Of(bytes);
      const receivedAt = formatInZone(stamp.instant, zone);
      if (store.has({ messageId: mail.messageId, sha256, receivedAt })) {
        report.alreadyRecorded += 1;
        return 'done';
      }
      const file = await store.nextFile(match.code, ext, sha256);
      await store.writeFile(file, bytes);
      const entry: Submission = {
        candidate: match.code,
        file,
        receivedAt,
        receivedBy: stamp.receivedBy,
        evidence: stamp.evidence,
        sha256,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        ...(mail.from ? { from: mail.from } : {}),
        originalName,
      };
      let receipt: string | undefined;
      const candidate = byCode.get(match.code);
      if (options.receipts && candidate) {
        receipt = `receipts/${file.slice('submissions/'.length).replace(/\.[^.]+$/, '')}.eml`;
        const eml = await buildReceipt(loaded.session, candidate, entry, bytes.length);
        if (!dryRun) await writeIfChanged(join(dir, receipt), eml);
      }
      added += 1;
      await stall('file');
      await store.append(entry);
      await stall('entry');
      const event: Added = {
        kind: 'added',
        candidate: match.code,
        file,
        receivedAt,
        receivedBy: stamp.receivedBy,
        evidence: stamp.evidence,
        sha256,
        size: bytes.length,
        messageId: mail.messageId ?? null,
        from: mail.from ?? null,
        originalName,
        matchedBy: match.by,
        ...(receipt ? { receipt } : {}),
        warnings,
        place: incoming.place,
      };
      report.added.push(event);
      options.onMessage?.(event);
      return 'done';
    };

    try {
      for await (const incoming of reader.messages()) {
        await reader.settle(incoming, await take(incoming));
      }
    } finally {
      report.notes.push(...reader.notes);
      await reader.close();
    }
  } finally {
    await unlock();
  }
  return report;
}
