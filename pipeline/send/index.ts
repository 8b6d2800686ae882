/**
 * `sendSession(dir, options)`: what `recevable send` does, as a function. Reads the outbox,
 * applies the guards, asks the journal what each recipient already has, and delivers the rest
 * one message at a time, writing the journal before the final dot and after the reply.
 *
 * Exactly once: a recipient the journal marks `sent` or `rejected` is never sent the message
 * again; `deferred` is retried; `unknown` (no reply after the final dot) is listed and retried
 * only with `resendUnknown`. A CANCEL goes only to whom the REQUEST of its UID went, and not at
 * all when a newer invitation for the same event is about to go.
 */
import type { JournalLine, MailKind } from '../../schemas/mail-journal.ts';
import { Errors, recevableError } from '../errors.ts';
import { loadSession, type LoadedSession } from '../session/load.ts';
import { dayInZone, toInstant } from '../time.ts';
import { invitedKey, openJournal, readJournal, type Journal } from './journal.ts';
import type { MessageProblem, OutMessage } from './message.ts';
import { collectOutbox, KINDS } from './outbox.ts';
import { deliver, smtpConfig, type Attempt } from './smtp.ts';

export interface SendOptions {
  /** Kinds to send; all by default. */
  readonly what?: readonly MailKind[];
  /** Only the messages of these candidate codes or juror ids. */
  readonly only?: readonly string[];
  /** List what would be sent; connect to nothing, write nothing. */
  readonly dryRun?: boolean;
  /** Send convocations later than the notice, recording why. */
  readonly late?: string;
  /** Send before the key date (convocationsSentOn, resultsSentOn). */
  readonly now?: boolean;
  /** Send again the messages whose delivery is unknown. */
  readonly resendUnknown?: boolean;
  /** The clock (tests); the real time by default. */
  readonly clock?: () => Date;
  /** Where RECEVABLE_SMTP_URL and RECEVABLE_SMTP_PASSWORD are read; process.env by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** Called after each attempt (progress). */
  readonly onAttempt?: (message: OutMessage, attempt: Attempt) => void;
}

/** One recipient of one message, in the report. */
export interface ReportItem {
  readonly file: string;
  readonly messageId: string;
  readonly recipient: string;
  readonly reply: string;
}

/** What a run did. */
export interface SendReport {
  /** Messages accepted by the server in this run (for at least one recipient). */
  readonly sent: number;
  readonly rejected: ReportItem[];
  readonly deferred: ReportItem[];
  /** Recipients whose delivery is unknown: check with them, then `--resend-unknown` if it never arrived. */
  readonly unknown: ReportItem[];
  /** Messages with nothing left to do: already delivered, cancels with nothing to cancel. */
  readonly skipped: number;
  /** Messages a guard held back, and why. */
  readonly refused: { file: string; reason: string }[];
  /** `.eml` files that cannot be sent. */
  readonly problems: MessageProblem[];
  /** Candidates with no results mail, and why. */
  readonly noResults: { candidate: string; reason: string }[];
  /** In a dry run: what would go out, to whom. */
  readonly planned: { file: string; to: string[] }[];
  /** Things staff should know that stop nothing. */
  readonly warnings: string[];
}

const DAY = 86_400_000;
const dayGap = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Why a guard holds the message back, or undefined; `late` says the guard --late lifted. */
function guard(
  message: OutMessage,
  loaded: LoadedSession,
  now: Date,
  options: SendOptions,
): { refused?: string; late?: boolean } {
  const { session } = loaded;
  const tz = session.timezone;
  const today = dayInZone(now, tz);
  const cancel = message.invitation?.method === 'CANCEL';
  if ((message.kind === 'convocation' || message.kind === 'jury') && !cancel) {
    const key = session.keyDates.find((k) => k.id === session.defence.convocationsSentOn);
    const from = key && toInstant('at' in key ? key.at : key.from, tz);
    if (from && now < from && !options.now)
      return {
        refused: `not before the convocationsSentOn key date (${dayInZone(from, tz)}); add --now to send it today`,
      };
  }
  if (message.kind === 'convocation' && !cancel && message.invitation?.start) {
    const defence = dayInZone(message.invitation.start, tz);
    const notice = dayGap(today, defence);
    const needed = session.defence.convocationNoticeDays;
    if (notice < needed) {
      if (!options.late)
        return {
          refused: `sent today (${today}) it arrives ${notice} days before the defence on ${defence}; at least ${needed} are required: add --late "<reason>" to send it anyway`,
        };
      return { late: true };
    }
  }
  if (message.kind === 'results') {
    const day =
      loaded.outcomes?.outcomes.find((o) => o.candidate === message.person)?.resultsSentOn ??
      loaded.outcomes?.resultsSentOn;
    if (day && today < day && !options.now)
      return {
        refused: `not before its results day ${day} (outcomes.yaml resultsSentOn); add --now to send it today`,
      };
    if (day && today > day) {
      if (!options.late)
        return {
          refused: `its appeal deadline counts from ${day} (resultsSentOn), ${dayGap(day, today)} days ago: set resultsSentOn to ${today} in outcomes.yaml, or add --late "<reason>"`,
        };
      return { late: true };
    }
  }
  return {};
}

