/**
 * The `eligibility` rule: the dossier professionnel is written from missions done in an
 * alternance, or in an internship (`stage`) of at least `rules.eligibility.internshipMinMonths`
 * calendar months. It reads the candidate's `pathway` in candidates.yaml, not the dossier.
 *
 * Months are calendar months over inclusive dates: an internship from 2023-01-02 to 2023-07-01
 * lasts 6 months (the day after its last day is 2023-07-02, six months after its first). Adding
 * a month to the 31st lands on the last day of a shorter month (2023-08-31 + 6 months is
 * 2024-02-29), as in `date-fns`' addMonths.
 */
import type { Candidate } from '../../schemas/candidates.ts';
import type { Finding } from '../../schemas/result.ts';
import type { Session } from '../../schemas/session.ts';
import { addDays } from '../time.ts';
import { finding } from './types.ts';

const RULE = 'eligibility';

/** `YYYY-MM-DD` plus whole calendar months, clamped to the last day of the month reached. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Whole calendar months and remaining days from `from` to `to`, both inclusive. */
export function calendarLength(from: string, to: string): { months: number; days: number } {
  const end = addDays(to, 1);
  let months = 0;
  while (addMonths(from, months + 1) <= end) months += 1;
  const start = addMonths(from, months);
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  return { months, days };
}

const french = (day: string) => day.split('-').reverse().join('/');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** « 5 mois et 29 jours », « 6 mois ». */
function frenchLength({ months, days }: { months: number; days: number }): string {
  const parts = [`${months} mois`];
  if (days > 0) parts.push(plural(days, 'jour', 'jours'));
  return parts.join(' et ');
}

/** The eligibility finding of one candidate; undefined when the session does not set the rule. */
export function eligibility(
  candidate: Candidate | undefined,
  session: Session,
): Finding | undefined {
  const rule = session.rules.eligibility;
  if (!rule || !candidate) return undefined;
  const min = rule.internshipMinMonths;
  const requirement = `le référentiel demande une alternance ou un stage d’au moins ${min}\u00a0mois`;
  const evidence = { internshipMinMonths: min };
  const place = { file: 'candidates.yaml' };
  const { pathway } = candidate;
  if (!pathway) {
    return finding(
      RULE,
      'review',
      `Votre parcours (alternance ou stage) n’est pas encore renseigné\u00a0; ${requirement}. La scolarité le vérifie avec vous.`,
      `No pathway in candidates.yaml for ${candidate.code}: alternance, or an internship of at least ${min} months, cannot be checked.`,
      { ...evidence, kind: null },
      place,
    );
  }
  if (pathway.kind === 'alternance') {
    const dates = pathway.from && pathway.to ? { from: pathway.from, to: pathway.to } : {};
    return finding(
      RULE,
      'pass',
      `Votre dossier s’appuie sur une alternance\u00a0: le référentiel l’accepte.`,
      `Alternance${pathway.from && pathway.to ? ` from ${pathway.from} to ${pathway.to}` : ''}: eligible whatever its length.`,
      { ...evidence, kind: 'alternance', ...dates },
      place,
    );
  }
  const { from, to } = pathway;
  if (!from || !to) {
    const missing = [from ? undefined : 'start (`from`)', to ? undefined : 'end (`to`)']
      .filter(Boolean)
      .join(' and ');
    return finding(
      RULE,
      'review',
      `Les dates de votre stage ne sont pas toutes connues\u00a0; ${requirement}. La scolarité les vérifie avec vous.`,
      `Internship without its ${missing} date in candidates.yaml: its length (at least ${min} months) cannot be checked.`,
      { ...evidence, kind: 'stage', from: from ?? null, to: to ?? null },
      place,
    );
  }
  if (to < from) {
    return finding(
      RULE,
      'review',
      `Les dates de votre stage sont incohérentes (fin avant le début)\u00a0; la scolarité les vérifie avec vous.`,
      `Internship ends (${to}) before it starts (${from}) in candidates.yaml.`,
      { ...evidence, kind: 'stage', from, to },
      place,
    );
  }
  const length = calendarLength(from, to);
  const ok = length.months >= min;
  const span = `du ${french(from)} au ${french(to)}`;
  const measured = `${length.months} months${length.days > 0 ? ` ${length.days} days` : ''}`;
  return finding(
    RULE,
    ok ? 'pass' : 'fail',
    ok
      ? `Votre stage ${span} dure ${frenchLength(length)}\u00a0: ${requirement}, c’est respecté.`
      : `Votre stage ${span} dure ${frenchLength(length)}\u00a0: ${requirement}. Votre dossier ne peut pas être présenté sur ce stage.`,
    ok
      ? `Internship from ${from} to ${to} (inclusive): ${measured}, at least ${min} months.`
      : `Internship from ${from} to ${to} (inclusive): ${measured}, shorter than ${min} months.`,
    { ...evidence, kind: 'stage', from, to, months: length.months, days: length.days },
    place,
  );
}
