/**
 * Rules on the files the pipeline writes (schedule.yaml, results/*.yaml): they name
 * candidates, jurors and rooms that exist, and a result file is named after its candidate.
 */
import { Errors } from '../../errors.ts';
import type { RuleContext } from './context.ts';

export function scheduleRules(ctx: RuleContext): void {
  const codes = ctx.ids('candidates', ['candidates'], 'code');
  const members = ctx.ids('juries', ['members'], 'id');
  const rooms = ctx.ids('session', ['defence', 'rooms'], 'id');
  const slots = ctx.items('schedule', ['slots']);
  for (const { index, fields } of slots?.items ?? []) {
    const file = slots?.file ?? 'schedule.yaml';
    const at = (...rest: (string | number)[]) => ['slots', index, ...rest];
    if (codes)
      ctx.reference(
        file,
        at('candidate'),
        fields['candidate'],
        codes,
        'candidate',
        'candidates.yaml',
      );
    if (rooms)
      ctx.reference(
        file,
        at('room'),
        fields['room'],
        rooms,
        'room',
        'defence.rooms of session.yaml',
      );
    const jury = fields['jury'];
    if (members && Array.isArray(jury)) {
      jury.forEach((id: unknown, j) => {
        ctx.reference(file, at('jury', j), id, members, 'jury member', 'juries.yaml');
      });
    }
  }
  const unscheduled = ctx.items('schedule', ['unscheduled']);
  if (!codes || !unscheduled) return;
  for (const { index, fields } of unscheduled.items) {
    const path = ['unscheduled', index, 'candidate'];
    ctx.reference(
      unscheduled.file,
      path,
      fields['candidate'],
      codes,
      'candidate',
      'candidates.yaml',
    );
  }
}

export function resultRules(ctx: RuleContext): void {
  const codes = ctx.ids('candidates', ['candidates'], 'code');
  for (const { file, value } of ctx.raw('results')) {
    const candidate = (value as { candidate?: unknown } | null)?.candidate;
    if (typeof candidate !== 'string') continue;
    const named = file.replace(/^results\//, '').replace(/\.ya?ml$/, '');
    if (candidate !== named) {
      const expected = `"${named}", the name of the file`;
      const fix = `Rename the file results/${candidate}.yaml, or correct \`candidate\`.`;
      const args: [string, string, string] = [`"${candidate}"`, expected, fix];
      ctx.report(file, ['candidate'], Errors.SessionInvalidValue, args, { expected });
      continue;
    }
    if (codes) ctx.reference(file, ['candidate'], candidate, codes, 'candidate', 'candidates.yaml');
  }
}
