/**
 * Rules on the files the pipeline writes (schedule.yaml, results/*.yaml): they name
 * candidates, jurors and rooms that exist, and a result file is named after its candidate.
 */
import { Errors } from '../../errors.ts';
import type { RuleContext } from './context.ts';

export function scheduleRules(ctx: RuleContext): void {
  const found = ctx.one('schedule');
  if (!found) return;
  const { file, data } = found;
  const candidates = ctx.one('candidates')?.data;
  const juries = ctx.one('juries')?.data;
  const session = ctx.one('session')?.data;
  const codes = candidates && new Set(candidates.candidates.map((c) => c.code));
  const members = juries && new Set(juries.members.map((m) => m.id));
  const rooms = session && new Set(session.defence.rooms.map((r) => r.id));
  data.slots.forEach((slot, i) => {
    if (codes)
      ctx.reference(
        file,
        ['slots', i, 'candidate'],
        slot.candidate,
        codes,
        'candidate',
        'candidates.yaml',
      );
    if (rooms)
      ctx.reference(
        file,
        ['slots', i, 'room'],
        slot.room,
        rooms,
        'room',
        'defence.rooms of session.yaml',
      );
    if (members) {
      slot.jury.forEach((id, j) => {
        ctx.reference(file, ['slots', i, 'jury', j], id, members, 'jury member', 'juries.yaml');
      });
    }
  });
  if (codes) {
    data.unscheduled.forEach((u, i) => {
      ctx.reference(
        file,
        ['unscheduled', i, 'candidate'],
        u.candidate,
        codes,
        'candidate',
        'candidates.yaml',
      );
    });
  }
}

export function resultRules(ctx: RuleContext): void {
  const candidates = ctx.one('candidates')?.data;
  const codes = candidates && new Set(candidates.candidates.map((c) => c.code));
  for (const { file, data } of ctx.all('results')) {
    const named = file.replace(/^results\//, '').replace(/\.ya?ml$/, '');
    if (data.candidate !== named) {
      const expected = `"${named}", the name of the file`;
      ctx.report(
        file,
        ['candidate'],
        Errors.SessionInvalidValue,
        [
          `"${data.candidate}"`,
          expected,
          `Rename the file results/${data.candidate}.yaml, or correct \`candidate\`.`,
        ],
        { expected },
      );
      continue;
    }
    if (codes)
      ctx.reference(file, ['candidate'], data.candidate, codes, 'candidate', 'candidates.yaml');
  }
}
