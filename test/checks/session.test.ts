import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSession, type SessionCheck } from '../../pipeline/checks/index.ts';
import { Result } from '../../schemas/result.ts';
import { makePdf } from '../fixtures/dossier/generate.ts';
import { miniSession, planSections } from './mini-session.ts';

// Small dossiers: this session asks for 3 to 8 pages.
const spec = (seed: number, pages = 6) => ({ pages, seed, sections: planSections });

describe('checkSession on a generated session', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await miniSession(
      ['C001', 'C002', 'C003', 'C004', 'C005', 'C006', 'C007', 'C008'],
      [
        { candidate: 'C001', file: 'submissions/C001.pdf', spec: spec(1) },
        { candidate: 'C002', file: 'submissions/C002.pdf', spec: spec(2, 12) },
        { candidate: 'C003', file: 'submissions/C003.pdf' },
        { candidate: 'C004', file: '../../etc/passwd' },
        {
          candidate: 'C005',
          file: 'submissions/C005-old.pdf',
          spec: spec(5, 2),
          receivedAt: '2023-08-20T10:00',
        },
        {
          candidate: 'C005',
          file: 'submissions/C005.pdf',
          spec: spec(5),
          receivedAt: '2023-08-25T11:00',
        },
        {
          candidate: 'C005',
          file: 'submissions/C005-late.pdf',
          spec: spec(55),
          receivedAt: '2023-08-26T09:00',
        },
        { candidate: 'C006', file: 'submissions/C006.pdf' },
        { candidate: 'C007', file: 'submissions/C007.docx', spec: spec(7) },
      ],
      { pages: { min: 3, max: 8 } },
    );
    await symlink('/etc/hostname', join(dir, 'submissions', 'C006.pdf'));
  }, 60_000);

  let report: Awaited<ReturnType<typeof checkSession>>;
  beforeAll(async () => {
    report = await checkSession(dir, { libreoffice: false });
  }, 60_000);

  const result = (code: string) => report.results.find((r) => r.candidate === code)!;

  it('decides a compliant dossier admissible and one of 12 pages not admissible', () => {
    expect(result('C001').status).toBe('admissible');
    expect(result('C002').status).toBe('not-admissible');
    expect(result('C002').checks['pages']?.message).toBe(
      'Votre dossier compte 12 pages ; le référentiel demande de 3 à 8 pages : retirez au moins 4 pages.',
    );
  });

  it('reports a missing file and a path outside the session folder as errors, reading neither', () => {
    expect(result('C003').status).toBe('error');
    expect(result('C003').checks['submission']?.evidence).toEqual({ reason: 'missing' });
    expect(result('C004').status).toBe('error');
    expect(result('C004').checks['submission']?.detail).toContain(
      'points outside the session folder',
    );
  });

  it('records that the latest on-time submission was decided and why the others were not', () => {
    const c005 = result('C005');
    expect(c005.status).toBe('admissible');
    expect(c005.submission?.file).toBe('submissions/C005.pdf');
    expect(c005.submission?.ignored.map((i) => i.file)).toEqual([
      'submissions/C005-late.pdf',
      'submissions/C005-old.pdf',
    ]);
    expect(c005.checks['submission']?.message).toContain('Vous avez envoyé 3 dossiers');
  });

  it('decides a candidate who sent nothing not admissible', () => {
    expect(result('C008').status).toBe('not-admissible');
    expect(result('C008').checks['submission']?.status).toBe('fail');
  });

  it('refuses a symbolic link that leaves the session folder', () => {
    expect(result('C006').checks['submission']?.detail).toContain('link to a file outside');
  });

  it('never fails a DOCX whose page count is only estimated', () => {
    expect(['admissible', 'needs-review']).toContain(result('C007').status);
    expect(result('C007').checks['pages']?.status).not.toBe('fail');
  });

  it('writes results that validate against the result schema and a summary of every candidate', () => {
    for (const r of report.results) expect(Result.safeParse(r).success).toBe(true);
    expect(report.summary.candidates.map((c) => c.candidate)).toEqual([
      'C001',
      'C002',
      'C003',
      'C004',
      'C005',
      'C006',
      'C007',
      'C008',
    ]);
    const { counts } = report.summary;
    expect([
      counts['admissible'] + counts['needs-review'],
      counts['not-admissible'],
      counts.error,
    ]).toEqual([3, 2, 3]);
  });

  it('runs a session-level check on readable dossiers only, and turns its failure into error findings', async () => {
    const seen: string[] = [];
    const similarity: SessionCheck = (entries) => {
      seen.push(...entries.map((e) => e.candidate));
      return Promise.resolve(
        new Map(
          entries
            .filter((e) => e.candidate !== 'C005')
            .map((e) => [
              e.candidate,
              {
                rule: 'similarity',
                status: 'pass' as const,
                message: 'ok',
                detail: 'ok',
                evidence: {},
              },
            ]),
        ),
      );
    };
    const broken: SessionCheck = () => Promise.reject(new Error('index missing'));
    const again = await checkSession(dir, {
      libreoffice: false,
      write: false,
      sessionChecks: { similarity, zz: broken },
    });
    expect(seen).toEqual(['C001', 'C002', 'C005', 'C007']);
    const c005 = again.results.find((r) => r.candidate === 'C005')!;
    expect(c005.checks['similarity']?.status).toBe('error');
    expect(c005.checks['zz']?.detail).toBe('The zz check failed: index missing.');
    expect(again.stats.read).toBe(0);
  });
});

describe('checkSession on damaged dossiers', () => {
  it('decides each damaged file as an error with the reader’s reason, and the good one normally', async () => {
    const good = await makePdf(spec(3));
    const dir = await miniSession(
      ['C001', 'C002', 'C003', 'C004'],
      [
        { candidate: 'C001', file: 'submissions/C001.pdf', bytes: new Uint8Array() },
        {
          candidate: 'C002',
          file: 'submissions/C002.pdf',
          bytes: new TextEncoder().encode('Bonjour, voici mon dossier.'),
        },
        { candidate: 'C003', file: 'submissions/C003.pdf', bytes: good.slice(0, good.length / 3) },
        { candidate: 'C004', file: 'submissions/C004.pdf', bytes: good },
      ],
      { pages: { min: 3, max: 8 } },
    );
    const { results } = await checkSession(dir, { libreoffice: false });
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'admissible']);
    for (const r of results.slice(0, 3)) {
      expect(r.checks['format']?.evidence['code']).toMatch(/^READ_/);
      expect(r.checks['format']?.detail).toContain(r.submission?.file);
      expect(r.checks['deadline']?.status).toBe('pass');
    }
  }, 60_000);

  it('stops with a clear error when the results folder cannot be written', async () => {
    const dir = await miniSession(['C001'], []);
    await writeFile(join(dir, 'results'), 'not a folder');
    await expect(checkSession(dir)).rejects.toMatchObject({ code: 'CHECK_RESULTS_NOT_WRITABLE' });
  });
});
