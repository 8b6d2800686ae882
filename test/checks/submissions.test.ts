import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeFile } from '../../pipeline/checks/place.ts';
import { chooseSubmissions } from '../../pipeline/checks/submissions.ts';
import type { LoadedSession } from '../../pipeline/session/load.ts';
import type { Submission } from '../../schemas/submissions.ts';
import { session } from './support.ts';

const loaded = (submissions: Submission[], codes = ['C001', 'C002']): LoadedSession => ({
  dir: '/nowhere',
  session,
  candidates: {
    candidates: codes.map((code) => ({
      code,
      name: code,
      email: `${code}@example.org`,
      specialisation: 'B4',
      unavailable: [],
    })),
    tutors: [],
  },
  juries: { members: [] },
  submissions: { submissions },
  outcomes: undefined,
  tutoring: undefined,
});
const sent = (candidate: string, file: string, receivedAt: string): Submission => ({
  candidate,
  file,
  receivedAt,
});

describe('choosing the submission of each candidate', () => {
  it('decides the only submission of a candidate', () => {
    const { chosen } = chooseSubmissions(loaded([sent('C001', 'a.pdf', '2023-08-24T10:00')]));
    expect(chosen[0]).toMatchObject({
      candidate: 'C001',
      submission: { file: 'a.pdf' },
      ignored: [],
    });
    expect(chosen[0]?.finding.status).toBe('pass');
  });

  it('decides the latest on-time submission and ignores a later late one, saying why', () => {
    const { chosen } = chooseSubmissions(
      loaded([
        sent('C001', 'v1.pdf', '2023-08-20T10:00'),
        sent('C001', 'v2.pdf', '2023-08-25T11:59'),
        sent('C001', 'v3.pdf', '2023-08-25T12:30'),
      ]),
    );
    expect(chosen[0]?.submission?.file).toBe('v2.pdf');
    expect(chosen[0]?.ignored).toEqual([
      {
        file: 'v3.pdf',
        reason:
          'received 2023-08-25T12:30, after the deadline; the on-time submission v2.pdf is decided',
      },
      {
        file: 'v1.pdf',
        reason: 'received 2023-08-20T10:00, before v2.pdf (2023-08-25T11:59), which replaces it',
      },
    ]);
  });

  it('decides the latest submission when none arrived on time (the deadline check then fails it)', () => {
    const { chosen } = chooseSubmissions(
      loaded([
        sent('C001', 'late1.pdf', '2023-08-26T10:00'),
        sent('C001', 'late2.pdf', '2023-08-27T10:00'),
      ]),
    );
    expect(chosen[0]?.submission?.file).toBe('late2.pdf');
    expect(chosen[0]?.finding.message).toContain("aucun n'est arrivé à temps");
  });

  it('fails a candidate who sent nothing, with a message for the candidate', () => {
    const { chosen } = chooseSubmissions(loaded([sent('C001', 'a.pdf', '2023-08-24T10:00')]));
    expect(chosen[1]?.submission).toBeUndefined();
    expect(chosen[1]?.finding.status).toBe('fail');
    expect(chosen[1]?.finding.message).toMatch(/^Aucun dossier professionnel n'a été reçu/);
  });

  it('turns a submission for an unknown candidate into a finding instead of a result', () => {
    const { chosen, strangers } = chooseSubmissions(
      loaded([sent('C099', 'x.pdf', '2023-08-24T10:00')]),
    );
    expect(chosen).toHaveLength(2);
    expect(strangers).toHaveLength(1);
    expect(strangers[0]).toMatchObject({
      rule: 'submission',
      status: 'error',
      place: { file: 'x.pdf' },
    });
    expect(strangers[0]?.detail).toContain('not in candidates.yaml');
  });
});

describe('placing a submitted file', () => {
  it('accepts a file inside the session folder and refuses paths that leave it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recevable-place-'));
    await mkdir(join(dir, 'submissions'));
    await writeFile(join(dir, 'submissions', 'ok.pdf'), '%PDF-1.7');
    await symlink('/etc/hostname', join(dir, 'submissions', 'link.pdf'));
    expect(await placeFile(dir, 'submissions/ok.pdf')).toEqual({
      path: join(dir, 'submissions', 'ok.pdf'),
    });
    for (const [file, why] of [
      ['../../etc/passwd', 'points outside the session folder'],
      ['/etc/passwd', 'is an absolute path'],
      ['submissions/../../x.pdf', 'points outside the session folder'],
      ['submissions/link.pdf', 'is a link to a file outside the session folder'],
    ]) {
      const placed = await placeFile(dir, file!);
      expect('finding' in placed && placed.finding.detail).toContain(why);
    }
    const missing = await placeFile(dir, 'submissions/none.pdf');
    expect('finding' in missing && missing.finding.evidence).toEqual({ reason: 'missing' });
    const folder = await placeFile(dir, 'submissions');
    expect('finding' in folder && folder.finding.detail).toContain('is not a regular file');
  });
});
