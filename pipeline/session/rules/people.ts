/**
 * Rules across the people files: unique codes and ids, a candidate's specialisation and
 * tutor, a juror's expertise, and submissions from enrolled candidates only.
 */
import { Errors } from '../../errors.ts';
import type { RuleContext } from './context.ts';

export function candidateRules(ctx: RuleContext): void {
  const found = ctx.one('candidates');
  if (!found) return;
  const { file, data } = found;
  ctx.duplicates(file, ['candidates'], data.candidates, 'code', 'candidate code', (c) => c.code);
  ctx.duplicates(file, ['tutors'], data.tutors, 'id', 'tutor id', (t) => t.id);

  const tutors = new Set(data.tutors.map((t) => t.id));
  const session = ctx.one('session')?.data;
  const blocks = new Map(session?.blocks.map((b) => [b.id, b.kind]));
  const specialisations = new Set(
    session?.blocks.filter((b) => b.kind === 'specialisation').map((b) => b.id),
  );
  data.candidates.forEach((c, i) => {
    if (c.tutor !== undefined) {
      ctx.reference(
        file,
        ['candidates', i, 'tutor'],
        c.tutor,
        tutors,
        'tutor',
        'tutors of candidates.yaml',
      );
    }
    if (!session) return;
    const path = ['candidates', i, 'specialisation'];
    if (blocks.get(c.specialisation) === 'socle') {
      const expected = 'a block of kind `specialisation`';
      ctx.report(
        file,
        path,
        Errors.SessionInvalidValue,
        [
          `socle block "${c.specialisation}"`,
          expected,
          `Name the specialisation the candidate takes, one of ${[...specialisations].join(', ')}.`,
        ],
        { expected },
      );
      return;
    }
    ctx.reference(
      file,
      path,
      c.specialisation,
      specialisations,
      'specialisation block',
      'blocks of session.yaml',
    );
  });
}

export function juryRules(ctx: RuleContext): void {
  const found = ctx.one('juries');
  if (!found) return;
  const { file, data } = found;
  ctx.duplicates(file, ['members'], data.members, 'id', 'jury member id', (m) => m.id);
  const session = ctx.one('session')?.data;
  if (!session) return;
  const blocks = new Set(session.blocks.map((b) => b.id));
  data.members.forEach((m, i) => {
    m.expertise.forEach((block, j) => {
      ctx.reference(
        file,
        ['members', i, 'expertise', j],
        block,
        blocks,
        'block',
        'blocks of session.yaml',
      );
    });
  });
}

export function submissionRules(ctx: RuleContext): void {
  const found = ctx.one('submissions');
  const candidates = ctx.one('candidates')?.data;
  if (!found || !candidates) return;
  const codes = new Set(candidates.candidates.map((c) => c.code));
  found.data.submissions.forEach((s, i) => {
    ctx.reference(
      found.file,
      ['submissions', i, 'candidate'],
      s.candidate,
      codes,
      'candidate',
      'candidates.yaml',
    );
  });
}
