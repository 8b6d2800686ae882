import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import type { Result } from '../../schemas/result.ts';
import { captureIo } from '../support/io.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the demo session without its outputs, caches or staff reports. */
function demoCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'recevable-run-'));
  made.push(root);
  const dir = join(root, 'session');
  cpSync('content/demo-2023', dir, {
    recursive: true,
    filter: (path) => !/[/\\](\.cache|reports|results|convocations|schedule\.yaml)$/.test(path),
  });
  return dir;
}

/**
 * A git repository holding the project's files as they are in the working tree (tracked and
 * untracked, not ignored), sharing this checkout's node_modules.
 */
function repositoryCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'recevable-repo-'));
  made.push(root);
  const list = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
  for (const file of execFileSync('git', list, { encoding: 'utf8' }).split('\0')) {
    if (file && existsSync(file)) cpSync(file, join(root, file));
  }
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], {
      cwd: root,
      encoding: 'utf8',
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '--no-gpg-sign', '-m', 'as found');
  return root;
}

/** A PATH with node and nothing else: no LibreOffice. */
function pathWithoutLibreOffice(): string {
  const bin = mkdtempSync(join(tmpdir(), 'recevable-bin-'));
  made.push(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  return bin;
}

describe('recevable run', () => {
  it('runs npm start’s job on a checkout without LibreOffice and leaves git status empty', async () => {
    const root = repositoryCopy();
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const start = pkg.scripts['start']!;
    const job = start.replace(/ --serve\b/, '');
    expect(job).not.toBe(start);
    const child = spawn('/bin/sh', ['-c', `${job} --json`], {
      cwd: root,
      env: { ...process.env, PATH: pathWithoutLibreOffice(), NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code, stderr).toBe(0);
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
    expect(status).toBe('');
    const report = JSON.parse(stdout) as { copy: string; check: { results: Result[] } };
    expect(Object.keys(report)).toEqual([
      'copy',
      'validate',
      'check',
      'schedule',
      'site',
      'exitCode',
    ]);
    expect(stderr).toMatch(
      /── validate ──[\s\S]*── check ──[\s\S]*── schedule ──[\s\S]*── site ──/,
    );
    // Without LibreOffice a Word dossier's pages are estimated: never failed, but to review.
    const c011 = report.check.results.find((r) => r.candidate === 'C011');
    expect(c011?.checks['pages']?.status).toBe('review');
    expect(readFileSync(join(report.copy, 'results', 'C011.yaml'), 'utf8')).toContain('review');
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toContain('Dates clés');
  }, 480_000);

  it('stops after validate on invalid data, exit 1, building nothing', async () => {
    const dir = demoCopy();
    writeFileSync(join(dir, 'juries.yaml'), 'members: 3\n');
    const out = join(dir, '..', 'dist');
    const io = captureIo();
    expect(await main(['run', dir, '--out', out], io)).toBe(1);
    expect(io.stderr).toContain('juries.yaml:1:');
    expect(io.stderr).not.toContain('── check ──');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'results'))).toBe(false);
  });

  it('refuses a port that is not one, as a usage error', async () => {
    const io = captureIo();
    expect(await main(['run', demoCopy(), '--serve', '--port', 'http'], io)).toBe(2);
    expect(io.stderr).toContain('--port expects 0–65535');
  });
});
