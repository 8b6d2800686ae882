import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../schemas/candidates.ts';
import { addMonths, calendarLength, eligibility } from '../../pipeline/checks/eligibility.ts';
import { session } from './support.ts';

const candidate = (pathway?: Candidate['pathway']): Candidate => ({
  code: 'C001',
  name: 'Camille Exemplet',
  email: 'camille@example.org',
  specialisation: 'B4',
  unavailable: [],
  ...(pathway ? { pathway } : {}),
});
const stage = (from?: string, to?: string) => ({
  kind: 'stage' as const,
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
});

describe('eligibility', () => {
  it('passes an alternance whatever its dates', () => {
    const found = eligibility(candidate({ kind: 'alternance' }), session);
    expect(found?.status).toBe('pass');
    expect(found?.message).toBe(
      'Votre dossier s’appuie sur une alternance\u00a0: le référentiel l’accepte.',
    );
  });

  it('passes an internship of exactly 6 calendar months, dates inclusive', () => {
    const found = eligibility(candidate(stage('2023-01-02', '2023-07-01')), session);
    expect(found?.status).toBe('pass');
    expect(found?.evidence).toMatchObject({ months: 6, days: 0, internshipMinMonths: 6 });
    expect(found?.message).toBe(
      'Votre stage du 02/01/2023 au 01/07/2023 dure 6 mois\u00a0: le référentiel demande une alternance ou un stage d’au moins 6\u00a0mois, c’est respecté.',
    );
  });

  it('reports an internship one day short of 6 months as not eligible, with its length', () => {
    const found = eligibility(candidate(stage('2023-01-02', '2023-06-30')), session);
    expect(found?.status).toBe('fail');
    expect(found?.evidence).toMatchObject({ months: 5, days: 29 });
    expect(found?.message).toContain('dure 5 mois et 29 jours');
    expect(found?.detail).toBe(
      'Internship from 2023-01-02 to 2023-06-30 (inclusive): 5 months 29 days, shorter than 6 months.',
    );
  });

  it('asks for a review when the internship has no end date, or no pathway is given', () => {
    const open = eligibility(candidate(stage('2023-02-06')), session);
    expect(open?.status).toBe('review');
    expect(open?.detail).toContain('without its end (`to`) date');
    const none = eligibility(candidate(), session);
    expect(none?.status).toBe('review');
    expect(none?.message).toContain('n’est pas encore renseigné');
  });

  it('is not checked when the session sets no eligibility rule', () => {
    const without = { ...session, rules: { ...session.rules, eligibility: undefined } };
    expect(eligibility(candidate({ kind: 'alternance' }), without)).toBeUndefined();
  });

  it('follows the threshold of the session', () => {
    const strict = {
      ...session,
      rules: { ...session.rules, eligibility: { internshipMinMonths: 7 } },
    };
    expect(eligibility(candidate(stage('2023-01-02', '2023-07-01')), strict)?.status).toBe('fail');
  });

  it('counts calendar months, the 31st landing on the last day of shorter months', () => {
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
    expect(calendarLength('2023-08-31', '2024-02-28')).toEqual({ months: 6, days: 0 });
    expect(calendarLength('2023-03-01', '2023-08-25')).toEqual({ months: 5, days: 25 });
    expect(calendarLength('2023-05-10', '2023-05-10')).toEqual({ months: 0, days: 1 });
  });
});
