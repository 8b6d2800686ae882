import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';
import { makePdf } from '../fixtures/dossier/generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'recevable-pool-'));

/** Reader processes (children of this test process running the reader's child.ts). */
function readerPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((line) => line.includes('read/child.ts'))
    .map((line) => Number.parseInt(line, 10));
}

describe('reader processes', () => {
  it('reads a file again in a fresh process when a reused one dies under it', async () => {
    const small = join(dir, 'small.pdf');
    const long = join(dir, 'long.pdf');
    writeFileSync(small, await makePdf({ pages: 2, sections: [{ title: 'Introduction' }] }));
    writeFileSync(
      long,
      await makePdf({ pages: 240, sections: [{ title: 'Introduction' }, { title: 'Bilan' }] }),
    );
    // The first reading leaves a warm reader behind, which the second one reuses.
    expect(isReadError(await readDossier(small, { libreoffice: false }))).toBe(false);
    const warm = readerPids();
    expect(warm.length).toBeGreaterThan(0);

    let killed = false;
    let endedFirst = false;
    const reading = readDossier(long, { libreoffice: false }).then((result) => {
      endedFirst = !killed;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    for (const pid of warm) process.kill(pid, 'SIGKILL');
    killed = true;
    const result = await reading;
    expect(endedFirst, 'the reading ended before its process was killed').toBe(false);
    if (isReadError(result)) throw new Error(`not retried: ${result.error.message}`);
    expect(result.pages.count).toBe(240);
    // The retry ran in a process that did not exist before.
    expect(readerPids().some((pid) => !warm.includes(pid))).toBe(true);
  });
});
