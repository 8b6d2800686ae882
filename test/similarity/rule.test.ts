import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSession } from '../../pipeline/checks/index.ts';
import { validateSession } from '../../pipeline/session/validate.ts';
import { checkSimilarity } from '../../pipeline/similarity/check.ts';
import { openCorpus } from '../../pipeline/similarity/corpus-index.ts';
import { miniSession, planSections } from '../checks/mini-session.ts';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const session = async (rules: Record<string, unknown>, files = true): Promise<string> => {
  const dir = await miniSession(
    ['C001', 'C002'],
    ['C001', 'C002'].map((candidate, i) => ({
      candidate,
      file: `submissions/${candidate}.pdf`,
      ...(files ? { spec: { pages: 4, seed: i + 1, sections: planSections } } : {}),
    })),
    { pages: { min: 3, max: 8 }, ...rules },
  );
  made.push(dir);
  return dir;
};
const rule = (corpus: string) => ({
  similarity: { review: 0.1, reject: 0.25, minWords: 15, corpus },
});

describe('the similarity rule and its corpus', () => {
  it('decides the dossiers of a session without rules.similarity, without the rule', async () => {
    const dir = await session({ similarity: undefined });
    const report = await checkSession(dir, {
      libreoffice: false,
      write: false,
      sessionChecks: { similarity: checkSimilarity },
    });
    for (const result of report.results) {
      expect(result.checks).not.toHaveProperty('similarity');
      expect(result.status).not.toBe('error');
      expect(Object.values(result.checks).map((f) => f.status)).not.toContain('error');
    }
  }, 60_000);

  it('reports a corpus folder that does not exist at its line, without blocking check', async () => {
    const dir = await session(rule('../nowhere'), false);
    const { problems, loaded } = await validateSession(dir, { roles: ['input'] });
    const found = problems.filter((p) => p.code === 'CORPUS_FOLDER_MISSING');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'session.yaml', blocking: false });
    expect(found[0]?.line).toBeGreaterThan(1);
    expect(found[0]?.message).toContain('"../nowhere"');
    expect(found[0]?.message).toContain(join(dir, '..', 'nowhere'));
    expect(found[0]?.fix).toContain('recevable corpus add');
    expect(loaded).toBeDefined();
  });

  it('reports a corpus folder without an index, and accepts one with an index', async () => {
    const dir = await session(rule('corpus'), false);
    await mkdir(join(dir, 'corpus'));
    await writeFile(join(dir, 'corpus', 'README.txt'), 'past dossiers go here\n');
    const codes = async () =>
      (await validateSession(dir, { roles: ['input'] })).problems.map((p) => p.code);
    expect(await codes()).toContain('CORPUS_NOT_INDEXED');
    openCorpus(join(dir, 'corpus'), { create: true }).close();
    expect(await codes()).not.toContain('CORPUS_NOT_INDEXED');
    expect(await codes()).not.toContain('CORPUS_FOLDER_MISSING');
  });
});
