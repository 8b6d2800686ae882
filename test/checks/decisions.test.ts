import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSession, type CheckSessionOptions } from '../../pipeline/checks/index.ts';
import { main } from '../../pipeline/cli.ts';
import { checkSimilarity } from '../../pipeline/similarity/check.ts';
import { similarityInputs } from '../../pipeline/similarity/inputs.ts';
import { makePdf } from '../fixtures/dossier/generate.ts';
import { captureIo } from '../support/io.ts';
import { miniSession, planSections } from './mini-session.ts';

const codes = ['C001', 'C002', 'C003', 'C004'];
const spec = (seed: number) => ({ pages: 4, seed, sections: planSections });

/** A session of four small dossiers, C004's file missing. */
const session = (rules: Record<string, unknown> = {}) =>
  miniSession(
    codes,
    codes.map((candidate, i) => ({
      candidate,
      file: `submissions/${candidate}.pdf`,
      ...(candidate === 'C004' ? {} : { spec: spec(i + 1) }),
    })),
    { pages: { min: 3, max: 8 }, ...rules },
  );

const similarity: CheckSessionOptions = {
  libreoffice: false,
  sessionChecks: { similarity: checkSimilarity },
  sessionInputs: { similarity: similarityInputs },
};

describe('decisions kept from an earlier run', () => {
  it('decides again, and rewrites, a result file edited by hand', async () => {
    const dir = await session({ similarity: undefined });
    await checkSession(dir, { libreoffice: false });
    const file = join(dir, 'results', 'C001.yaml');
    const written = await readFile(file, 'utf8');
    await writeFile(file, written.replace('status: admissible', 'status: not-admissible'));
    const again = await checkSession(dir, { libreoffice: false });
    expect(again.stats).toEqual({ read: 0, cached: 1, kept: 3, written: 1 });
    expect(await readFile(file, 'utf8')).toBe(written);
  }, 60_000);

  it('without similarity, decides again only the dossier that changed', async () => {
    const dir = await session({ similarity: undefined });
    await checkSession(dir, { libreoffice: false });
    await writeFile(join(dir, 'submissions', 'C002.pdf'), await makePdf(spec(9)));
    const again = await checkSession(dir, { libreoffice: false });
    expect(again.stats).toMatchObject({ read: 1, cached: 0, kept: 3 });
  }, 60_000);

  it('with similarity, decides again every readable dossier when one of them or a template changes', async () => {
    const dir = await session();
    const first = await checkSession(dir, similarity);
    expect(first.stats).toMatchObject({ read: 3, kept: 0 });
    expect((await checkSession(dir, similarity)).stats).toMatchObject({ cached: 0, kept: 4 });
    // Killed after writing C001's result, before recording its decision.
    await rm(join(dir, '.cache', 'decisions', 'C001.json'));
    const resumed = await checkSession(dir, similarity);
    expect(resumed.stats).toEqual({ read: 0, cached: 3, kept: 3, written: 0 });
    expect(resumed.results).toEqual(first.results);

    await writeFile(join(dir, 'submissions', 'C002.pdf'), await makePdf(spec(9)));
    // C004's missing file took no part in the similarity: its result stays.
    expect((await checkSession(dir, similarity)).stats).toMatchObject({
      read: 1,
      cached: 2,
      kept: 1,
    });

    await mkdir(join(dir, 'templates'));
    await writeFile(join(dir, 'templates', 'modele.txt'), 'Introduction. Conclusion.\n');
    expect((await checkSession(dir, similarity)).stats).toMatchObject({ cached: 3, kept: 1 });
  }, 90_000);

  it('decides again on every run what a session-level rule took part in when its inputs have no key', async () => {
    const dir = await session();
    const unkeyed = { libreoffice: false, sessionChecks: { similarity: checkSimilarity } };
    await checkSession(dir, unkeyed);
    expect((await checkSession(dir, unkeyed)).stats).toMatchObject({ cached: 3, kept: 1 });
  }, 60_000);
});

describe('recevable check on a session without a similarity rule', () => {
  it('gives no similarity finding', async () => {
    const dir = await session({ similarity: undefined });
    const io = captureIo();
    expect(await main(['check', dir, '--json', '--no-libreoffice'], io)).toBe(0);
    const { results } = JSON.parse(io.stdout) as { results: { checks: object }[] };
    expect(results.map((r) => Object.keys(r.checks).includes('similarity'))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  }, 60_000);
});
