/**
 * Rules inside session.yaml that a schema cannot express: unique ids, key dates named by the
 * rules and the defence settings (and of the right kind), defence days within their key date,
 * and bounds given in the right order.
 */
import type { Session } from '../../../schemas/session.ts';
import { Errors } from '../../errors.ts';
import { text, type RuleContext } from './context.ts';

export function sessionRules(ctx: RuleContext): void {
  ctx.duplicates('session', ['blocks'], 'id', 'block id');
  ctx.duplicates('session', ['keyDates'], 'id', 'key date id');
  ctx.duplicates('session', ['rules', 'plan'], 'id', 'plan section id');
  ctx.duplicates('session', ['defence', 'rooms'], 'id', 'room id');
  keyDateReferences(ctx);
  const found = ctx.one('session');
  if (found) orderRules(ctx, found.file, found.data);
}

/** `rules.deadline`, `defence.convocationsSentOn` and `defence.keyDate` name key dates of the right kind. */
function keyDateReferences(ctx: RuleContext): void {
  const list = ctx.items('session', ['keyDates']);
  const session = ctx.raw('session')[0];
  if (!list || !session) return;
  const dates = new Map(
    list.items.flatMap(({ fields }) => text(fields['id']).map((id) => [id, fields])),
  );
  const ids = new Set(dates.keys());
  const check = (path: [string, string], want: 'at' | 'span'): void => {
    const value = field(session.value, path);
    if (!ctx.reference(session.file, path, value, ids, 'key date', 'keyDates of session.yaml'))
      return;
    const date = dates.get(value as string);
    const ok = want === 'at' ? date?.['at'] !== undefined : date?.['from'] !== undefined;
    if (ok) return;
    const expected =
      want === 'at' ? 'a single moment (`at:`)' : 'a span of days (`from:` and `to:`)';
    const args: [string, string, string] = [path.join('.'), String(value), expected];
    ctx.report(session.file, path, Errors.SessionWrongKeyDateKind, args, { expected });
  };
  check(['rules', 'deadline'], 'at');
  check(['defence', 'convocationsSentOn'], 'at');
  check(['defence', 'keyDate'], 'span');
}

function field(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const segment of path) {
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[segment] : undefined;
  }
  return v;
}

/** Bounds in order, and defence days within their key date: on a valid session.yaml only. */
function orderRules(ctx: RuleContext, file: string, s: Session): void {
  const spanDate = s.keyDates.find((k) => k.id === s.defence.keyDate);
  const span = spanDate && 'from' in spanDate ? spanDate : undefined;
  s.keyDates.forEach((k, i) => {
    if ('from' in k && k.from > k.to) {
      inverted(ctx, file, ['keyDates', i, 'to'], [`keyDates[${i}].from`, k.from], ['to', k.to]);
    }
  });
  if (span) {
    s.defence.days.forEach((day, i) => {
      if (day < span.from || day > span.to) {
        const args: [string, string, string, string] = [day, span.id, span.from, span.to];
        const expected = `a day from ${span.from} to ${span.to}`;
        ctx.report(file, ['defence', 'days', i], Errors.SessionDefenceDayOutside, args, {
          expected,
        });
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
  const args: [string, string, string, string, boolean] = [
    low,
    String(lowValue),
    high,
    String(highValue),
    strict,
  ];
  ctx.report(file, path, Errors.SessionInvertedRange, args, {
    expected: `${low} ${strict ? '<' : '≤'} ${high}`,
  });
}
