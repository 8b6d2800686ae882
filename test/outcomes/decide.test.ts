import { beforeAll, describe, expect, it } from 'vitest';
import { decideOutcome, requiredBlocks } from '../../pipeline/outcomes/decide.ts';
import type { Session } from '../../schemas/session.ts';
import { candidate, demoSession, outcome } from './support.ts';

let session: Session;
beforeAll(async () => {
  session = await demoSession();
});

const settings = { resultsSentOn: '2023-10-03', appealDays: 14 };
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('required blocks', () => {
  it('are the socle blocks and the candidate’s specialisation, in session order', () => {
    expect(requiredBlocks(candidate(), session)?.map((b) => b.id)).toEqual([
      'B1',
      'B2',
      'B3',
      'B4',
    ]);
    expect(requiredBlocks(candidate({ specialisation: 'B5' }), session)?.map((b) => b.id)).toEqual([
      'B1',
      'B2',
      'B3',
      'B5',
    ]);
  });

  it('are unknown when the specialisation is not a specialisation block', () => {
    expect(requiredBlocks(candidate({ specialisation: 'B9' }), session)).toBeUndefined();
    expect(requiredBlocks(candidate({ specialisation: 'B1' }), session)).toBeUndefined();
  });
});

describe('decideOutcome', () => {
  it('gives total when every required block and both parts of the final exam are validated', () => {
    const result = decideOutcome(candidate(), outcome(), session, settings);
    expect(result).toMatchObject({
      decision: 'total',
      validatedBlocks: ['B1', 'B2', 'B3', 'B4'],
      finalExam: 'validated',
      appealUntil: '2023-10-17',
    });
    expect(result.missing).toBeUndefined();
    expect(codes(result.reasons)).toEqual(['all-validated']);
  });

  it('gives partial when one block failed, naming the validated blocks', () => {
    const result = decideOutcome(
      candidate(),
      outcome({ blocks: { B1: 'validated', B2: 'validated', B3: 'failed', B4: 'validated' } }),
      session,
      settings,
    );
    expect(result).toMatchObject({
      decision: 'partial',
      validatedBlocks: ['B1', 'B2', 'B4'],
      notValidatedBlocks: ['B3'],
    });
    expect(result.reasons[0]?.message).toBe('not validated: B3');
  });

  it('gives partial when every block is validated but the final exam is not', () => {
    const failedOral = decideOutcome(
      candidate(),
      outcome({ finalExam: { dossier: 'validated', oral: 'failed' } }),
      session,
      settings,
    );
    expect(failedOral).toMatchObject({ decision: 'partial', finalExam: 'not-validated' });
    expect(failedOral.validatedBlocks).toEqual(['B1', 'B2', 'B3', 'B4']);
    const failedDossier = decideOutcome(
      candidate(),
      outcome({ finalExam: { dossier: 'failed', oral: 'validated' } }),
      session,
      settings,
    );
    expect(failedDossier.decision).toBe('partial');
  });

  it('counts absent as not validated, for a block and for the oral', () => {
    const absentBlock = decideOutcome(
      candidate(),
      outcome({ blocks: { B1: 'validated', B2: 'validated', B3: 'validated', B4: 'absent' } }),
      session,
      settings,
    );
    expect(absentBlock).toMatchObject({ decision: 'partial', notValidatedBlocks: ['B4'] });
    const absentOral = decideOutcome(
      candidate(),
      outcome({ finalExam: { dossier: 'validated', oral: 'absent' } }),
      session,
      settings,
    );
    expect(absentOral).toMatchObject({ decision: 'partial', finalExam: 'not-validated' });
  });

  it('gives refusal when no block is validated', () => {
    const result = decideOutcome(
      candidate(),
      outcome({
        blocks: { B1: 'failed', B2: 'absent', B3: 'failed', B4: 'failed' },
        finalExam: { dossier: 'failed', oral: 'absent' },
      }),
      session,
      settings,
    );
    expect(result).toMatchObject({
      decision: 'refusal',
      validatedBlocks: [],
      appealUntil: '2023-10-17',
    });
    expect(codes(result.reasons)).toEqual(['no-block-validated']);
  });

  it('gives refusal, not partial, when only the final exam is validated (it is not a block)', () => {
    const result = decideOutcome(
      candidate(),
      outcome({ blocks: { B1: 'failed', B2: 'failed', B3: 'failed', B4: 'failed' } }),
      session,
      settings,
    );
    expect(result).toMatchObject({
      decision: 'refusal',
      validatedBlocks: [],
      finalExam: 'validated',
    });
    expect(codes(result.reasons)).toEqual(['no-block-validated', 'final-exam-without-block']);
  });

  it('gives partial, not refusal, when a single block is validated', () => {
    const result = decideOutcome(
      candidate(),
      outcome({
        blocks: { B1: 'failed', B2: 'failed', B3: 'failed', B4: 'validated' },
        finalExam: { dossier: 'failed', oral: 'failed' },
      }),
      session,
      settings,
    );
    expect(result).toMatchObject({ decision: 'partial', validatedBlocks: ['B4'] });
  });

  it('is incomplete, never a guess, when a block has no result', () => {
    const result = decideOutcome(
      candidate(),
      outcome({ blocks: { B1: 'validated', B2: 'validated', B4: 'validated' } }),
      session,
      settings,
    );
    expect(result).toMatchObject({ decision: 'incomplete', missing: ['B3'] });
    expect(result.appealUntil).toBeUndefined();
    expect(codes(result.reasons)).toEqual(['missing-results']);
  });

  it('is incomplete even when the decision looks forced (a failed block beside missing ones)', () => {
    const result = decideOutcome(
      candidate(),
      outcome({ blocks: { B1: 'validated', B2: 'failed' }, finalExam: undefined }),
      session,
      settings,
    );
    expect(result).toMatchObject({
      decision: 'incomplete',
      missing: ['B3', 'B4', 'finalExam.dossier', 'finalExam.oral'],
      validatedBlocks: ['B1'],
    });
  });

  it('is incomplete when one part of the final exam has no result', () => {
    const result = decideOutcome(
      candidate(),
      outcome({ finalExam: { dossier: 'validated' } }),
      session,
      settings,
    );
    expect(result).toMatchObject({
      decision: 'incomplete',
      missing: ['finalExam.oral'],
      finalExam: 'missing',
    });
  });

  it('is incomplete when outcomes.yaml has no entry for the candidate', () => {
    const result = decideOutcome(candidate({ specialisation: 'B5' }), undefined, session, settings);
    expect(result).toMatchObject({
      decision: 'incomplete',
      validatedBlocks: [],
      missing: ['B1', 'B2', 'B3', 'B5', 'finalExam.dossier', 'finalExam.oral'],
    });
    expect(codes(result.reasons)).toEqual(['no-results']);
  });

  it('ignores, with a warning, a result for the other specialisation when its own is recorded', () => {
    const result = decideOutcome(
      candidate(),
      outcome({
        blocks: {
          B1: 'validated',
          B2: 'validated',
          B3: 'validated',
          B4: 'validated',
          B5: 'failed',
        },
      }),
      session,
      settings,
    );
    expect(result).toMatchObject({ decision: 'total', validatedBlocks: ['B1', 'B2', 'B3', 'B4'] });
    expect(result.reasons[0]).toMatchObject({ code: 'other-specialisation', level: 'warning' });
    expect(result.reasons[0]?.message).toContain('C001 takes the specialisation B4');
  });

  it('never counts a validated result for the other specialisation: incomplete without its own', () => {
    const result = decideOutcome(
      candidate(),
      outcome({ blocks: { B1: 'validated', B2: 'validated', B3: 'validated', B5: 'validated' } }),
      session,
      settings,
    );
    expect(result).toMatchObject({
      decision: 'incomplete',
      missing: ['B4'],
      validatedBlocks: ['B1', 'B2', 'B3'],
    });
    expect(codes(result.reasons)).toEqual(['other-specialisation', 'missing-results']);
  });

  it('ignores, with a warning, a result for a block session.yaml does not define', () => {
    const result = decideOutcome(
      candidate(),
      outcome({
        blocks: {
          B1: 'validated',
          B2: 'validated',
          B3: 'validated',
          B4: 'validated',
          B9: 'failed',
        },
      }),
      session,
      settings,
    );
    expect(result.decision).toBe('total');
    expect(result.reasons[0]).toMatchObject({ code: 'unknown-block', level: 'warning' });
  });

  it('is incomplete when the candidate’s specialisation is not a specialisation block', () => {
    const result = decideOutcome(candidate({ specialisation: 'B7' }), outcome(), session, settings);
    expect(result).toMatchObject({ decision: 'incomplete', missing: ['specialisation'] });
    expect(codes(result.reasons)).toEqual(['unknown-specialisation']);
    const partly = decideOutcome(
      candidate({ specialisation: 'B7' }),
      outcome({ finalExam: undefined }),
      session,
      settings,
    );
    expect(partly.missing).toEqual(['specialisation', 'finalExam.dossier', 'finalExam.oral']);
    expect(partly.reasons[1]?.message).toBe('no result yet for finalExam.dossier, finalExam.oral');
  });

  it('computes the appeal deadline on calendar days, across month and year ends', () => {
    const at = (resultsSentOn: string) =>
      decideOutcome(candidate(), outcome(), session, { resultsSentOn, appealDays: 14 }).appealUntil;
    expect(at('2023-10-03')).toBe('2023-10-17');
    expect(at('2023-10-25')).toBe('2023-11-08');
    expect(at('2023-12-20')).toBe('2024-01-03');
    expect(at('2024-02-20')).toBe('2024-03-05');
  });

  it('uses the candidate’s own resultsSentOn over the file’s, and the file’s appealDays', () => {
    const result = decideOutcome(candidate(), outcome({ resultsSentOn: '2023-10-10' }), session, {
      resultsSentOn: '2023-10-03',
      appealDays: 7,
    });
    expect(result).toMatchObject({ resultsSentOn: '2023-10-10', appealUntil: '2023-10-17' });
  });

  it('gives no appeal deadline while the results are not sent, but still decides', () => {
    const result = decideOutcome(candidate(), outcome(), session, { appealDays: 14 });
    expect(result.decision).toBe('total');
    expect(result.appealUntil).toBeUndefined();
    expect(codes(result.reasons)).toEqual(['all-validated', 'results-not-sent']);
  });

  it('works with any number of socle blocks: every one of them is required', () => {
    const wider: Session = {
      ...session,
      blocks: [...session.blocks, { id: 'B6', kind: 'socle', title: 'Communiquer' }],
    };
    const result = decideOutcome(candidate(), outcome(), wider, settings);
    expect(result).toMatchObject({ decision: 'incomplete', missing: ['B6'] });
  });

  it('is pure: the same inputs give the same decision', () => {
    const input = outcome({
      blocks: { B1: 'validated', B2: 'failed', B3: 'validated', B4: 'validated' },
    });
    expect(decideOutcome(candidate(), input, session, settings)).toEqual(
      decideOutcome(candidate(), input, session, settings),
    );
  });
});
