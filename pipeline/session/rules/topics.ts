/**
 * The « Sujet dossier / tuteurs » table: once its key date (`rules.topicTable`, else the key
 * date `tableau-sujets`) has passed, every candidate has a dossier topic and a tutor —
 * a warning otherwise, which does not stop the commands. And a pathway's dates in order.
 */
import { Errors } from '../../errors.ts';
import { toInstant } from '../../time.ts';
import type { RuleContext, Rule } from './context.ts';

/** The rule, judged at `now` (the key date must be over: a day is over at its end). */
export function topicRules(now: Date): Rule {
  return (ctx: RuleContext): void => {
    const candidates = ctx.items('candidates', ['candidates']);
    if (!candidates) return;
    candidates.items.forEach(({ index, fields }) => {
      const pathway = fields['pathway'] as Record<string, unknown> | undefined;
      const from = pathway?.['from'];
      const to = pathway?.['to'];
      if (typeof from === 'string' && typeof to === 'string' && from > to) {
        const args: [string, string, string, string, boolean] = [
          `candidates[${index}].pathway.from`,
          from,
          'to',
          to,
          false,
        ];
        ctx.report(
          candidates.file,
          ['candidates', index, 'pathway', 'to'],
          Errors.SessionInvertedRange,
          args,
          {
            expected: 'pathway.from ≤ to',
          },
        );
      }
    });
    const raw = ctx.raw('session')[0];
    const named = (raw?.value as { rules?: { topicTable?: unknown } } | undefined)?.rules
      ?.topicTable;
    const dates = ctx.ids('session', ['keyDates'], 'id');
    if (raw && named !== undefined && dates)
      ctx.reference(
        raw.file,
        ['rules', 'topicTable'],
        named,
        dates,
        'key date',
        'keyDates of session.yaml',
      );
    const session = ctx.one('session')?.data;
    if (!session) return;
    const id = session.rules.topicTable ?? 'tableau-sujets';
    const date = session.keyDates.find((k) => k.id === id);
    if (!date) return; // a rules.topicTable naming no key date is reported with the other references
    const at = 'at' in date ? date.at : date.to;
    const endsAt =
      at.length === 10
        ? toInstant(`${at}T23:59:59`, session.timezone)
        : toInstant(at, session.timezone);
    if (now.getTime() <= endsAt.getTime()) return;
    for (const { index, fields } of candidates.items) {
      const missing = [
        typeof fields['topic'] === 'string' ? undefined : 'dossier topic',
        typeof fields['tutor'] === 'string' ? undefined : 'tutor',
      ].filter((m): m is string => m !== undefined);
      if (missing.length === 0 || typeof fields['code'] !== 'string') continue;
      const args: [string, string, string, string] = [
        fields['code'],
        missing.join(' and '),
        id,
        at,
      ];
      ctx.report(candidates.file, ['candidates', index], Errors.SessionTopicMissing, args, {
        level: 'warning',
      });
    }
  };
}
