import { describe, expect, it } from 'vitest';
import { checkOutcomes, checkTutoring } from '../../pipeline/outcomes/crosscheck.ts';
import { outcomeRules } from '../../pipeline/outcomes/rules.ts';
import { parseYaml } from '../../pipeline/session/read.ts';
import { RuleContext, type ValidFile } from '../../pipeline/session/rules/context.ts';
import { CandidatesFile } from '../../schemas/candidates.ts';
import { OutcomesFile } from '../../schemas/outcomes.ts';
import { Session } from '../../schemas/session.ts';
import { TutoringFile } from '../../schemas/tutoring.ts';
import { demoSession } from './support.ts';

const candidates = CandidatesFile.parse({
  candidates: [
    { code: 'C001', name: 'A', email: 'a@example.org', specialisation: 'B4', tutor: 'T01' },
  ],
  tutors: [
    { id: 'T01', name: 'Tutor One', email: 't1@example.org' },
    { id: 'T02', name: 'Tutor Two', email: 't2@example.org' },
  ],
});

const outcomesOf = (entries: unknown[]) => OutcomesFile.parse({ outcomes: entries });
const tutoringOf = (entries: unknown[]) => TutoringFile.parse({ tutoring: entries });

describe('checkOutcomes', () => {
  it('accepts results of known candidates for known blocks', async () => {
    const file = outcomesOf([{ candidate: 'C001', blocks: { B1: 'validated', B5: 'failed' } }]);
    expect(checkOutcomes(file, candidates, await demoSession())).toEqual([]);
  });

  it('reports an unknown candidate code at its path, as an error', async () => {
    const file = outcomesOf([{ candidate: 'C001' }, { candidate: 'C0O2' }]);
    expect(checkOutcomes(file, candidates, await demoSession())).toEqual([
      expect.objectContaining({
        file: 'outcomes.yaml',
        path: ['outcomes', 1, 'candidate'],
        level: 'error',
        code: 'OUTCOMES_UNKNOWN_CANDIDATE',
        message: 'outcomes.yaml has an entry for C0O2, who is not in candidates.yaml.',
      }),
    ]);
  });

  it('reports a block session.yaml does not define, pointing at its key', async () => {
    const file = outcomesOf([{ candidate: 'C001', blocks: { B1: 'validated', B6: 'validated' } }]);
    const [found] = checkOutcomes(file, candidates, await demoSession());
    expect(found).toMatchObject({
      code: 'OUTCOMES_UNKNOWN_BLOCK',
      target: 'key',
      path: ['outcomes', 0, 'blocks', 'B6'],
    });
    expect(found?.message).toContain('expected one of B1, B2, B3, B4, B5');
  });
});

describe('checkTutoring', () => {
  it('accepts entries whose candidate and tutor match candidates.yaml', () => {
    expect(checkTutoring(tutoringOf([{ candidate: 'C001', tutor: 'T01' }]), candidates)).toEqual(
      [],
    );
  });

  it('reports an unknown candidate as an error', () => {
    const [found] = checkTutoring(tutoringOf([{ candidate: 'C099', tutor: 'T01' }]), candidates);
    expect(found).toMatchObject({
      code: 'OUTCOMES_UNKNOWN_CANDIDATE',
      level: 'error',
      file: 'tutoring.yaml',
    });
  });

  it('reports an unknown tutor as an error', () => {
    const [found] = checkTutoring(tutoringOf([{ candidate: 'C001', tutor: 'T09' }]), candidates);
    expect(found).toMatchObject({
      code: 'OUTCOMES_UNKNOWN_TUTOR',
      level: 'error',
      path: ['tutoring', 0, 'tutor'],
    });
    expect(found?.fix).toContain('T09');
  });

  it('warns, without an error, when the tutor differs from candidates.yaml', () => {
    const [found] = checkTutoring(tutoringOf([{ candidate: 'C001', tutor: 'T02' }]), candidates);
    expect(found).toMatchObject({ code: 'OUTCOMES_TUTOR_MISMATCH', level: 'warning' });
    expect(found?.message).toBe('tutoring.yaml gives C001 the tutor T02, candidates.yaml T01.');
  });
});

describe('outcomeRules (for recevable validate)', () => {
  async function context(outcomesYaml: string, tutoringYaml: string): Promise<RuleContext> {
    const valid = (file: string, key: string, text: string, data: unknown): ValidFile => {
      const parsed = parseYaml(text, file).parsed;
      if (!parsed) throw new Error(`${file} does not parse`);
      return { file, key, parsed, data };
    };
    const session = await demoSession();
    return new RuleContext([
      valid('session.yaml', 'session', 'id: x\n', Session.parse(session)),
      valid('candidates.yaml', 'candidates', 'candidates: []\n', candidates),
      valid(
        'outcomes.yaml',
        'outcomes',
        outcomesYaml,
        OutcomesFile.parse(parseYaml(outcomesYaml, 'o').parsed?.value),
      ),
      valid(
        'tutoring.yaml',
        'tutoring',
        tutoringYaml,
        TutoringFile.parse(parseYaml(tutoringYaml, 't').parsed?.value),
      ),
    ]);
  }

  it('reports unknown candidates, blocks and tutors at the line and column of each value', async () => {
    const ctx = await context(
      'outcomes:\n  - candidate: C001\n    blocks: { B1: validated, B7: failed }\n  - candidate: C404\n',
      'tutoring:\n  - { candidate: C001, tutor: T77 }\n  - { candidate: C404, tutor: T01 }\n',
    );
    outcomeRules(ctx);
    expect(ctx.problems.map((p) => [p.file, p.line, p.column, p.code])).toEqual([
      ['outcomes.yaml', 3, 30, 'OUTCOMES_UNKNOWN_BLOCK'],
      ['outcomes.yaml', 4, 16, 'OUTCOMES_UNKNOWN_CANDIDATE'],
      ['tutoring.yaml', 2, 31, 'OUTCOMES_UNKNOWN_TUTOR'],
      ['tutoring.yaml', 3, 18, 'OUTCOMES_UNKNOWN_CANDIDATE'],
    ]);
    expect(ctx.problems[0]?.fix).toContain('Correct "B7"');
  });

  it('reports nothing on consistent files, nor for a tutor that differs (a warning only)', async () => {
    const ctx = await context(
      'outcomes:\n  - candidate: C001\n',
      'tutoring:\n  - { candidate: C001, tutor: T02 }\n',
    );
    outcomeRules(ctx);
    expect(ctx.problems).toEqual([]);
  });
});
