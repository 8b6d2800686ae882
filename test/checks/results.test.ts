import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentCache, sha256File } from '../../pipeline/results/cache.ts';
import { overallStatus } from '../../pipeline/results/summary.ts';
import { removeTemporaries, writeIfChanged } from '../../pipeline/files/atomic.ts';
import { tool, writeResult } from '../../pipeline/results/write.ts';
import type { Finding, Result } from '../../schemas/result.ts';
import { doc } from './support.ts';

const temp = () => mkdtemp(join(tmpdir(), 'recevable-results-'));
const f = (status: Finding['status']): Finding => ({
  rule: 'x',
  status,
  message: 'm',
  detail: 'd',
  evidence: {},
});

describe('overall status', () => {
  it('is admissible when every rule passes, and a fail outweighs an error and a review', () => {
    expect(overallStatus([f('pass'), f('pass')])).toBe('admissible');
    expect(overallStatus([f('pass'), f('review')])).toBe('needs-review');
    expect(overallStatus([f('review'), f('error')])).toBe('error');
    expect(overallStatus([f('error'), f('fail')])).toBe('not-admissible');
  });
});

describe('result files', () => {
  const result: Result = {
    candidate: 'C001',
    status: 'admissible',
    checks: { x: f('pass') },
    tool,
    rules: {},
  };

  it('writes once, then leaves identical bytes untouched, without temporary files', async () => {
    const dir = await temp();
    expect(await writeResult(dir, result)).toBe(true);
    const before = await stat(join(dir, 'C001.yaml'));
    expect(await writeResult(dir, result)).toBe(false);
    expect((await stat(join(dir, 'C001.yaml'))).mtimeMs).toBe(before.mtimeMs);
    expect(await readdir(dir)).toEqual(['C001.yaml']);
    expect(await readFile(join(dir, 'C001.yaml'), 'utf8')).toContain(
      'candidate: C001\nstatus: admissible\n',
    );
  });

  it('refuses to write a result that breaks the schema', async () => {
    const dir = await temp();
    await expect(
      writeResult(dir, { ...result, status: 'maybe' } as unknown as Result),
    ).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('replaces a changed file in one rename', async () => {
    const dir = await temp();
    await writeIfChanged(join(dir, 'a.yaml'), 'one\n');
    expect(await writeIfChanged(join(dir, 'a.yaml'), 'two\n')).toBe(true);
    expect(await readFile(join(dir, 'a.yaml'), 'utf8')).toBe('two\n');
  });

  it('removes the temporary files of a writer that was killed, not those of a running one', async () => {
    const dir = await temp();
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const uuid = '0b7c4c1e-8f7a-4d5e-9c1b-2a3f4e5d6c7b';
    const left = `.C001.yaml.${ended}-${uuid}.tmp`;
    const live = `.C002.yaml.${process.pid}-${uuid}.tmp`;
    for (const name of [left, live, 'C003.yaml', '.notes.tmp'])
      await writeFile(join(dir, name), '');
    await removeTemporaries(dir);
    expect((await readdir(dir)).sort()).toEqual([live, '.notes.tmp', 'C003.yaml'].sort());
  });
});

describe('Document cache', () => {
  it('returns what was kept for the same bytes and reader, and nothing for another reader', async () => {
    const dir = await temp();
    const cache = new DocumentCache(dir, 'read-1');
    await cache.set('a'.repeat(64), doc());
    expect(await cache.get('a'.repeat(64))).toEqual(doc());
    expect(await new DocumentCache(dir, 'read-2').get('a'.repeat(64))).toBeUndefined();
  });

  it('treats a damaged, empty or wrong-type entry as a miss', async () => {
    const dir = await temp();
    const cache = new DocumentCache(dir, 'read-1');
    await cache.set('b'.repeat(64), doc());
    const [file] = await readdir(join(dir, '.cache', 'documents'));
    for (const damage of ['{"format": "pdf", "pag', '', '[1, 2, 3]', '{"error": {"code": 1}}']) {
      await writeFile(join(dir, '.cache', 'documents', file!), damage);
      expect(await cache.get('b'.repeat(64))).toBeUndefined();
    }
  });

  it('keeps a damaged-file error but not a timeout, which may not happen again', async () => {
    const dir = await temp();
    const cache = new DocumentCache(dir, 'read-1');
    const error = (code: string) => ({ error: { code, message: 'm', hint: 'h' } });
    await cache.set('c'.repeat(64), error('READ_PDF_CORRUPT'));
    await cache.set('d'.repeat(64), error('READ_TIMEOUT'));
    expect(await cache.get('c'.repeat(64))).toEqual(error('READ_PDF_CORRUPT'));
    expect(await cache.get('d'.repeat(64))).toBeUndefined();
  });

  it('hashes a file by its bytes', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'x'), 'abc');
    expect(await sha256File(join(dir, 'x'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
