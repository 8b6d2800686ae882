import { beforeAll, describe, expect, it } from 'vitest';
import { keyDateDay, tutoringCutoffs, tutoringStatuses } from '../../pipeline/outcomes/tutoring.ts';
import { CandidatesFile } from '../../schemas/candidates.ts';
import type { Session } from '../../schemas/session.ts';
import { TutoringFile } from '../../schemas/tutoring.ts';
import { demoSession } from './support.ts';

let session: Session;
beforeAll(async () => {
  session = await demoSession();
});

const candidates = CandidatesFile.parse({
  candidates: [
    { code: 'C002', name: 'B', email: 'b@example.org', specialisation: 'B5', tutor: 'T01' },
    { code: 'C001', name: 'A', email: 'a@example.org', specialisation: 'B4', tutor: 'T01' },
  ],
  tutors: [
    { id: 'T01', name: 'Tutor One', email: 't1@example.org' },
    { id: 'T02', name: 'Tutor Two', email: 't2@example.org' },
  ],
});

const full = [
  { kind: 'individual', on: '2023-03-01' },
  { kind: 'individual', on: '2023-05-01' },
  { kind: 'individual', on: '2023-07-01' },
  { kind: 'preparation', on: '2023-09-12' },
];

function statusOf(meetings: unknown[], code = 'C001') {
  const file = TutoringFile.parse({ tutoring: [{ candidate: code, tutor: 'T01', meetings }] });
  const cutoffs = tutoringCutoffs(session);
  if (!cutoffs) throw new Error('demo session has a deadline');
  return tutoringStatuses(candidates, file, cutoffs).find((s) => s.candidate === code);
}

describe('tutoring cut-offs', () => {
  it('are the day of the dossier deadline and the first defence day', () => {
    expect(tutoringCutoffs(session)).toEqual({
      individualBy: '2023-08-25',
      preparationBefore: '2023-09-20',
    });
  });

  it('are undefined when rules.deadline names no key date', () => {
    expect(
      tutoringCutoffs({ ...session, rules: { ...session.rules, deadline: 'nowhere' } }),
    ).toBeUndefined();
  });

  it('take the last day of a key date written as a span', () => {
    expect(keyDateDay({ id: 'x', from: '2023-08-20', to: '2023-08-25', title: 'x' })).toBe(
      '2023-08-25',
    );
    expect(keyDateDay({ id: 'x', at: '2023-08-25T12:00', title: 'x' })).toBe('2023-08-25');
  });
});

describe('tutoringStatuses', () => {
  it('owes nothing after three individual meetings by the deadline and a preparation', () => {
    expect(statusOf(full)).toEqual({
      candidate: 'C001',
      tutor: 'T01',
      individual: 3,
      lateIndividual: 0,
      preparation: 1,
      lacks: [],
    });
  });

  it('owes one individual meeting after only two', () => {
    expect(statusOf(full.slice(1))?.lacks).toEqual(['1 individual meeting']);
  });

  it('owes the preparation when there is none', () => {
    expect(statusOf(full.slice(0, 3))?.lacks).toEqual(['1 defence preparation']);
  });

  it('counts an individual meeting on the deadline day, not the day after', () => {
    const onDeadline = statusOf([
      ...full.slice(0, 2),
      { kind: 'individual', on: '2023-08-25' },
      full[3],
    ]);
    expect(onDeadline).toMatchObject({ individual: 3, lateIndividual: 0, lacks: [] });
    const late = statusOf([...full.slice(0, 2), { kind: 'individual', on: '2023-08-26' }, full[3]]);
    expect(late).toMatchObject({
      individual: 2,
      lateIndividual: 1,
      lacks: ['1 individual meeting'],
    });
  });

  it('counts a preparation the day before the defences, not on a defence day', () => {
    expect(
      statusOf([...full.slice(0, 3), { kind: 'preparation', on: '2023-09-19' }])?.lacks,
    ).toEqual([]);
    expect(
      statusOf([...full.slice(0, 3), { kind: 'preparation', on: '2023-09-20' }])?.lacks,
    ).toEqual(['1 defence preparation']);
  });

  it('owes everything to a candidate without an entry, with the tutor of candidates.yaml', () => {
    const missing = tutoringStatuses(candidates, TutoringFile.parse({}), {
      individualBy: '2023-08-25',
      preparationBefore: '2023-09-20',
    });
    expect(missing.map((s) => s.candidate)).toEqual(['C001', 'C002']);
    expect(missing[1]).toMatchObject({
      tutor: 'T01',
      lacks: ['3 individual meetings', '1 defence preparation'],
    });
  });

  it('uses the counts owed from tutoring.yaml', () => {
    const file = TutoringFile.parse({
      required: { individual: 1, preparation: 0 },
      tutoring: [
        { candidate: 'C001', tutor: 'T01', meetings: [{ kind: 'individual', on: '2023-03-01' }] },
      ],
    });
    const cutoffs = { individualBy: '2023-08-25', preparationBefore: '2023-09-20' };
    expect(tutoringStatuses(candidates, file, cutoffs)[0]?.lacks).toEqual([]);
  });
});
