import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main, version } from '../../pipeline/cli.ts';
import { captureIo } from '../support/io.ts';

const capture = captureIo;

describe('recevable CLI', () => {
  it('prints the version of package.json', async () => {
    const io = capture();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.err).toEqual([version()]);
  });

  it('lists every command in --help', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    const text = io.err.join('\n');
    for (const name of ['validate', 'inspect', 'check', 'corpus', 'schedule', 'run']) {
      expect(text).toContain(`  ${name}`);
    }
  });

  it('exits 2 with a hint on an unknown command', async () => {
    const io = capture();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/Unknown command "frobnicate"[\s\S]*recevable --help/);
  });

  it('exits 2 on an unknown option, naming the command', async () => {
    const io = capture();
    expect(await main(['validate', '--frob'], io)).toBe(2);
    expect(io.err.join('\n')).toContain('recevable validate --help');
  });

  it('prints the error as one JSON document on stdout under --json', async () => {
    const io = capture();
    expect(await main(['check', '/nonexistent/session', '--json'], io)).not.toBe(0);
    expect(io.out).toHaveLength(1);
    expect(io.out[0]).toMatchObject({ error: { code: expect.any(String) as string } });
  });

  it('runs as a real process through the bin, without colours under NO_COLOR', () => {
    const run = spawnSync(process.execPath, ['pipeline/bin.js', 'nope'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '1' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('USAGE_UNKNOWN_COMMAND');
    expect(run.stderr).not.toContain('\u001b[');
    expect(run.stdout).toBe('');
  });
});
