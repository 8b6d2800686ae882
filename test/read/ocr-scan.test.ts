/**
 * A generated dossier printed and scanned: its pages rendered to JPEG (askew, with noise, for
 * the noisy one) and put back together as a PDF of images only. Recognised in French, it must
 * come out with its plan found and its copied passage flagged, like the file it was made from.
 * The scans are cached in the temp dir; their OCR (five pages each, three readings) makes the
 * file take about 35 s on 2 cores shared at a load of 5 to 15.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSession } from '../../pipeline/checks/index.ts';
import { main } from '../../pipeline/cli.ts';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';
import { onOcrProgress } from '../../pipeline/read/ocr-progress.ts';
import { documentCache, readThroughCache } from '../../pipeline/results/cache.ts';
import { checkSimilarity } from '../../pipeline/similarity/check.ts';
import { similarityInputs } from '../../pipeline/similarity/inputs.ts';
import { makePdf, type DossierSpec } from '../fixtures/dossier/generate.ts';
import { makeDistortedScan, makeImageScan } from '../fixtures/dossier/scan.ts';
import { miniSession } from '../checks/mini-session.ts';
import { prose } from '../similarity/prose.ts';
import { captureIo } from '../support/io.ts';
import type { Result } from '../../schemas/result.ts';

/** About 300 words both dossiers share, in three paragraphs. */
const copied = [prose(1801, 100), prose(1802, 100), prose(1803, 100)];

const scanned: DossierSpec = {
  pages: 5,
  seed: 18,
  sections: [
    { title: 'Introduction' },
    { title: 'Environnement professionnel', paragraphs: copied },
    { title: 'Valorisation des compétences' },
    { title: 'Conclusion' },
  ],
};

/** Another candidate's dossier, with a text layer, where the passage comes from. */
const source: DossierSpec = {
  pages: 6,
  seed: 7,
  sections: [
    { title: 'Introduction' },
    { title: 'Environnement professionnel' },
    { title: 'Valorisation des compétences', paragraphs: copied },
    { title: 'Conclusion' },
  ],
};

const options = {
  libreoffice: false,
  sessionChecks: { similarity: checkSimilarity },
  sessionInputs: { similarity: similarityInputs },
};

let scans: Record<'clean' | 'noisy', string>;

/** The results of C001 (`bytes`) and C002 (`source`) in a session of their own. */
async function check(bytes: Uint8Array) {
  const dir = await miniSession(
    ['C001', 'C002'],
    [
      { candidate: 'C001', file: 'submissions/C001.pdf', bytes },
      // Received first: C002's dossier is the source of the passage.
      {
        candidate: 'C002',
        file: 'submissions/C002.pdf',
        spec: source,
        receivedAt: '2023-08-20T10:00:00+02:00',
      },
    ],
    // A corpus folder that does not exist: the dossiers are compared with each other.
    { similarity: { review: 0.1, reject: 0.25, minWords: 15, corpus: 'no-corpus' } },
  );
  const { results } = await checkSession(dir, options);
  return results.find((r) => r.candidate === 'C001')!;
}

/** The share of C001's prose found in C002 when C001 sends the file it printed and scanned. */
let original: number;

beforeAll(async () => {
  scans = {
    clean: await makeImageScan(scanned),
    noisy: await makeDistortedScan(scanned, { degrees: 1.2, noise: 22 }),
  };
  const result = await check(await makePdf(scanned));
  original = result.checks.similarity?.evidence['share'] as number;
  expect(original).toBeGreaterThan(0.1);
}, 300_000);

// OCR runs a page in seconds, in minutes on a loaded machine.
describe('a scanned dossier without a text layer', { timeout: 300_000 }, () => {
  it.each(['clean', 'noisy'] as const)(
    'comes out of a %s scan with its plan found and its copied passage flagged',
    async (kind) => {
      const result = await check(await readFile(scans[kind]));
      const { format, plan, similarity } = result.checks;

      expect(format?.status).toBe('pass');
      expect(format?.message).toMatch(/reconnu automatiquement \(OCR\) sur toutes les pages/);
      expect(format?.evidence['ocrConfidence']).toBeGreaterThan(0.85);

      expect(plan?.status).toBe('pass');
      const sections = plan?.evidence['sections'] as { id: string; page?: number }[];
      expect(sections.map((s) => [s.id, s.page])).toEqual([
        ['sommaire', 2],
        ['introduction', 3],
        ['environnement', 3],
        ['competences', 4],
        ['conclusion', 5],
      ]);

      // Recognised with its noise, the passage is still found; the noise can only lower it.
      expect(similarity?.status).not.toBe('pass');
      const share = similarity?.evidence['share'] as number;
      expect(share).toBeGreaterThan(0.1);
      expect(share).toBeLessThanOrEqual(original);
      expect(similarity?.evidence['shareFromEarlier']).toBe(share);
      expect(JSON.stringify(similarity?.evidence)).toContain('C002');
    },
  );

  it('reads the noisy scan once, telling each page: the second reading comes from the cache', async () => {
    const dir = await miniSession(['C001'], []);
    const cache = documentCache(dir, { libreoffice: false });
    const pages: string[] = [];
    const stop = onOcrProgress((p) => pages.push(`${basename(p.path)} ${p.done}/${p.total}`));
    const first = await readThroughCache(cache, scans.noisy, 'C001.pdf', { libreoffice: false });
    stop();
    expect(pages).toEqual([1, 2, 3, 4, 5].map((n) => `${basename(scans.noisy)} ${n}/5`));
    const start = performance.now();
    const second = await readThroughCache(cache, scans.noisy, 'C001.pdf', { libreoffice: false });
    expect(first.cached).toBe(false);
    expect(second).toMatchObject({ cached: true, document: first.document });
    expect(performance.now() - start).toBeLessThan(1000);
    const document = second.document;
    if (isReadError(document)) throw new Error(document.error.message);
    expect(document.textLayer).toBe('none');
    expect(document.pageText?.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
  });

  it('goes to review unread with recevable check --no-ocr', async () => {
    const bytes = await readFile(scans.clean);
    const dir = await miniSession(
      ['C001'],
      [{ candidate: 'C001', file: 'submissions/C001.pdf', bytes }],
    );
    const io = captureIo();
    expect(await main(['check', dir, '--no-ocr', '--json'], io)).toBe(0);
    const { results } = io.out[0] as { results: Result[] };
    expect(results[0]?.checks.format?.status).toBe('review');
    expect(results[0]?.checks.format?.message).toContain('il semble numérisé');
    expect(results[0]?.checks.plan?.status).toBe('review');
  });

  it('is left unrecognised with ocr: false, as before', async () => {
    const document = await readDossier(scans.clean, { ocr: false });
    if (isReadError(document)) throw new Error(document.error.message);
    expect(document).toMatchObject({ textLayer: 'none', scannedPages: [1, 2, 3, 4, 5], words: 0 });
    expect(document.pageText).toBeUndefined();
  });
});
