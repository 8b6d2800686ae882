/**
 * Rules on the files the pipeline writes (schedule.yaml, results/*.yaml): they name
 * candidates, jurors and rooms that exist, a result file is named after its candidate, and a
 * schedule belongs to the session, gives each candidate one slot, with times in order.
 */
import { Errors } from '../../errors.ts';
import { toInstant } from '../../time.ts';
import type { RuleContext } from './context.ts';

/** The schedule's own session id, one slot per candidate, start < end ≤ deliberationEnd. */
function scheduleShape(ctx: RuleContext): void {
  const session = ctx.one('session');
  const schedule = ctx.one('schedule');
  if (!session || !schedule) return;
  const { file, data } = schedule;
  if (data.session !== session.data.id) {
    const expected = `"${session.data.id}", the id of session.yaml`;
    const fix = 'Re-run `recevable schedule` for this session, or restore its schedule.yaml.';
    ctx.report(
      file,
      ['session'],
      Errors.SessionInvalidValue,
      [`"${data.session}"`, expected, fix],
      {
        expected,
      },
    );
  }
  ctx.duplicates('schedule', ['slots'], 'candidate', 'defence of candidate');
  const zone = session.data.timezone;
  data.slots.forEach((slot, index) => {
    const at = (text: string) => toInstant(text, zone).getTime();
    const [start, end, free] = [at(slot.start), at(slot.end), at(slot.deliberationEnd)];
    if (start >= end) {
      const args: [string, string, string, string, boolean] = [
        'start',
        slot.start,
        'end',
        slot.end,
        true,
      ];
      ctx.report(file, ['slots', index, 'start'], Errors.SessionInvertedRange, args);
    } else if (end > free) {
      const args: [string, string, string, string, boolean] = [
        'end',
        slot.end,
        'deliberationEnd',
        slot.deliberationEnd,
        false,
      ];
      ctx.report(file, ['slots', index, 'end'], Errors.SessionInvertedRange, args);
    }
  });
}

export function scheduleRules(ctx: RuleContext): void {
  scheduleShape(ctx);
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