/** Recipients of `message` still to be sent it, and those whose delivery is unknown. */
function pending(
  message: OutMessage,
  journal: Journal,
  options: SendOptions,
): { to: string[]; unknown: string[] } {
  const known = journal.deliveries.get(message.messageId);
  const to: string[] = [];
  const unknown: string[] = [];
  for (const address of message.recipients) {
    const status = known?.get(address.toLowerCase())?.status;
    if (status === 'sent' || status === 'rejected') continue;
    if (status === 'unknown' && !options.resendUnknown) unknown.push(address);
    else to.push(address);
  }
  return { to, unknown };
}

/** Sends the session's mail; throws a RecevableError for unusable input or an unreachable server. */
export async function sendSession(dir: string, options: SendOptions = {}): Promise<SendReport> {
  const kinds = options.what ?? KINDS;
  const loaded = await loadSession(dir, { with: kinds.includes('results') ? ['outcomes'] : [] });
  if (!loaded.session.defence.organiser)
    throw recevableError(Errors.SendNoOrganiser, `${loaded.dir}/session.yaml`);
  const dryRun = options.dryRun === true;
  const outbox = await collectOutbox(loaded, kinds, { dryRun });
  const only = options.only && new Set(options.only);
  const messages = outbox.messages.filter((m) => !only || only.has(m.person));
  const journal = await readJournal(loaded.dir);
  const now = (options.clock ?? (() => new Date()))();
  const report: { -readonly [K in keyof SendReport]: SendReport[K] } = {
    sent: 0,
    rejected: [],
    deferred: [],
    unknown: [],
    skipped: 0,
    refused: [],
    problems: outbox.problems,
    noResults: outbox.noResults,
    planned: [],
    warnings: journal.truncated
      ? [
          `${loaded.dir}/mail/sent.jsonl: its last line was cut short (a run was killed); it is ignored and cut off`,
        ]
      : [],
  };
  const item = (m: OutMessage, recipient: string, reply: string): ReportItem => ({
    file: m.file,
    messageId: m.messageId,
    recipient,
    reply,
  });
  // Newest invitation of each event and address in this outbox: an older CANCEL gives way to it.
  const newest = new Map<string, number>();
  for (const m of messages)
    if (m.invitation?.method === 'REQUEST')
      for (const r of m.recipients) {
        const key = invitedKey(m.invitation.uid, r);
        newest.set(key, Math.max(newest.get(key) ?? -1, m.invitation.sequence));
      }
  const work: { message: OutMessage; to: string[]; late: boolean }[] = [];
  for (const message of messages) {
    const { to, unknown } = pending(message, journal, options);
    for (const address of unknown)
      report.unknown.push(
        item(
          message,
          address,
          journal.deliveries.get(message.messageId)?.get(address.toLowerCase())?.reply ?? '',
        ),
      );
    const sequence = message.invitation?.sequence ?? 0;
    const targets =
      message.invitation?.method === 'CANCEL'
        ? to.filter((address) => {
            const key = invitedKey(message.invitation!.uid, address);
            return journal.invited.has(key) && (newest.get(key) ?? -1) < sequence;
          })
        : to;
    if (targets.length === 0) {
      if (unknown.length === 0) report.skipped += 1;
      continue;
    }
    const held = guard(message, loaded, now, options);
    if (held.refused) {
      report.refused.push({ file: message.file, reason: held.refused });
      continue;
    }
    const existing = journal.deliveries.get(message.messageId);
    const changed = [...(existing?.values() ?? [])].find((d) => d.sha256 !== message.sha256);
    if (changed)
      report.warnings.push(
        `${message.file}: its bytes changed since ${changed.file} was sent with the same Message-ID ${message.messageId}; only the recipients not yet reached get it`,
      );
    work.push({ message, to: targets, late: held.late === true });
  }
  if (dryRun) {
    report.planned.push(...work.map((w) => ({ file: w.message.file, to: w.to })));
    return report;
  }
  if (work.length === 0) return report;
  const config = smtpConfig(options.env ?? process.env, loaded.session.mail?.smtp);
  const writer = openJournal(loaded.dir, journal);
  try {
    for (const { message, to, late } of work) {
      const line = (
        status: JournalLine['status'],
        reply: string,
        recipients: JournalLine['recipients'],
      ): JournalLine => ({
        time: new Date().toISOString(),
        messageId: message.messageId,
        kind: message.kind,
        file: message.file,
        sha256: message.sha256,
        from: message.from,
        status,
        reply,
        recipients,
        ...(late && options.late ? { late: options.late } : {}),
        ...(message.invitation
          ? {
              invitation: {
                uid: message.invitation.uid,
                method: message.invitation.method,
                sequence: message.invitation.sequence,
              },
            }
          : {}),
      });
      const attempt = await deliver(config, { from: message.from, to }, message.bytes, () => {
        const reply = 'final dot sent, no reply yet';
        writer.append(
          line(
            'unknown',
            reply,
            to.map((address) => ({ address, status: 'unknown', reply })),
          ),
        );
      });
      writer.append(line(attempt.status, attempt.reply, attempt.recipients));
      if (attempt.recipients.some((r) => r.status === 'sent')) report.sent += 1;
      for (const r of attempt.recipients) {
        if (r.status === 'rejected') report.rejected.push(item(message, r.address, r.reply));
        if (r.status === 'deferred') report.deferred.push(item(message, r.address, r.reply));
        if (r.status === 'unknown') report.unknown.push(item(message, r.address, r.reply));
      }
      options.onAttempt?.(message, attempt);
    }
  } finally {
    writer.close();
  }
  return report;
}
