import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../pipeline/similarity/corpus-index.ts';
import { generateCorpus, pastDossiers } from '../fixtures/demo/corpus.ts';

const DEMO_CORPUS = new URL('../../content/demo-2023/corpus/', import.meta.url).pathname;

describe('the demo corpus of past dossiers', () => {
  it('is what the generator writes, byte for byte, and holds the six 2022 dossiers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recevable-demo-corpus-test-'));
    try {
      await generateCorpus(dir);
      const made = await readFile(join(dir, 'index.sqlite'));
      expect(Buffer.compare(made, await readFile(join(DEMO_CORPUS, 'index.sqlite')))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const index = openCorpus(DEMO_CORPUS);
    try {
      const docs = index.list();
      expect(docs.map((d) => d.id)).toEqual(pastDossiers.map((p) => p.id));
      for (const doc of docs) {
        expect(doc.year).toBe(2022);
        expect(doc.words).toBeGreaterThan(2000);
      }
    } finally {
      index.close();
    }
  }, 90_000);
});
