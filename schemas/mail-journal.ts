/**
 * One line of `content/<session>/mail/sent.jsonl`, the append-only journal of `recevable send`:
 * every attempt to deliver a message, flushed to disk before its final dot and after the reply.
 * The last line of a Message-ID and recipient decides what happens to it on the next run.
 */
import { z } from 'zod';

/**
 * `sent`: the server accepted it (never sent again); `rejected`: refused for good (5xx);
 * `deferred`: refused for now (4xx, or the connection failed before the final dot), retried on
 * the next run; `unknown`: the final dot went out and no reply came back — the server may have
 * accepted it (RFC 1047), so it is re-sent only with `--resend-unknown`.
 */
export const MailStatus = z.enum(['sent', 'rejected', 'deferred', 'unknown']);
export type MailStatus = z.infer<typeof MailStatus>;

/** What `send` delivers. */
export const MailKind = z.enum(['convocation', 'jury', 'receipt', 'results']);
export type MailKind = z.infer<typeof MailKind>;

/** What happened to one recipient of an attempt. */
export const RecipientOutcome = z.strictObject({
  /** Envelope recipient (RCPT TO). */
  address: z.string().min(1),
  status: MailStatus,
  /** The server's reply for this recipient, or what went wrong. */
  reply: z.string(),
});
export type RecipientOutcome = z.infer<typeof RecipientOutcome>;

/** One line of the journal. */
export const JournalLine = z.strictObject({
  /** When the line was written, ISO 8601 UTC. */
  time: z.iso.datetime(),
  /** Message-ID of the message, as in its `Message-ID:` header, with angle brackets. */
  messageId: z.string().min(3),
  kind: MailKind,
  /** The message file, relative to the session folder, e.g. `convocations/C001.eml`. */
  file: z.string().min(1),
  /** sha256 (hex) of the bytes sent. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Envelope sender (MAIL FROM). */
  from: z.string(),
  /** `unknown` on the line written just before the final dot; the outcome on the line after. */
  status: MailStatus,
  /** The server's reply to the message (or to the envelope when nothing was sent). */
  reply: z.string(),
  /** Each envelope recipient of this attempt and what happened to it. */
  recipients: z.array(RecipientOutcome).min(1),
  /** Why staff sent it despite a guard (`--late "<reason>"`). */
  late: z.string().min(1).optional(),
  /** The iTIP invitation it carries: event UID, METHOD and SEQUENCE. */
  invitation: z
    .strictObject({
      uid: z.string().min(1),
      method: z.enum(['REQUEST', 'CANCEL']),
      sequence: z.number().int().min(0),
    })
    .optional(),
});
export type JournalLine = z.infer<typeof JournalLine>;
