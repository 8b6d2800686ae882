import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureIo as capture } from '../support/io.ts';
import { demoCopy } from './support.ts';

interface JsonRun {
  outcomes: {
    candidate: string;
    decision: string;
    validatedBlocks: string[];
    appealUntil?: string;
    missing?: string[];
  }[];
  problems: {
    code: string;
    level: string;
    file: string;
    line?: number;
    message: string;
    hint: string;
  }[];
}

async function run(dir: string, ...flags: string[]) {
  const io = capture();
  const code = await main(['outcomes', dir, '--json', ...flags], io);
  return { code, io, json: io.out[0] as JsonRun };
}

const REPORTS = join('reports', 'outcomes');

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(join(dir, REPORTS), { recursive: true })) {
    const path = join(dir, REPORTS, entry);
    if ((await stat(path)).isFile()) files[entry] = await readFile(path, 'utf8');
  }
  return files;
}

async function edit(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

describe('recevable outcomes on the demo session', () => {
  it('decides every candidate, sorted by code, covering the four decisions', async () => {
    const dir = await demoCopy();
    const { code, io, json } = await run(dir);
    expect(code).toBe(0);
    expect(io.out).toHaveLength(1);
    expect(json.outcomes.map((o) => o.candidate)).toEqual(
      Array.from({ length: 30 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`),
    );
    const count = (d: string) => json.outcomes.filter((o) => o.decision === d).length;
    expect([count('total'), count('partial'), count('refusal'), count('incomplete')]).toEqual([
      19, 5, 2, 4,
    ]);
    const byCode = Object.fromEntries(json.outcomes.map((o) => [o.candidate, o]));
    expect(byCode['C001']).toEqual({
      candidate: 'C001',
      decision: 'total',
      validatedBlocks: ['B1', 'B2', 'B3', 'B4'],
      appealUntil: '2023-10-17',
    });
    expect(byCode['C013']).toMatchObject({ decision: 'refusal', validatedBlocks: [] });
    expect(byCode['C014']).toMatchObject({
      decision: 'incomplete',
      missing: ['B1', 'B2', 'B3', 'B5', 'finalExam.dossier', 'finalExam.oral'],
    });
    expect(byCode['C019']).toMatchObject({ decision: 'incomplete', missing: ['B4'] });
    expect(byCode['C020']).toMatchObject({ decision: 'total' });
    expect(byCode['C021']).toMatchObject({ appealUntil: '2023-10-24' });
    expect(byCode['C027']).toMatchObject({ decision: 'partial', validatedBlocks: ['B3', 'B5'] });
    expect(json.problems).toEqual([]);
    const text = io.err.join('\n');
    expect(text).toContain('30 candidates: 19 total, 5 partial, 2 refusal, 4 incomplete.');
    expect(text).toContain('warning C019: result for B5 ignored');
  });

  it('writes attestations for total and partial outcomes only, and the staff pages', async () => {
    const dir = await demoCopy();
    const { json } = await run(dir);
    const files = await snapshot(dir);
    const attested = json.outcomes.filter(
      (o) => o.decision === 'total' || o.decision === 'partial',
    );
    expect(Object.keys(files).sort()).toEqual(
      [
        ...attested.map((o) => join('attestations', `${o.candidate}.html`)),
        'index.html',
        'topics.html',
        'tutoring.html',
      ].sort(),
    );
    expect(files[join('attestations', 'C004.html')]).toContain('Attestation de réussite partielle');
    expect(files['index.html']).toContain('<th scope="row">C014</th>');
  });

  it('lists on the staff page exactly the candidates who lack tutor meetings', async () => {
    const dir = await demoCopy();
    await run(dir);
    const page = await readFile(join(dir, REPORTS, 'tutoring.html'), 'utf8');
    const listed = [...page.matchAll(/<th scope="row">(C\d+)<\/th>/g)].map((m) => m[1]);
    expect(listed).toEqual(['C007', 'C013', 'C018', 'C027', 'C029']);
    expect(page).toContain('5 of 30 candidates lack meetings.');
  });

  it('writes byte-identical documents when run twice on the same inputs', async () => {
    const dir = await demoCopy();
    await run(dir);
    const first = await snapshot(dir);
    const second = await run(dir);
    expect(second.code).toBe(0);
    expect(await snapshot(dir)).toEqual(first);
    expect(Object.keys(first).filter((name) => !name.endsWith('.html'))).toEqual([]);
  });

  it('removes the attestation of a candidate whose outcome is no longer total or partial', async () => {
    const dir = await demoCopy();
    await run(dir);
    await edit(dir, 'outcomes.yaml', (t) =>
      t.replace(
        'finalExam: { dossier: validated, oral: validated }',
        'finalExam: { dossier: validated }',
      ),
    );
    const { json } = await run(dir);
    expect(json.outcomes[0]).toMatchObject({ candidate: 'C001', decision: 'incomplete' });
    expect(Object.keys(await snapshot(dir))).not.toContain(join('attestations', 'C001.html'));
  });

  it('keeps the staff pages out of git (reports/ is ignored)', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const check = spawnSync(
      'git',
      ['check-ignore', '-q', 'content/demo-2023/reports/outcomes/index.html'],
      { cwd: root },
    );
    expect(check.status).toBe(0);
  });
});

describe('recevable outcomes on bad data', () => {
  it('stops on an unknown candidate code, naming its line (the validate rule), writing nothing', async () => {
    const dir = await demoCopy();
    await edit(
      dir,
      'outcomes.yaml',
      (t) => `${t}  - candidate: C031\n    blocks: { B1: validated }\n`,
    );
    const { code, io } = await run(dir);
    expect(code).toBe(1);
    expect(io.out).toMatchObject([{ error: { code: 'SESSION_INVALID' } }]);
    const lines = (await readFile(join(dir, 'outcomes.yaml'), 'utf8')).split('\n');
    const line = lines.indexOf('  - candidate: C031') + 1;
    expect(io.err.join('\n')).toContain(
      `outcomes.yaml:${line}:16: outcomes.yaml has an entry for C031, who is not in candidates.yaml.`,
    );
    await expect(stat(join(dir, REPORTS))).rejects.toThrow();
  });

  it('stops on an outcomes.yaml that breaks its schema, naming file:line:column, writing nothing', async () => {
    const dir = await demoCopy();
    await run(dir);
    const before = await snapshot(dir);
    await edit(dir, 'outcomes.yaml', (t) => t.replace('B3: failed', 'B3: passed'));
    const { code, io } = await run(dir);
    expect(code).toBe(1);
    expect(io.out).toMatchObject([{ error: { code: 'SESSION_INVALID' } }]);
    expect(io.err.join('\n')).toMatch(
      /outcomes\.yaml:\d+:\d+: Unexpected "passed"[\s\S]*SESSION_INVALID[\s\S]*recevable validate/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('stops with a clear error on an empty outcomes.yaml', async () => {
    const dir = await demoCopy();
    await writeFile(join(dir, 'outcomes.yaml'), '');
    const { code, io } = await run(dir);
    expect(code).toBe(1);
    expect(io.err.join('\n')).toMatch(/outcomes\.yaml:1:1: outcomes\.yaml is empty/);
  });

  it('fails with OUTCOMES_FILE_MISSING when there is no outcomes.yaml', async () => {
    const dir = await demoCopy();
    await rm(join(dir, 'outcomes.yaml'));
    const io = capture();
    expect(await main(['outcomes', dir], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/no outcomes\.yaml[\s\S]*OUTCOMES_FILE_MISSING[\s\S]*fix:/);
  });

  it('stops on a tutoring.yaml that breaks its schema, like every command of the session', async () => {
    const dir = await demoCopy();
    await edit(dir, 'tutoring.yaml', (t) => t.replace('kind: preparation', 'kind: coffee'));
    const { code, io } = await run(dir);
    expect(code).toBe(1);
    expect(io.err.join('\n')).toMatch(/tutoring\.yaml:\d+:\d+: .*coffee/);
  });

  it('lists every candidate on the tutoring page when tutoring.yaml is absent, and exits 0', async () => {
    const dir = await demoCopy();
    await rm(join(dir, 'tutoring.yaml'));
    const { code } = await run(dir);
    expect(code).toBe(0);
    const page = await readFile(join(dir, REPORTS, 'tutoring.html'), 'utf8');
    expect(page).toContain('tutoring.yaml is absent');
    expect(page).toContain('30 of 30 candidates lack meetings.');
  });

  it('stops on an unknown tutor in tutoring.yaml', async () => {
    const dir = await demoCopy();
    await edit(dir, 'tutoring.yaml', (t) =>
      t.replace('candidate: C001\n    tutor: T01', 'candidate: C001\n    tutor: T09'),
    );
    const { code, io } = await run(dir);
    expect(code).toBe(1);
    expect(io.err.join('\n')).toMatch(
      /tutoring\.yaml:\d+:\d+: tutoring\.yaml gives C001 the tutor T09/,
    );
  });

  it('warns, exiting 0, when tutoring.yaml names another tutor than candidates.yaml', async () => {
    const dir = await demoCopy();
    await edit(dir, 'tutoring.yaml', (t) =>
      t.replace('candidate: C002\n    tutor: T02', 'candidate: C002\n    tutor: T03'),
    );
    const { code, json, io } = await run(dir);
    expect(code).toBe(0);
    expect(json.problems).toEqual([
      expect.objectContaining({
        code: 'OUTCOMES_TUTOR_MISMATCH',
        level: 'warning',
        file: 'tutoring.yaml',
      }),
    ]);
    expect(io.err.join('\n')).toMatch(
      /warning tutoring\.yaml:\d+:12 tutoring\.yaml gives C002 the tutor T03, candidates\.yaml T02\./,
    );
    const overview = await readFile(join(dir, REPORTS, 'index.html'), 'utf8');
    expect(overview).toContain('OUTCOMES_TUTOR_MISMATCH');
  });
});

describe('recevable outcomes usage', () => {
  it('exits 2 without a session folder, with two, or with an unknown option', async () => {
    for (const argv of [
      ['outcomes'],
      ['outcomes', 'a', 'b'],
      ['outcomes', 'content/demo-2023', '--jsn'],
    ]) {
      const io = capture();
      expect(await main(argv, io)).toBe(2);
      expect(io.err.join('\n')).toContain('fix:');
    }
  });

  it('exits 2 on a folder without session.yaml', async () => {
    const io = capture();
    expect(await main(['outcomes', 'test'], io)).toBe(2);
    expect(io.err.join('\n')).toContain('USAGE_NOT_A_SESSION');
  });

  it('prints exactly one JSON document on stdout when spawned, human lines on stderr', async () => {
    const dir = await demoCopy();
    const bin = new URL('../../pipeline/bin.js', import.meta.url).pathname;
    const child = spawnSync(process.execPath, [bin, 'outcomes', dir, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(child.status).toBe(0);
    const parsed = JSON.parse(child.stdout) as JsonRun;
    expect(parsed.outcomes).toHaveLength(30);
    expect(child.stderr).toContain('candidate  decision');
  });
});
