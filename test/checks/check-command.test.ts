import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureIo } from '../support/io.ts';
import { Result } from '../../schemas/result.ts';
import { corruptPdf } from '../fixtures/demo/generate.ts';
import { miniSession, planSections } from './mini-session.ts';

/** Runs `recevable …` in process, capturing stdout and stderr. */
async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(join(dir, 'results'))).sort();
  return Object.fromEntries(
    await Promise.all(
      files.map(async (f) => [f, await readFile(join(dir, 'results', f), 'utf8')] as const),
    ),
  );
}

const codes = Array.from({ length: 30 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);

describe('recevable check on 30 dossiers, one of them unreadable', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await miniSession(
      codes,
      codes.map((candidate, i) =>
        candidate === 'C013'
          ? { candidate, file: `submissions/${candidate}.pdf`, bytes: corruptPdf() }
          : {
              candidate,
              file: `submissions/${candidate}.pdf`,
              spec: { pages: 4 + (i % 4), seed: i + 1, sections: planSections },
            },
      ),
      { pages: { min: 3, max: 8 } },
    );
  }, 120_000);
  // The GitHub Actions variables are set for one test and put back after it.
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('decides the other 29 and exits 0; --strict exits 3', async () => {
    const first = await run('check', dir, '--no-libreoffice');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(
      '30 candidates: 29 admissible, 0 not-admissible, 0 needs-review, 1 error.',
    );
    expect(first.stderr).toMatch(
      /C013 +error +format error: submissions\/C013\.pdf is a damaged PDF/,
    );
    const strict = await run('check', dir, '--no-libreoffice', '--strict');
    expect(strict.code).toBe(3);
  }, 120_000);

  it('gives byte-identical results on a second run, reading, deciding and rewriting nothing', async () => {
    await run('check', dir, '--no-libreoffice');
    const before = await snapshot(dir);
    const again = await run('check', dir, '--no-libreoffice');
    expect(again.stderr).toContain(
      '0 dossiers read, 0 from the cache, 30 results kept, 0 files written.',
    );
    expect(await snapshot(dir)).toEqual(before);
    expect(Object.keys(before)).toHaveLength(31);
  }, 120_000);

  it('prints one JSON document whose results validate against the result schema', async () => {
    const { code, stdout } = await run(
      'check',
      dir,
      '--no-libreoffice',
      '--json',
      '--only',
      'C001,C013',
    );
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { results: unknown[] };
    expect(
      parsed.results
        .map((r) => Result.parse(r))
        .map((r) => [r.candidate, r.status, r.checks['pages']?.status]),
    ).toEqual([
      ['C001', 'admissible', 'pass'],
      ['C013', 'error', undefined],
    ]);
  }, 60_000);

  it('writes a Markdown table and one annotation per failing dossier under GitHub Actions', async () => {
    const summaryFile = join(await mkdtemp(join(tmpdir(), 'recevable-gh-')), 'summary.md');
    await writeFile(summaryFile, '');
    process.env['GITHUB_ACTIONS'] = 'true';
    process.env['GITHUB_STEP_SUMMARY'] = summaryFile;
    const { stderr } = await run('check', dir, '--no-libreoffice');
    const markdown = await readFile(summaryFile, 'utf8');
    expect(markdown).toContain('| candidate | status | rules not passed |');
    expect(markdown).toContain(
      '| C013 | error | format (error): submissions/C013.pdf is a damaged PDF',
    );
    const lines = stderr.split('\n').filter((l) => l.startsWith('::'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^::error file=.*submissions\/C013\.pdf,title=C013 error::format%3A|^::error file=.*submissions\/C013\.pdf,title=C013 error::/,
    );
  }, 60_000);

  it('refuses an unknown --only code and a missing folder as usage errors (exit 2)', async () => {
    const unknown = await run('check', dir, '--only', 'C001,C999');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('C999');
    expect((await run('check')).code).toBe(2);
    expect((await run('check', join(dir, 'nowhere'))).code).toBe(2);
  });
});

describe('recevable check on invalid session data', () => {
  it('exits 1 naming the file when submissions.yaml is broken, before reading any dossier', async () => {
    const dir = await miniSession(['C001'], []);
    await writeFile(
      join(dir, 'submissions.yaml'),
      'submissions:\n  - { candidate: C001, file: 12 }\n',
    );
    const { code, stderr } = await run('check', dir);
    expect(code).toBe(1);
    expect(stderr).toContain('submissions.yaml');
  });
});
