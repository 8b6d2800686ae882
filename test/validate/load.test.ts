import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecevableError } from '../../pipeline/errors.ts';
import { loadSession, type LoadOptions } from '../../pipeline/session/load.ts';
import { validateSession } from '../../pipeline/session/validate.ts';
import { demoCopy, locator, removeCopies, replace } from './session-copy.ts';

afterAll(removeCopies);

async function loadError(dir: string, options?: LoadOptions): Promise<RecevableError> {
  try {
    await loadSession(dir, options);
  } catch (error) {
    if (error instanceof RecevableError) return error;
    throw error;
  }
  throw new Error('loadSession accepted invalid data');
}

describe('loadSession', () => {
  it('returns the typed data of every input file, defaults applied', async () => {
    const dir = demoCopy();
    const loaded = await loadSession(dir);
    expect(loaded.dir).toBe(dir);
    expect(loaded.session.timezone).toBe('Europe/Paris');
    expect(loaded.session.rules.plan[0]?.aliases).toEqual(['Table des matières']);
    expect(loaded.candidates.candidates[0]?.unavailable).toEqual([]);
    expect(loaded.juries.members[0]?.withdrawn).toBe(false);
    expect(Array.isArray(loaded.submissions.submissions)).toBe(true);
  });

  it('returns optional input files only when asked for and present', async () => {
    const dir = demoCopy();
    expect((await loadSession(dir, { with: ['tutoring'] })).tutoring).toBeUndefined();
    writeFileSync(join(dir, 'tutoring.yaml'), 'tutoring: []\n');
    expect((await loadSession(dir, { with: ['tutoring'] })).tutoring?.tutoring).toEqual([]);
    expect((await loadSession(dir)).tutoring).toBeUndefined();
  });

  it('does not stop on a broken optional file the command did not ask for', async () => {
    const dir = demoCopy();
    writeFileSync(join(dir, 'tutoring.yaml'), 'tutoring: 3\n');
    expect((await loadSession(dir)).session.id).toBe('epsi-2023');
    expect((await loadError(dir, { with: ['tutoring'] })).code).toBe('SESSION_INVALID');
  });

  it('loads despite a submission from an unknown candidate, which validate still reports', async () => {
    const dir = demoCopy({
      'submissions.yaml':
        'submissions:\n  - { candidate: C999, file: submissions/x.pdf, receivedAt: 2023-08-24T10:00 }\n',
    });
    expect((await loadSession(dir)).submissions.submissions).toHaveLength(1);
    const { problems } = await validateSession(dir);
    expect(problems.map((p) => [p.code, p.blocking])).toEqual([
      ['SESSION_UNKNOWN_REFERENCE', false],
    ]);
  });

  it('throws SESSION_INVALID naming the first problem, its place, the count and validate', async () => {
    const dir = demoCopy({
      'session.yaml': replace('at: 2023-09-04', 'at: 2023-02-30'),
      'submissions.yaml': 'submissions: 3\n',
    });
    const error = await loadError(dir);
    expect(error.code).toBe('SESSION_INVALID');
    expect(error.message).toBe(
      `${locator(dir)('session.yaml', '2023-02-30')}: Unexpected "2023-02-30", expected a day that exists in the calendar. (and 1 more problem)`,
    );
    expect(error.hint).toBe(
      `Run \`recevable validate ${dir}\` to see every problem with its line, column and fix.`,
    );
  });

  it('throws on a missing required file with the same message as validate', async () => {
    const dir = demoCopy();
    rmSync(join(dir, 'juries.yaml'));
    expect((await loadError(dir)).message).toBe(
      'juries.yaml:1:1: juries.yaml is missing from the session folder.',
    );
  });

  it('ignores broken pipeline outputs, which the next run rewrites', async () => {
    const dir = demoCopy();
    mkdirSync(join(dir, 'results'));
    writeFileSync(join(dir, 'results', 'C001.yaml'), 'status: [broken\n');
    writeFileSync(join(dir, 'schedule.yaml'), '\u0000\u0001');
    await expect(loadSession(dir)).resolves.toMatchObject({ dir });
  });

  it('throws a usage error for a folder without session.yaml', async () => {
    const dir = demoCopy();
    rmSync(join(dir, 'session.yaml'));
    expect((await loadError(dir)).code).toBe('USAGE_NOT_A_SESSION');
  });
});
