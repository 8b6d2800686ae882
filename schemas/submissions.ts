/** `content/<session>/submissions.yaml`: which dossier arrived, and when. */
import { z } from 'zod';
import { dateTime, id } from './common.ts';

/** Which evidence a submission's `receivedAt` comes from, strongest first. */
export const ReceivedBy = z.enum([
  'imap-internaldate',
  'mbox-from-line',
  'received-header',
  'date-header',
]);
export type ReceivedBy = z.infer<typeof ReceivedBy>;

/** One dossier as received. */
export const Submission = z.strictObject({
  /** Code of the candidate who sent it. */
  candidate: id(),
  /** Path of the file, relative to the session folder, e.g. `submissions/C001.pdf`. */
  file: z.string().min(1),
  /** When it was received; without offset, in the session's timezone. `intake` writes the offset. */
  receivedAt: dateTime(),
  /** SHA-256 of the file's bytes as received, hex (written by `intake`). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hexadecimal digits')
    .optional(),
  /** `Message-ID` of the e-mail that carried the dossier, angle brackets included (written by `intake`). */
  messageId: z.string().min(1).optional(),
  /** Sender address of that e-mail (`From:`). */
  from: z.string().min(1).optional(),
  /** Name of the attachment as the candidate sent it, e.g. `Dossier_Élodie.pdf` (inside `dossier.zip` when unpacked). */
  originalName: z.string().min(1).optional(),
  /**
   * Which evidence `receivedAt` comes from: `imap-internaldate` (set by the school's IMAP server
   * at delivery), `mbox-from-line`, `received-header` (topmost `Received:` trace field, added by
   * the receiving server) or `date-header` (written by the sender: a last resort, reviewed).
   */
  receivedBy: ReceivedBy.optional(),
  /** In words, where the time was read, e.g. `INTERNALDATE of INBOX UID 12` or that a From_ line had no zone. */
  evidence: z.string().min(1).optional(),
});
export type Submission = z.infer<typeof Submission>;

/** The whole file. */
export const SubmissionsFile = z.strictObject({
  /** Every submission, in any order; a candidate may send several. */
  submissions: z.array(Submission),
});
export type SubmissionsFile = z.infer<typeof SubmissionsFile>;
