import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSession } from '../../pipeline/session/validate.ts';
import { OutcomesFile } from '../../schemas/outcomes.ts';
import { TutoringFile } from '../../schemas/tutoring.ts';
import { demoCopy } from './support.ts';

const VALID = {
  resultsSentOn: '2023-10-03',
  outcomes: [
    {
      candidate: 'C001',
      blocks: { B1: 'validated', B2: 'failed', B3: 'absent', B4: 'validated' },
      finalExam: { dossier: 'validated', oral: 'validated' },
    },
  ],
};

const messages = (value: unknown) => {
  const result = OutcomesFile.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('OutcomesFile schema', () => {
  it('accepts results, with two weeks of appeal by default and no entry required', () => {
    expect(OutcomesFile.parse(VALID).appealDays).toBe(14);
    expect(OutcomesFile.parse({}).outcomes).toEqual([]);
    expect(OutcomesFile.parse({ outcomes: [{ candidate: 'C001' }] }).outcomes[0]?.blocks).toEqual(
      {},
    );
  });

  it('rejects a result other than validated, failed or absent', () => {
    const wrong = structuredClone(VALID);
    (wrong.outcomes[0]!.blocks as Record<string, string>)['B2'] = 'passed';
    expect(messages(wrong)).toEqual([
      expect.stringMatching(/^outcomes\.0\.blocks\.B2: .*"validated"/),
    ]);
  });

  it('rejects unknown keys at every level', () => {
    expect(messages({ ...VALID, sentOn: '2023-10-03' })).toEqual([expect.stringMatching(/sentOn/)]);
    expect(messages({ outcomes: [{ candidate: 'C001', grade: 12 }] })).toEqual([
      expect.stringMatching(/grade/),
    ]);
    expect(
      messages({ outcomes: [{ candidate: 'C001', finalExam: { written: 'validated' } }] }),
    ).toEqual([expect.stringMatching(/written/)]);
  });

  it('rejects wrong types', () => {
    expect(messages({ resultsSentOn: 20231003 })).toHaveLength(1);
    expect(messages({ outcomes: 'C001' })).toHaveLength(1);
    expect(messages({ outcomes: [{ candidate: 'C001', blocks: ['B1'] }] })).toHaveLength(1);
    expect(messages({ outcomes: [{ candidate: 1 }] })).toHaveLength(1);
    expect(messages({ appealDays: '14' })).toHaveLength(1);
    expect(messages(null)).toHaveLength(1);
  });

  it('rejects impossible days and appeal windows', () => {
    expect(messages({ resultsSentOn: '2023-02-30' })).toEqual([
      expect.stringMatching(/does not exist/),
    ]);
    expect(messages({ appealDays: 0 })).toHaveLength(1);
    expect(messages({ appealDays: 1.5 })).toHaveLength(1);
  });

  it('rejects a candidate listed twice, at the second entry', () => {
    expect(messages({ outcomes: [{ candidate: 'C001' }, { candidate: 'C001' }] })).toEqual([
      'outcomes.1.candidate: candidate C001 appears twice; merge the two entries',
    ]);
  });
});

describe('TutoringFile schema', () => {
  it('accepts meetings, owing three individual meetings and one preparation by default', () => {
    const file = TutoringFile.parse({
      tutoring: [
        { candidate: 'C001', tutor: 'T01', meetings: [{ kind: 'individual', on: '2023-03-01' }] },
      ],
    });
    expect(file.required).toEqual({ individual: 3, preparation: 1 });
  });

  it('rejects an unknown meeting kind, a meeting without a day, a missing tutor and duplicates', () => {
    const parses = (value: unknown) => TutoringFile.safeParse(value).success;
    expect(
      parses({
        tutoring: [
          { candidate: 'C001', tutor: 'T01', meetings: [{ kind: 'coffee', on: '2023-03-01' }] },
        ],
      }),
    ).toBe(false);
    expect(
      parses({
        tutoring: [{ candidate: 'C001', tutor: 'T01', meetings: [{ kind: 'individual' }] }],
      }),
    ).toBe(false);
    expect(parses({ tutoring: [{ candidate: 'C001' }] })).toBe(false);
    expect(
      parses({
        tutoring: [
          { candidate: 'C001', tutor: 'T01' },
          { candidate: 'C001', tutor: 'T01' },
        ],
      }),
    ).toBe(false);
    expect(parses({ required: { individual: -1 } })).toBe(false);
  });
});

describe('recevable validate on hostile outcomes.yaml', () => {
  async function problemsFor(text: string | Buffer, file = 'outcomes.yaml') {
    const dir = await demoCopy();
    await writeFile(join(dir, file), text);
    const { problems } = await validateSession(dir, { roles: ['input'] });
    return problems.filter((p) => p.file === file);
  }

  it('passes the demo files', async () => {
    const dir = await demoCopy();
    const { problems } = await validateSession(dir, { roles: ['input'] });
    expect(
      problems.filter((p) => p.file === 'outcomes.yaml' || p.file === 'tutoring.yaml'),
    ).toEqual([]);
  });

  it('reports an empty file', async () => {
    expect((await problemsFor(''))[0]).toMatchObject({ code: 'SESSION_FILE_EMPTY', line: 1 });
  });

  it('reports a truncated file with the place of the syntax error', async () => {
    const [problem] = await problemsFor(
      'outcomes:\n  - candidate: C001\n    blocks: { B1: validated,\n',
    );
    expect(problem?.code).toBe('SESSION_YAML_SYNTAX');
    expect(problem?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a wrong result with its line and column', async () => {
    const problems = await problemsFor(
      'outcomes:\n  - candidate: C001\n    blocks: { B1: passed }\n',
    );
    expect(problems).toEqual([expect.objectContaining({ line: 3, column: 19 })]);
    expect(problems[0]?.message).toContain('"passed"');
  });

  it('reports an unknown key with the place of the key', async () => {
    const problems = await problemsFor(
      'outcomes:\n  - candidate: C001\n    finalexam: { oral: validated }\n',
    );
    expect(problems[0]).toMatchObject({ code: 'SESSION_UNKNOWN_KEY', line: 3, column: 5 });
    expect(problems[0]?.message).toContain('finalExam');
  });

  it('reports wrong types: a list of results instead of a mapping', async () => {
    const problems = await problemsFor('outcomes:\n  - candidate: C001\n    blocks: [B1, B2]\n');
    expect(problems[0]).toMatchObject({ code: 'SESSION_WRONG_TYPE', line: 3 });
  });

  it('refuses an oversized file and binary data without parsing them', async () => {
    const huge = await problemsFor(Buffer.alloc(6 * 1024 * 1024, 0x20));
    expect(huge[0]?.code).toBe('SESSION_FILE_TOO_LARGE');
    const binary = await problemsFor(Buffer.from([0x00, 0xff, 0x10, 0x3a, 0x00, 0x7b]));
    expect(binary[0]?.code).toBe('SESSION_FILE_BINARY');
  });

  it('reports a hostile tutoring.yaml too', async () => {
    const problems = await problemsFor(
      'tutoring:\n  - { candidate: C001, tutor: T01, meetings: [{ kind: coffee, on: 2023-03-01 }] }\n',
      'tutoring.yaml',
    );
    expect(problems[0]?.message).toContain('coffee');
  });
});
