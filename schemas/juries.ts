/** `content/<session>/juries.yaml`: the external professionals the scheduler forms juries from. */
import { z } from 'zod';
import { day, id } from './common.ts';

/** One external professional. */
export const JuryMember = z.strictObject({
  /** Stable id, e.g. `J01`. */
  id: id(),
  /** Full name (private unless `publish.names`). */
  name: z.string().min(1),
  /** E-mail address the jury mailing is sent to (private). */
  email: z.email(),
  /** Employer; never sits with a candidate from the same company (private). */
  company: z.string().min(1),
  /** Specialisation blocks the member can assess, e.g. `[B4]`. */
  expertise: z.array(id()).min(1),
  /** Days the member is available, `YYYY-MM-DD`. */
  available: z.array(day()).min(1),
  /** Withdrawn after publication: their defences are moved, nothing else. */
  withdrawn: z.boolean().default(false),
});
export type JuryMember = z.infer<typeof JuryMember>;

/** The whole file. */
export const JuriesFile = z.strictObject({
  /** Every available jury member. */
  members: z.array(JuryMember),
});
export type JuriesFile = z.infer<typeof JuriesFile>;
