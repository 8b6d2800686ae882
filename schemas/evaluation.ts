/**
 * `evaluation` in session.yaml: the evaluation grid the jury fills in on each candidate's
 * *fiche individuelle d'évaluation* (`recevable paperwork`). The reference grades the final
 * exam in two parts — the written dossier professionnel and the oral defence — so every
 * criterion belongs to one part, and may name the competency blocks it evaluates.
 */
import { z } from 'zod';
import { id } from './common.ts';

/** The two parts of the final exam: `dossier` (written) and `oral` (the defence). */
export const ExamPart = z.enum(['dossier', 'oral']);
export type ExamPart = z.infer<typeof ExamPart>;

/** What the jury ticks for one criterion. */
export const CriterionLevel = z.enum(['acquired', 'not-acquired']);
export type CriterionLevel = z.infer<typeof CriterionLevel>;

/** One criterion of the grid. */
export const Criterion = z.strictObject({
  /** Stable id, e.g. `E1`; names the criterion's form field (`criteria.E1`) and its result in outcomes.yaml. */
  id: id(),
  /** `dossier`: the written part; `oral`: the defence (presentation and interview). */
  part: ExamPart,
  /** Block ids of session.yaml this criterion evaluates; a criterion naming only specialisation blocks is printed for the candidates of those specialisations; empty: every candidate. */
  blocks: z.array(id()).default([]),
  /** What the jury evaluates, in French, as printed on the sheet, e.g. `Structure du dossier conforme au référentiel`. */
  title: z.string().min(1),
  /** A line of guidance printed under the title (optional). */
  description: z.string().min(1).optional(),
});
export type Criterion = z.infer<typeof Criterion>;

/** The `evaluation` settings of the session. */
export const Evaluation = z
  .strictObject({
    /** The criteria, in the order printed: the written part's, then the oral's. */
    grid: z.array(Criterion).min(1),
  })
  .superRefine((evaluation, ctx) => {
    const seen = new Set<string>();
    evaluation.grid.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['grid', index, 'id'],
          message: `criterion id ${criterion.id} appears twice; give each criterion its own id`,
        });
      }
      seen.add(criterion.id);
    });
  });
export type Evaluation = z.infer<typeof Evaluation>;
