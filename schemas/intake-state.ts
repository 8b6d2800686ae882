/**
 * `content/<session>/intake-state.yaml`: where `recevable intake` stopped in each IMAP mailbox,
 * so a re-run fetches only what arrived since. Written by `intake`; deleting it is safe (the
 * next run reads the whole mailbox again and records nothing twice).
 */
import { z } from 'zod';

/** How far one mailbox was read. */
export const MailboxState = z.strictObject({
  /** The mailbox, as `imap://user@host:port/Mailbox` (never a password). */
  source: z.string().min(1),
  /** UIDVALIDITY of the mailbox when it was read: another value means its UIDs were renumbered. */
  uidValidity: z.string().regex(/^\d+$/, 'expected the decimal UIDVALIDITY'),
  /** Highest UID read (every message up to it was recorded or ignored). */
  lastUid: z.number().int().min(0),
  /** UIDs ignored because no candidate matched them: read again when candidates.yaml changes. */
  unmatched: z.array(z.number().int().min(1)).default([]),
  /** SHA-256 of the candidates' codes and addresses when `unmatched` was decided. */
  candidates: z.string().regex(/^[0-9a-f]{64}$/),
});
export type MailboxState = z.infer<typeof MailboxState>;

/** The whole file. */
export const IntakeStateFile = z.strictObject({
  /** One entry per IMAP mailbox read into this session. */
  mailboxes: z.array(MailboxState),
});
export type IntakeStateFile = z.infer<typeof IntakeStateFile>;
