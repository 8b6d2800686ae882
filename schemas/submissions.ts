/** `content/<session>/submissions.yaml`: which dossier arrived, and when. */
import { z } from 'zod';
import { dateTime, id } from './common.ts';

/** One dossier as received. */
export const Submission = z.strictObject({
  /** Code of the candidate who sent it. */
  candidate: id(),
  /** Path of the file, relative to the session folder, e.g. `submissions/C001.pdf`. */
  file: z.string().min(1),
  /** When it was received; without offset, in the session's timezone. */
  receivedAt: dateTime(),
});
export type Submission = z.infer<typeof Submission>;

/** The whole file. */
export const SubmissionsFile = z.strictObject({
  /** Every submission, in any order; a candidate may send several. */
  submissions: z.array(Submission),
});
export type SubmissionsFile = z.infer<typeof SubmissionsFile>;
