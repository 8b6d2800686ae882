/**
 * The cross-file rule of outcomes.yaml and tutoring.yaml for `recevable validate`: it reports
 * the errors of `checkOutcomes` / `checkTutoring` (unknown candidates, blocks, tutors) at their
 * line and column. Warnings (a tutor that differs from candidates.yaml) are left to
 * `recevable outcomes`: validate has no warning level and they do not make the data unusable.
 */
import type { RuleContext } from '../session/rules/context.ts';
import { checkOutcomes, checkTutoring, type CrossFinding } from './crosscheck.ts';

function report(ctx: RuleContext, findings: readonly CrossFinding[]): void {
  for (const f of findings) {
    if (f.level !== 'error') continue;
    const def = { code: f.code, message: () => f.message, hint: () => f.fix };
    ctx.report(f.file, f.path, def, [], { target: f.target });
  }
}

/** Reports unknown candidates, blocks and tutors in outcomes.yaml and tutoring.yaml. */
export function outcomeRules(ctx: RuleContext): void {
  const candidates = ctx.one('candidates')?.data;
  if (!candidates) return;
  const session = ctx.one('session')?.data;
  const outcomes = ctx.one('outcomes')?.data;
  const tutoring = ctx.one('tutoring')?.data;
  if (outcomes && session) report(ctx, checkOutcomes(outcomes, candidates, session));
  if (tutoring) report(ctx, checkTutoring(tutoring, candidates));
}
