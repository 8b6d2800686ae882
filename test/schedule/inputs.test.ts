import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { readAdmissible } from '../../pipeline/schedule/files.ts';
import { makeSession } from './session.ts';
import { captureIo } from '../support/io.ts';

const capture = captureIo;

const good = (code: string) =>
  `candidate: ${code}\nstatus: admissible\nchecks: {}\ntool: { name: recevable, version: 0.1.0 }\n`;

async function withResults(files: Record<string, string>): Promise<string> {
  const dir = await makeSession();
  await mkdir(join(dir, 'results'));
  for (const [name, text] of Object.entries(files))
    await writeFile(join(dir, 'results', name), text);
  return dir;
}

describe('schedule inputs', () => {
  it('plans the readable results and names every unreadable one, exiting 1', async () => {
    const dir = await withResults({
      'C001.yaml': good('C001'),
      'C002.yaml': '',
      'C003.yaml': 'candidate: C003\nstatus: admis',
      'C004.yaml': 'candidate: C004\nstatus: 42\nchecks: {}\ntool: { name: x, version: y }\n',
      'C009.yaml': `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 120 }, (_, i) => `b${i}: &b${i} [*a, *a, *a]`).join('\n')}\n`,
      'C010.yaml': good('C010') + `padding: "${'x'.repeat(1_100_000)}"\n`,
      'C099.yaml': good('C099'),
    });
    const { codes, problems } = await readAdmissible(dir);
    expect(codes).toEqual(['C001', 'C099']);
    expect(
      problems.map((p) => p.slice(p.lastIndexOf('/') + 1, p.indexOf(':', p.lastIndexOf('/')))),
    ).toEqual(['C002.yaml', 'C003.yaml', 'C004.yaml', 'C009.yaml', 'C010.yaml']);
    const io = capture();
    expect(await main(['schedule', dir], io)).toBe(1);
    const out = io.err.join('\n');
    expect(out).toMatch(/1 defences planned/);
    expect(out).toMatch(/results: C099 is not in candidates\.yaml/);
    expect(out).toMatch(/C010\.yaml: \d+ bytes, more than a result file ever holds/);
  });

  it('refuses usage mistakes with exit 2 and the usage hint', async () => {
    const dir = await makeSession();
    for (const args of [
      ['schedule'],
      ['schedule', dir, dir],
      ['schedule', dir, '--all', '--time-limit', 'soon'],
    ]) {
      const io = capture();
      expect(await main(args, io)).toBe(2);
      expect(io.err.join('\n')).toMatch(/recevable schedule --help/);
    }
  });

  it('reports a session folder that is not one, without a stack trace', async () => {
    const io = capture();
    expect(await main(['schedule', '/nonexistent/session', '--all'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/not a session folder[\s\S]*fix:/);
    expect(io.err.join('\n')).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a schedule.yaml that is a folder, an alias bomb or of the wrong type', async () => {
    const cases: [string, (dir: string) => Promise<void>][] = [
      ['it is not a regular file', (dir) => mkdir(join(dir, 'schedule.yaml'))],
      [
        '',
        (dir) =>
          writeFile(
            join(dir, 'schedule.yaml'),
            `a: &a [x, x]\n${Array.from({ length: 120 }, (_, i) => `b${i}: [*a, *a]`).join('\n')}\n`,
          ),
      ],
      [
        'slots',
        (dir) =>
          writeFile(
            join(dir, 'schedule.yaml'),
            'session: epsi-2023\nversion: 1\nslots: nope\nunscheduled: []\n',
          ),
      ],
    ];
    for (const [reason, make] of cases) {
      const dir = await makeSession();
      await make(dir);
      const io = capture();
      expect(await main(['schedule', dir, '--all'], io)).toBe(1);
      expect(io.err.join('\n')).toMatch(/schedule\.yaml is not a valid schedule/);
      expect(io.err.join('\n')).toContain(reason);
    }
  });
});
