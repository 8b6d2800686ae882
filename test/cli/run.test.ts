import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
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

describe('recevable run', () => {
  it('validates, checks, schedules and builds the site, as one JSON document', async () => {
    const dir = demoCopy();
    const out = join(dir, '..', 'dist');
    const io = captureIo();
    const code = await main(['run', dir, '--json', '--no-libreoffice', '--out', out], io);
    expect(code, io.stderr).toBe(0);
    expect(io.out).toHaveLength(1);
    const report = io.out[0] as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['validate', 'check', 'schedule', 'site', 'exitCode']);
    expect(report['validate']).toMatchObject({ valid: true });
    expect(existsSync(join(dir, 'results', 'C001.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'schedule.yaml'), 'utf8')).toContain('candidate: C001');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Dates clés');
    expect(io.stderr).toMatch(
      /── validate ──[\s\S]*── check ──[\s\S]*── schedule ──[\s\S]*── site ──/,
    );
  }, 240_000);

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
