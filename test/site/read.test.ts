import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSiteData } from '../../site/data/read.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/site/session-2023');
const made: string[] = [];

/** A copy of the site fixture session, to break one file in. */
async function copy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recevable-site-read-'));
  made.push(dir);
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

/** The error readSiteData throws for the folder. */
async function failure(dir: string): Promise<{ code: string; message: string; hint: string }> {
  try {
    await readSiteData(dir);
  } catch (error) {
    return error as { code: string; message: string; hint: string };
  }
  throw new Error('readSiteData accepted the folder');
}

describe('reading a session for the site', () => {
  it('reads the fixture: candidates, results and schedule', async () => {
    const data = await readSiteData(FIXTURE);
    expect(data.candidates.map((c) => c.code)).toHaveLength(10);
    expect(data.results?.map((r) => r.candidate).sort()).toEqual([
      'C001',
      'C002',
      'C003',
      'C004',
      'C005',
      'C006',
      'C007',
      'C008',
      'C010',
    ]);
    expect(data.schedule?.slots[0]).toMatchObject({
      candidate: 'C001',
      room: 'R101',
      start: '2023-09-20T06:30:00.000Z',
    });
    expect(data.schedule?.unscheduled).toEqual(['C008', 'C010']);
  });

  it('says results and schedule are absent before the checks and the scheduling', async () => {
    const dir = await copy();
    await rm(join(dir, 'results'), { recursive: true });
    await rm(join(dir, 'schedule.yaml'));
    const data = await readSiteData(dir);
    expect(data.results).toBeUndefined();
    expect(data.schedule).toBeUndefined();
  });

  it('keeps no name, e-mail, company, tutor, evidence nor staff detail when names are private', async () => {
    const data = JSON.stringify(await readSiteData(FIXTURE));
    for (const secret of [
      'Fixturelle',
      'example.org',
      'Quetzal',
      'Tutorat',
      'Jurassienne',
      'Pélican',
      'dossier-secret',
      'memoire-anonyme',
      'Received',
      'Héron',
    ])
      expect(data).not.toContain(secret);
  });

  it('keeps the names, and only them, when the session publishes names', async () => {
    const dir = await copy();
    await edit(dir, 'session.yaml', (t) =>
      t.replace('publish: { names: false }', 'publish: { names: true }'),
    );
    const data = await readSiteData(dir);
    expect(data.candidates[0]).toEqual({
      code: 'C001',
      specialisation: 'B4',
      name: 'Aurore Fixturelle',
    });
    expect(data.schedule?.slots[0]?.jurors).toEqual(['Mathilde Jurassienne', 'Nicolas Évaluateux']);
    const text = JSON.stringify(data);
    for (const secret of ['example.org', 'Quetzal', 'Pélican', 'Tutorat'])
      expect(text).not.toContain(secret);
  });
});

describe('bad session data stops the build with the file and the problem', () => {
  it('reports a missing session.yaml', async () => {
    const dir = await copy();
    await rm(join(dir, 'session.yaml'));
    const error = await failure(dir);
    expect(error.code).toBe('SITE_DATA_MISSING');
    expect(error.message).toContain('session.yaml');
  });

  it.each([
    [
      'an empty candidates.yaml',
      'candidates.yaml',
      () => '',
      /candidates\.yaml:1:1: candidates\.yaml is empty, expected a mapping/,
    ],
    [
      'a truncated result',
      'results/C003.yaml',
      (t: string) => t.slice(0, 120),
      /results\/C003\.yaml:\d+:\d+: Invalid YAML/,
    ],
    [
      'a result of the wrong type',
      'results/C003.yaml',
      (t: string) => t.replace('status: admissible', 'status: 42'),
      /C003\.yaml:3:9: Unexpected the number 42, expected one of `admissible`/,
    ],
    [
      'a duplicated key',
      'session.yaml',
      (t: string) => t.replace('timezone: Europe/Paris', 'timezone: Europe/Paris\ntimezone: UTC'),
      /session\.yaml:\d+:1: Duplicate key `timezone`/,
    ],
    [
      'a binary schedule',
      'schedule.yaml',
      () => 'session: \u0000\u0001\u0002',
      /schedule\.yaml:1:1: schedule\.yaml is not a text file/,
    ],
    [
      'an oversized schedule',
      'schedule.yaml',
      (t: string) => t + `# ${'x'.repeat(6 * 1024 * 1024)}\n`,
      /schedule\.yaml:1:1: schedule\.yaml is [\d.]+ MB, over the 5 MB/,
    ],
    [
      'an alias bomb',
      'schedule.yaml',
      () =>
        [
          'a: &a [x, x, x, x, x, x, x, x, x, x]',
          ...Array.from(
            { length: 9 },
            (_, i) =>
              `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
                .fill(`*${String.fromCharCode(97 + i)}`)
                .join(', ')}]`,
          ),
        ].join('\n'),
      /schedule\.yaml:\d+:\d+: Too many YAML aliases/,
    ],
    [
      'a result of an unknown candidate',
      'results/C003.yaml',
      (t: string) => t.replace('candidate: C003', 'candidate: C099'),
      /C003\.yaml:\d+:\d+: Unexpected "C099", expected "C003", the name of the file/,
    ],
    [
      'a slot in an unknown room',
      'schedule.yaml',
      (t: string) => t.replace('room: R102', 'room: R999'),
      /schedule\.yaml:\d+:\d+: Unknown room "R999"/,
    ],
    [
      'a slot of an unknown candidate',
      'schedule.yaml',
      (t: string) => t.replace('candidate: C007', 'candidate: C077'),
      /schedule\.yaml:\d+:\d+: Unknown candidate "C077"/,
    ],
    [
      'a slot with an unknown juror',
      'schedule.yaml',
      (t: string) => t.replace('jury: [J03, J04]', 'jury: [J03, J44]'),
      /schedule\.yaml:\d+:\d+: Unknown jury member "J44"/,
    ],
    [
      'a slot ending before it starts',
      'schedule.yaml',
      (t: string) => t.replace('end: 2023-09-20T09:15:00+02:00', 'end: 2023-09-20T08:15:00+02:00'),
      /schedule\.yaml:\d+:\d+: Unexpected start .* not before end .*, expected start < end/,
    ],
    [
      'two slots for one candidate',
      'schedule.yaml',
      (t: string) => t.replace('candidate: C005', 'candidate: C001'),
      /schedule\.yaml:\d+:\d+: Duplicate defence of candidate "C001"/,
    ],
    [
      'a schedule of another session',
      'schedule.yaml',
      (t: string) => t.replace('session: epsi-2023', 'session: other-2024'),
      /schedule\.yaml:2:10: Unexpected "other-2024", expected "epsi-2023"/,
    ],
  ])('reports %s', async (_name, file, change, expected) => {
    const dir = await copy();
    await edit(dir, file, change);
    const error = await failure(dir);
    expect(error.code).toBe('SITE_DATA_INVALID');
    expect(error.message).toMatch(expected);
    expect(error.hint).toContain(file.split('/').pop());
  });
});
