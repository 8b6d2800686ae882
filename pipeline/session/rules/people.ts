/**
 * Rules across the people files: unique codes and ids, a candidate's specialisation and
 * tutor, a juror's expertise, and submissions from enrolled candidates only. They read the
 * lists even when another field of the file is wrong (see RuleContext).
 */
import { Errors } from '../../errors.ts';
import { text, type RuleContext } from './context.ts';

export function candidateRules(ctx: RuleContext): void {
  ctx.duplicates('candidates', ['candidates'], 'code', 'candidate code');
  ctx.duplicates('candidates', ['tutors'], 'id', 'tutor id');
  const list = ctx.items('candidates', ['candidates']);
  if (!list) return;
  const { file } = list;
  const tutors = ctx.ids('candidates', ['tutors'], 'id') ?? new Set<string>();
  const blocks = ctx.items('session', ['blocks'])?.items;
  const kinds = new Map(
    blocks?.flatMap(({ fields }) => text(fields['id']).map((id) => [id, fields['kind']])),
  );
  const specialisations = new Set(
    [...kinds].filter(([, k]) => k === 'specialisation').map(([id]) => id),
  );
  for (const { index, fields } of list.items) {
    if (fields['tutor'] !== undefined) {
      const path = ['candidates', index, 'tutor'];
      ctx.reference(file, path, fields['tutor'], tutors, 'tutor', 'tutors of candidates.yaml');
    }
    if (!blocks) continue;
    const path = ['candidates', index, 'specialisation'];
    const block = fields['specialisation'];
    const kind = typeof block === 'string' ? kinds.get(block) : undefined;
    // A block whose own kind is wrong is reported in session.yaml; not again for each candidate.
    if (kinds.has(String(block)) && kind !== 'socle' && kind !== 'specialisation') continue;
    if (kind === 'socle' && typeof block === 'string') {
      const expected = 'a block of kind `specialisation`';
      const fix = `Name the specialisation the candidate takes, one of ${[...specialisations].join(', ')}.`;
      const args: [string, string, string] = [`socle block "${block}"`, expected, fix];
      ctx.report(file, path, Errors.SessionInvalidValue, args, { expected });
      continue;
    }
    ctx.reference(
      file,
      path,
      block,
      specialisations,
      'specialisation block',
      'blocks of session.yaml',
    );
  }
}

export function juryRules(ctx: RuleContext): void {
  ctx.duplicates('juries', ['members'], 'id', 'jury member id');
  const list = ctx.items('juries', ['members']);
  const blocks = ctx.ids('session', ['blocks'], 'id');
  if (!list || !blocks) return;
  for (const { index, fields } of list.items) {
    const expertise = fields['expertise'];
    if (!Array.isArray(expertise)) continue;
    expertise.forEach((block: unknown, j) => {
      const path = ['members', index, 'expertise', j];
      ctx.reference(list.file, path, block, blocks, 'block', 'blocks of session.yaml');
    });
  }
}

export function submissionRules(ctx: RuleContext): void {
  const list = ctx.items('submissions', ['submissions']);
  const codes = ctx.ids('candidates', ['candidates'], 'code');
  if (!list || !codes) return;
  for (const { index, fields } of list.items) {
    const path = ['submissions', index, 'candidate'];
    // Not blocking: `check` turns such a submission into a finding and decides the others.
    ctx.reference(list.file, path, fields['candidate'], codes, 'candidate', 'candidates.yaml', {
      blocking: false,
    });
  }
}
