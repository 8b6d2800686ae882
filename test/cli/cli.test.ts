import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { main, version } from '../../pipeline/cli.ts';
import { captureIo } from '../support/io.ts';

const capture = captureIo;

describe('recevable CLI', () => {
  it('prints the version of package.json', async () => {
    const io = capture();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.printed).toEqual([version()]);
    expect(io.err).toEqual([]);
  });

  it('lists every command in --help', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.err).toEqual([]);
    const text = io.printed.join('\n');
    for (const name of ['validate', 'inspect', 'check', 'corpus', 'schedule', 'run']) {
      expect(text).toContain(`  ${name}`);
    }
  });

  it('lists the commands on stderr and exits 2 when given none', async () => {
    const io = capture();
    expect(await main([], io)).toBe(2);
    expect(io.printed).toEqual([]);
    expect(io.err.join('\n')).toContain('Usage: recevable <command>');
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

  it('prints --version and every --help on stdout, nothing on stderr, as a real process', async () => {
    const bin = async (...args: string[]) => {
      const child = spawn(process.execPath, ['pipeline/bin.js', ...args]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [status] = (await once(child, 'close')) as [number | null];
      return { args, status, stdout, stderr };
    };
    expect(await bin('--version')).toMatchObject({
      status: 0,
      stdout: `${version()}\n`,
      stderr: '',
    });
    const help = await bin('--help');
    expect(help).toMatchObject({ status: 0, stderr: '' });
    const names = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    expect(names).toContain('run');
    const runs = await Promise.all(names.map((name) => bin(name, '--help')));
    for (const run of runs) {
      expect(run).toMatchObject({ status: 0, stderr: '' });
      expect(run.stdout).toContain(`recevable ${run.args[0]}`);
    }
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
