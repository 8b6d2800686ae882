/**
 * `content/<session>/outcomes.yaml`: what the national certification commission received for
 * each candidate — the result of every competency block (evaluated by MSPR during the
 * training) and of the final exam (dossier professionnel: written part + oral defence), and
 * the day the results were sent. `recevable outcomes` turns it into total / partial / refusal.
 */
import { z } from 'zod';
import { day, id } from './common.ts';
import { CriterionLevel } from './evaluation.ts';

/** Result of one evaluation: `absent` counts as not validated. */
export const EvaluationResult = z.enum(['validated', 'failed', 'absent']);
export type EvaluationResult = z.infer<typeof EvaluationResult>;

/**
 * The final exam, recorded as its two evaluations rather than one result: the reference grades
 * the written dossier and the oral defence separately, and staff need to know which part failed
 * for the appeal dialogue and a retake. The exam is validated only when both parts are.
 * A part left out is missing data: the decision is then `incomplete`.
 */
export const FinalExam = z.strictObject({
  /** Written part: the dossier professionnel as graded by the jury. */
  dossier: EvaluationResult.optional(),
  /** Oral part: the 45-minute defence before the jury (`absent` if the candidate did not come). */
  oral: EvaluationResult.optional(),
  /** The jury's motivation of its position, as written on the evaluation sheet. */
  motivation: z.string().min(1).optional(),
  /** Why a part is not validated: the reference requires these written reasons. */
  reasons: z.string().min(1).optional(),
  /** The jury's recommendations; they are never reservations. */
  recommendations: z.string().min(1).optional(),
  /** What the jury ticked on the grid, by criterion id of `evaluation.grid`. */
  criteria: z.record(id(), CriterionLevel).optional(),
});
export type FinalExam = z.infer<typeof FinalExam>;

/** Everything recorded for one candidate. */
export const CandidateOutcome = z.strictObject({
  /** Public code of the candidate, as in candidates.yaml, e.g. `C001`. */
  candidate: id(),
  /** Day this candidate's results were sent, when it differs from the file's `resultsSentOn`. */
  resultsSentOn: day().optional(),
  /**
   * Result of each competency block, by block id of session.yaml: the socle blocks and the
   * candidate's specialisation, e.g. `{ B1: validated, B2: failed, B3: absent, B4: validated }`.
   * A block left out is missing data.
   */
  blocks: z.record(id(), EvaluationResult).default({}),
  /** Results of the final exam; left out while the defence has not been graded. */
  finalExam: FinalExam.optional(),
  /** Private note for staff (never printed on an attestation). */
  note: z.string().optional(),
});
export type CandidateOutcome = z.infer<typeof CandidateOutcome>;

/** The whole file. */
export const OutcomesFile = z
  .strictObject({
    /** Day the national commission's results were sent to candidates, `YYYY-MM-DD`. */
    resultsSentOn: day().optional(),
    /** Days after the results are sent during which a candidate may open the appeal dialogue. */
    appealDays: z.number().int().min(1).max(366).default(14),
    /** One entry per candidate code; a candidate appears at most once. */
    outcomes: z.array(CandidateOutcome).default([]),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.outcomes.forEach((entry, index) => {
      if (seen.has(entry.candidate)) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', index, 'candidate'],
          message: `candidate ${entry.candidate} appears twice; merge the two entries`,
        });
      }
      seen.add(entry.candidate);
    });
  });
export type OutcomesFile = z.infer<typeof OutcomesFile>;
