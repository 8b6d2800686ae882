/**
 * `content/<session>/tutoring.yaml`: the tutor's meetings with each candidate. The reference
 * gives every candidate three individual meetings for writing the dossier and one defence
 * preparation; `recevable outcomes` lists, for staff, who lacks them.
 */
import { z } from 'zod';
import { day, id } from './common.ts';

/** `individual`: a writing meeting; `preparation`: the defence preparation. */
export const MeetingKind = z.enum(['individual', 'preparation']);
export type MeetingKind = z.infer<typeof MeetingKind>;

/** One meeting that took place. */
export const Meeting = z.strictObject({
  /** `individual` (one of the three writing meetings) or `preparation` (defence preparation). */
  kind: MeetingKind,
  /** Day of the meeting, `YYYY-MM-DD`, in the session's timezone. */
  on: day(),
  /** Private note for staff. */
  note: z.string().optional(),
});
export type Meeting = z.infer<typeof Meeting>;

/** The tutoring of one candidate. */
export const CandidateTutoring = z.strictObject({
  /** Public code of the candidate, as in candidates.yaml. */
  candidate: id(),
  /** Id of the tutor (a `tutors` entry of candidates.yaml). */
  tutor: id(),
  /** Meetings held so far, in any order. */
  meetings: z.array(Meeting).default([]),
});
export type CandidateTutoring = z.infer<typeof CandidateTutoring>;

/** The whole file. */
export const TutoringFile = z
  .strictObject({
    /** What every candidate is owed; the reference: three individual meetings and one preparation. */
    required: z
      .strictObject({
        /** Individual writing meetings held by the dossier deadline (`rules.deadline`). */
        individual: z.number().int().min(0).max(50).default(3),
        /** Defence preparations held before the first defence day. */
        preparation: z.number().int().min(0).max(50).default(1),
      })
      .default({ individual: 3, preparation: 1 }),
    /** One entry per candidate code; a candidate appears at most once. */
    tutoring: z.array(CandidateTutoring).default([]),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.tutoring.forEach((entry, index) => {
      if (seen.has(entry.candidate)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tutoring', index, 'candidate'],
          message: `candidate ${entry.candidate} appears twice; merge the two entries`,
        });
      }
      seen.add(entry.candidate);
    });
  });
export type TutoringFile = z.infer<typeof TutoringFile>;
