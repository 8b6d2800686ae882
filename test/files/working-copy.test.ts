import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refreshWorkingCopy } from '../../pipeline/files/working-copy.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder with a session (session.yaml, a result, a cache and a report) in `session/`. */
function workspace(): { root: string; session: string } {
  const root = mkdtempSync(join(tmpdir(), 'recevable-copy-'));
  made.push(root);
  const session = join(root, 'session');
  for (const dir of ['results', '.cache', 'reports'])
    mkdirSync(join(session, dir), { recursive: true });
  writeFileSync(join(session, 'session.yaml'), 'id: s\n');
  writeFileSync(join(session, 'results', 'C001.yaml'), 'candidate: C001\n');
  writeFileSync(join(session, '.cache', 'doc'), 'cached');
  writeFileSync(join(session, 'reports', 'index.html'), '<p>staff</p>');
  return { root, session };
}

describe('refreshWorkingCopy', () => {
  it('copies the session but its cache and staff reports', async () => {
    const { root, session } = workspace();
    const copy = await refreshWorkingCopy(session, join(root, 'work', 'session'));
    expect(readFileSync(join(copy, 'results', 'C001.yaml'), 'utf8')).toBe('candidate: C001\n');
    expect(existsSync(join(copy, '.cache'))).toBe(false);
    expect(existsSync(join(copy, 'reports'))).toBe(false);
  });

  it('remakes the copy from the session on each refresh, keeping only its own cache', async () => {
    const { root, session } = workspace();
    const copy = await refreshWorkingCopy(session, join(root, 'work'));
    writeFileSync(join(copy, 'schedule.yaml'), 'version: 2\n');
    writeFileSync(join(copy, 'results', 'C001.yaml'), 'changed by a run\n');
    mkdirSync(join(copy, '.cache'));
    writeFileSync(join(copy, '.cache', 'doc'), 'read by the copy');
    await refreshWorkingCopy(session, copy);
    expect(existsSync(join(copy, 'schedule.yaml'))).toBe(false);
    expect(readFileSync(join(copy, 'results', 'C001.yaml'), 'utf8')).toBe('candidate: C001\n');
    expect(readFileSync(join(copy, '.cache', 'doc'), 'utf8')).toBe('read by the copy');
  });

  it('refuses a folder with files it did not make, leaving them', async () => {
    const { root, session } = workspace();
    const other = join(root, 'thesis');
    mkdirSync(other);
    writeFileSync(join(other, 'chapter.md'), 'mine');
    await expect(refreshWorkingCopy(session, other)).rejects.toMatchObject({
      code: 'USAGE_COPY_NOT_A_WORKING_COPY',
    });
    expect(readFileSync(join(other, 'chapter.md'), 'utf8')).toBe('mine');
  });

  it('refuses a copy inside the session, or around it', async () => {
    const { root, session } = workspace();
    for (const copy of [session, join(session, 'copy'), root]) {
      await expect(refreshWorkingCopy(session, copy), copy).rejects.toMatchObject({
        code: 'USAGE_COPY_OVERLAPS_SESSION',
      });
    }
    expect(existsSync(join(session, 'copy'))).toBe(false);
  });

  it('refuses a folder without session.yaml', async () => {
    const { root } = workspace();
    await expect(refreshWorkingCopy(join(root, 'none'), join(root, 'work'))).rejects.toMatchObject({
      code: 'USAGE_NOT_A_SESSION',
    });
  });
});
