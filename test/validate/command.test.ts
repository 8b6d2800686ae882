import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureIo } from '../support/io.ts';
import { demoCopy, locator, removeCopies, replace } from './session-copy.ts';

afterAll(removeCopies);

/** Runs the real `recevable` bin in a child process, without colours. */
function recevable(...args: string[]) {
  const run = spawnSync(process.execPath, ['pipeline/bin.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const capture = captureIo;

/** The check: a duplicated key, an impossible date, a submission for nobody. */
function brokenDemo(): string {
  return demoCopy({
    'session.yaml': replace('timezone: Europe/Paris\n', 'timezone: Europe/Paris\ntitle: Encore\n'),
    'candidates.yaml': replace('unavailable: [2023-09-20]', 'unavailable: [2023-02-30]'),
    'submissions.yaml':
      'submissions:\n  - { candidate: C404, file: submissions/C404.pdf, receivedAt: 2023-08-24T18:03:00+02:00 }\n',
  });
}

describe('recevable validate', () => {
  it('exits 0 on the demo session and says it is valid', () => {
    const run = recevable('validate', 'content/demo-2023');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('✔ content/demo-2023 is valid.\n');
    expect(run.stdout).toBe('');
  });

  it('exits 1 with three file:line:column messages for a duplicate key, 2023-02-30 and an unknown candidate', () => {
    const dir = brokenDemo();
    const at = locator(dir);
    const run = recevable('validate', dir);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => /^\S+:\d+:\d+ {2}/.test(l));
    expect(lines.map((l) => l.replace(`${dir}/`, ''))).toEqual([
      `${at('session.yaml', 'title: Encore')}  Duplicate key \`title\` in the same mapping.  (fix: Keep a single \`title:\` and delete the other; YAML readers would silently drop one.)`,
      `${at('candidates.yaml', '2023-02-30')}  Unexpected "2023-02-30", expected a day that exists in the calendar.  (fix: Correct the day or the month: February has 28 or 29 days; April, June, September and November 30.)`,
      `${at('submissions.yaml', 'C404')}  Unknown candidate "C404", expected one of \`C001\`, \`C002\`, \`C003\`, \`C004\`, \`C005\`, \`C006\`, \`C007\`, \`C008\` and 22 more.  (fix: Use a candidate defined in candidates.yaml, or add "C404" there.)`,
    ]);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('✖ 3 problems in 3 files.');
    expect(run.stdout).toBe('');
  });

  it('prints one JSON document with --json, problems relative to the session folder', () => {
    const dir = brokenDemo();
    const at = locator(dir);
    const run = recevable('validate', dir, '--json');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      valid: boolean;
      problems: Record<string, unknown>[];
    };
    expect(report.valid).toBe(false);
    expect(
      report.problems.map(
        (p) =>
          `${String(p['file'])}:${String(p['line'])}:${String(p['column'])} ${String(p['code'])}`,
      ),
    ).toEqual([
      `${at('session.yaml', 'title: Encore')} SESSION_YAML_DUPLICATE_KEY`,
      `${at('candidates.yaml', '2023-02-30')} SESSION_INVALID_VALUE`,
      `${at('submissions.yaml', 'C404')} SESSION_UNKNOWN_REFERENCE`,
    ]);
    const [, line, column] = at('candidates.yaml', '2023-02-30').split(':').map(Number);
    expect(report.problems[1]).toEqual({
      file: 'candidates.yaml',
      line,
      column,
      code: 'SESSION_INVALID_VALUE',
      message: 'Unexpected "2023-02-30", expected a day that exists in the calendar.',
      expected: 'a day that exists in the calendar',
      fix: 'Correct the day or the month: February has 28 or 29 days; April, June, September and November 30.',
    });
  });

  it('prints {"valid": true, "problems": []} for the demo with --json', async () => {
    const io = capture();
    expect(await main(['validate', 'content/demo-2023', '--json'], io)).toBe(0);
    expect(io.out).toEqual([{ valid: true, problems: [] }]);
  });

  it('separates the files of a report with a blank line and ends with the count', async () => {
    const io = capture();
    const dir = brokenDemo();
    const at = locator(dir);
    expect(await main(['validate', dir], io)).toBe(1);
    expect(io.err.map((l) => (l === '' ? '' : l.split('  ')[0]?.replace(/^.*\//, '')))).toEqual([
      at('session.yaml', 'title: Encore'),
      '',
      at('candidates.yaml', '2023-02-30'),
      '',
      at('submissions.yaml', 'C404'),
      '',
      '✖ 3 problems in 3 files.',
    ]);
  });

  it('exits 2 when the folder does not exist or holds no session.yaml', async () => {
    for (const dir of [
      'content/no-such-session',
      mkdtempSync(join(tmpdir(), 'recevable-empty-')),
    ]) {
      const io = capture();
      expect(await main(['validate', dir], io)).toBe(2);
      expect(io.err.join('\n')).toContain(
        `${dir} is not a session folder (no session.yaml in it).`,
      );
    }
  });

  it('exits 2 without a folder or with two, pointing to --help', async () => {
    for (const args of [['validate'], ['validate', 'a', 'b']]) {
      const io = capture();
      expect(await main(args, io)).toBe(2);
      expect(io.err.join('\n')).toContain('recevable validate --help');
    }
  });

  it('never prints a stack trace on hostile input', () => {
    const dir = demoCopy({ 'juries.yaml': 'members: [[[[' });
    const run = recevable('validate', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toContain('juries.yaml:1:');
  });
});
