import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { Schedule } from '../../schemas/schedule.ts';
import { planSchedule } from '../../pipeline/schedule/plan.ts';
import { editYaml, makeSession } from './session.ts';
import { captureIo } from '../support/io.ts';

const capture = captureIo;

async function schedule(
  dir: string,
  ...flags: string[]
): Promise<{ code: number; io: ReturnType<typeof capture> }> {
  const io = capture();
  const code = await main(['schedule', dir, ...flags], io);
  return { code, io };
}

const written = async (dir: string) =>
  Schedule.parse(parse(await readFile(join(dir, 'schedule.yaml'), 'utf8')));

describe('recevable schedule', () => {
  it('plans the demo session with --all with no violation, deterministically', async () => {
    const demo = await makeSession({
      session: (s) => {
        const defence = s['defence'] as Record<string, unknown>;
        defence['days'] = ['2023-09-20', '2023-09-21', '2023-09-22'];
        defence['rooms'] = [
          { id: 'R101', name: 'Salle 101' },
          { id: 'R102', name: 'Salle 102' },
          { id: 'R103', name: 'Salle 103' },
        ];
      },
      candidates: Array.from({ length: 30 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`),
      members: Array.from({ length: 12 }, (_, i) => `J${String(i + 1).padStart(2, '0')}`),
    });
    const first = await schedule(demo, '--all');
    expect(first.code, first.io.err.join('\n')).toBe(0);
    const plan = await written(demo);
    expect(plan.slots).toHaveLength(30);
    expect(plan.unscheduled).toEqual([]);
    expect(first.io.err.join('\n')).toMatch(/stage 1 \(most scheduled\) optimal/);
    const bytes = await readFile(join(demo, 'schedule.yaml'));
    const mail = await readFile(join(demo, 'convocations', 'C001.eml'));
    const again = await schedule(demo, '--all');
    expect(again.code).toBe(0);
    expect(again.io.err.join('\n')).toMatch(/version 1 \(unchanged\)/);
    expect(await readFile(join(demo, 'schedule.yaml'))).toEqual(bytes);
    expect(await readFile(join(demo, 'convocations', 'C001.eml'))).toEqual(mail);
  }, 240_000);

  it('gives byte-identical files from two independent runs on the same inputs', async () => {
    const [a, b] = [await makeSession(), await makeSession()];
    expect((await schedule(a, '--all')).code).toBe(0);
    expect((await schedule(b, '--all')).code).toBe(0);
    expect(await readFile(join(a, 'schedule.yaml'))).toEqual(
      await readFile(join(b, 'schedule.yaml')),
    );
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(join(a, 'convocations'))).sort();
    expect(files).toEqual((await readdir(join(b, 'convocations'))).sort());
    for (const file of files) {
      expect(await readFile(join(a, 'convocations', file))).toEqual(
        await readFile(join(b, 'convocations', file)),
      );
    }
  });

  it('asks for results or --all when the session has no result', async () => {
    const { code, io } = await schedule(await makeSession());
    expect(code).toBe(2);
    expect(io.err.join('\n')).toMatch(/no admissibility result.*\n.*--all/);
  });

  it('plans only admissible candidates and writes no convocation for the others', async () => {
    const dir = await makeSession();
    const result = (code: string, status: string) =>
      `candidate: ${code}\nstatus: ${status}\nchecks: {}\ntool: { name: recevable, version: 0.1.0 }\n`;
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(dir, 'results'));
    await writeFile(join(dir, 'results', 'C001.yaml'), result('C001', 'admissible'));
    await writeFile(join(dir, 'results', 'C009.yaml'), result('C009', 'admissible'));
    await writeFile(join(dir, 'results', 'C002.yaml'), result('C002', 'not-admissible'));
    const { code } = await schedule(dir);
    expect(code).toBe(0);
    expect((await written(dir)).slots.map((s) => s.candidate).sort()).toEqual(['C001', 'C009']);
    const { readdir } = await import('node:fs/promises');
    const files = await readdir(join(dir, 'convocations'));
    expect(files.filter((f) => /^C\d+\.eml$/.test(f)).sort()).toEqual(['C001.eml', 'C009.eml']);
  });

  it('names every candidate blocked by too few B5 jurors, and why', async () => {
    const dir = await makeSession({
      members: ['J01', 'J02', 'J06', 'J08', 'J11'],
      editMembers: (rows) => {
        rows.find((m) => m['id'] === 'J06')!['available'] = ['2023-09-21'];
      },
      editCandidates: (rows) => {
        rows.find((c) => c['code'] === 'C012')!['unavailable'] = ['2023-09-21'];
      },
      session: (s) => {
        (s['defence'] as Record<string, unknown>)['maxDefencesPerMemberPerDay'] = 2;
      },
    });
    const plan = await planSchedule(dir, { all: true });
    expect(plan.violations).toEqual([]);
    const b5 = ['C009', 'C010', 'C011', 'C012'];
    expect(plan.schedule.slots.filter((s) => b5.includes(s.candidate))).toHaveLength(2);
    const reasons = new Map(plan.schedule.unscheduled.map((u) => [u.candidate, u.reason]));
    expect(reasons.get('C012')).toMatch(
      /^availability: no jury member with B5 expertise is available on their days \(2023-09-20\)/,
    );
    const capacity = plan.schedule.unscheduled.filter((u) => u.reason.startsWith('capacity:'));
    expect(capacity).toHaveLength(1);
    expect(capacity[0]!.reason).toMatch(/B5.*maxDefencesPerMemberPerDay \(2\)/);
  });

  it('never seats a tutor on their candidate’s jury, matching the tutor by name', async () => {
    const dir = await makeSession({
      candidates: ['C002', 'C009'],
      members: ['J06', 'J09', 'J12'],
      editCandidates: (rows) => {
        for (const c of rows) c['tutor'] = 'T09';
      },
    });
    await editYaml(dir, 'candidates.yaml', (d) => {
      (d['tutors'] as unknown[]).push({
        id: 'T09',
        name: 'sylvie  GRILLEAU',
        email: 'sylvie@tutorat.example.org',
      });
    });
    const plan = await planSchedule(dir, { all: true });
    expect(plan.violations).toEqual([]);
    expect(plan.schedule.slots.map((s) => [s.candidate, s.jury])).toEqual([
      ['C009', ['J06', 'J09']],
    ]);
    expect(plan.schedule.unscheduled).toEqual([
      {
        candidate: 'C002',
        reason:
          'conflict: every jury member with B4 expertise available on their days is excluded: J12 (tutor)',
      },
    ]);
  });

  it('tries every pairing when restricting juries to a few partners leaves someone without one', async () => {
    const dir = await makeSession({
      candidates: ['C009'],
      members: ['J01', 'J02', 'J06', 'J09'],
      editCandidates: (rows) => {
        rows[0]!['company'] = 'Initech France';
        rows[0]!['tutor'] = 'T09';
      },
    });
    await editYaml(dir, 'candidates.yaml', (d) => {
      (d['tutors'] as unknown[]).push({
        id: 'T09',
        name: 'Bruno Jurelet',
        email: 'bruno@tutorat.example.org',
      });
    });
    const plan = await planSchedule(dir, { all: true, maxJuries: 1, partners: 1 });
    expect(plan.schedule.slots.map((s) => s.jury)).toEqual([['J02', 'J09']]);
    expect(plan.solver.juries).toBe(5);
  });

  it('moves only the withdrawn juror’s defences, with a new version and changelog', async () => {
    const dir = await makeSession();
    expect((await schedule(dir, '--all')).code).toBe(0);
    const before = await written(dir);
    const juror = before.slots[0]!.jury[0]!;
    await editYaml(dir, 'juries.yaml', (d) => {
      for (const m of d['members'] as Record<string, unknown>[])
        if (m['id'] === juror) m['withdrawn'] = true;
    });
    const { code, io } = await schedule(dir, '--all');
    expect(code, io.err.join('\n')).toBe(0);
    const after = await written(dir);
    expect(after.version).toBe(2);
    const old = new Map(before.slots.map((s) => [s.candidate, s]));
    const moved = after.slots.filter(
      (s) =>
        JSON.stringify({ ...s, juryLabel: '' }) !==
        JSON.stringify({ ...old.get(s.candidate), juryLabel: '' }),
    );
    const affected = before.slots
      .filter((s) => s.jury.includes(juror))
      .map((s) => s.candidate)
      .sort();
    expect(moved.map((s) => s.candidate).sort()).toEqual(affected);
    expect(after.slots.every((s) => !s.jury.includes(juror))).toBe(true);
    expect(after.changelog.at(-1)!.changes.map((c) => [c.candidate, c.kind, c.reason])).toEqual(
      affected.map((c) => [c, 'moved', `jury member ${juror} withdrew`]),
    );
  });

  it('gives a justified absentee a make-up slot and removes an unjustified one', async () => {
    const dir = await makeSession({
      editMembers: (rows) => {
        for (const m of rows) m['available'] = ['2023-09-20', '2023-09-21', '2023-09-29'];
      },
    });
    expect((await schedule(dir, '--all')).code).toBe(0);
    await editYaml(dir, 'candidates.yaml', (d) => {
      const rows = d['candidates'] as Record<string, unknown>[];
      rows.find((c) => c['code'] === 'C002')!['absent'] = 'justified';
      rows.find((c) => c['code'] === 'C003')!['absent'] = 'unjustified';
    });
    expect((await schedule(dir, '--all')).code).toBe(0);
    const after = await written(dir);
    const makeup = after.slots.find((s) => s.candidate === 'C002')!;
    expect(makeup.kind).toBe('makeup');
    expect(makeup.start.slice(0, 10)).toBe('2023-09-29');
    expect(after.unscheduled).toEqual([
      { candidate: 'C003', reason: 'unjustified absence: removed from the order of passage' },
    ]);
    expect(after.changelog.at(-1)!.changes.map((c) => c.kind)).toEqual(['moved', 'removed']);
  });

  it('keeps every other defence when a candidate becomes unavailable on their day', async () => {
    const dir = await makeSession();
    expect((await schedule(dir, '--all')).code).toBe(0);
    const before = await written(dir);
    const slot = before.slots.find((s) => s.candidate === 'C002')!;
    const day = slot.start.slice(0, 10);
    await editYaml(dir, 'candidates.yaml', (d) => {
      (d['candidates'] as Record<string, unknown>[]).find((c) => c['code'] === 'C002')![
        'unavailable'
      ] = [day];
    });
    expect((await schedule(dir, '--all')).code).toBe(0);
    const after = await written(dir);
    expect(after.slots.find((s) => s.candidate === 'C002')!.start.slice(0, 10)).not.toBe(day);
    expect(after.changelog.at(-1)!.changes).toEqual([
      expect.objectContaining({
        candidate: 'C002',
        kind: 'moved',
        reason: `the candidate is now unavailable on ${day}`,
      }),
    ]);
  });

  it('says so when a justified absentee has no make-up day', async () => {
    const dir = await makeSession({
      session: (s) => {
        (s['defence'] as Record<string, unknown>)['makeUpDays'] = [];
      },
      editCandidates: (rows) => {
        rows.find((c) => c['code'] === 'C002')!['absent'] = 'justified';
      },
    });
    const plan = await planSchedule(dir, { all: true });
    expect(plan.schedule.unscheduled).toEqual([
      {
        candidate: 'C002',
        reason: 'unscheduled: justified absence, no make-up day in the session',
      },
    ]);
  });

  it('refuses a hand-broken schedule.yaml with the file and the fix', async () => {
    const dir = await makeSession();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'schedule.yaml'), 'session: epsi-2023\nversion: zero\n');
    const { code, io } = await schedule(dir, '--all');
    expect(code).toBe(1);
    expect(io.err.join('\n')).toMatch(
      /schedule\.yaml is not a valid schedule: version.*\n.*delete it/,
    );
  });

  it('writes nothing with --dry-run and prints one JSON document with --json', async () => {
    const dir = await makeSession();
    const { code, io } = await schedule(dir, '--all', '--dry-run', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(io.stdout) as { ok: boolean; schedule: Schedule };
    expect(doc.ok).toBe(true);
    expect(doc.schedule.slots).toHaveLength(8);
    await expect(readFile(join(dir, 'schedule.yaml'))).rejects.toThrow();
  });
});
