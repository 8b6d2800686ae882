/**
 * Rules inside session.yaml that a schema cannot express: unique ids, key dates named by the
 * rules and the defence settings (and of the right kind), defence days within their key date,
 * and bounds given in the right order.
 */
import type { KeyDate } from '../../../schemas/session.ts';
import { Errors } from '../../errors.ts';
import type { RuleContext } from './context.ts';

export function sessionRules(ctx: RuleContext): void {
  const found = ctx.one('session');
  if (!found) return;
  const { file, data: s } = found;

  ctx.duplicates(file, ['blocks'], s.blocks, 'id', 'block id', (b) => b.id);
  ctx.duplicates(file, ['keyDates'], s.keyDates, 'id', 'key date id', (k) => k.id);
  ctx.duplicates(file, ['rules', 'plan'], s.rules.plan, 'id', 'plan section id', (p) => p.id);
  ctx.duplicates(file, ['defence', 'rooms'], s.defence.rooms, 'id', 'room id', (r) => r.id);

  const dates = new Map(s.keyDates.map((k) => [k.id, k]));
  const ids = new Set(dates.keys());
  const keyDate = (path: string[], value: string, want: 'at' | 'span'): KeyDate | undefined => {
    if (!ctx.reference(file, path, value, ids, 'key date', 'keyDates of session.yaml')) return;
    const date = dates.get(value);
    if (date && want === 'at' && !('at' in date)) {
      const expected = 'a single moment (`at:`)';
      ctx.report(file, path, Errors.SessionWrongKeyDateKind, [path.join('.'), value, expected]);
      return;
    }
    if (date && want === 'span' && !('from' in date)) {
      const expected = 'a span of days (`from:` and `to:`)';
      ctx.report(file, path, Errors.SessionWrongKeyDateKind, [path.join('.'), value, expected]);
      return;
    }
    return date;
  };
  keyDate(['rules', 'deadline'], s.rules.deadline, 'at');
  keyDate(['defence', 'convocationsSentOn'], s.defence.convocationsSentOn, 'at');
  const span = keyDate(['defence', 'keyDate'], s.defence.keyDate, 'span');

  s.keyDates.forEach((k, i) => {
    if ('from' in k && k.from > k.to) {
      inverted(ctx, file, ['keyDates', i, 'to'], [`keyDates[${i}].from`, k.from], ['to', k.to]);
    }
  });
  if (span && 'from' in span) {
    s.defence.days.forEach((day, i) => {
      if (day < span.from || day > span.to) {
        ctx.report(file, ['defence', 'days', i], Errors.SessionDefenceDayOutside, [
          day,
          span.id,
          span.from,
          span.to,
        ]);
      }
    });
  }

  const { pages, similarity } = s.rules;
  if (pages.min > pages.max) {
    inverted(
      ctx,
      file,
      ['rules', 'pages', 'min'],
      ['rules.pages.min', pages.min],
      ['max', pages.max],
    );
  }
  if (similarity && similarity.review > similarity.reject) {
    inverted(
      ctx,
      file,
      ['rules', 'similarity', 'review'],
      ['rules.similarity.review', similarity.review],
      ['reject', similarity.reject],
    );
  }
  const { hours } = s.defence;
  if (hours.start >= hours.end) {
    const path = ['defence', 'hours', 'start'];
    inverted(ctx, file, path, ['defence.hours.start', hours.start], ['end', hours.end], true);
  }
  hours.breaks.forEach(([start, end], i) => {
    if (start >= end) {
      const path = ['defence', 'hours', 'breaks', i];
      inverted(ctx, file, path, [`breaks[${i}] start`, start], ['its end', end], true);
    }
  });
}

function inverted(
  ctx: RuleContext,
  file: string,
  path: (string | number)[],
  [low, lowValue]: [string, string | number],
  [high, highValue]: [string, string | number],
  strict = false,
): void {
  ctx.report(file, path, Errors.SessionInvertedRange, [
    low,
    String(lowValue),
    high,
    String(highValue),
    strict,
  ]);
}
