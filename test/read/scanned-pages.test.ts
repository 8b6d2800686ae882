/**
 * Scanned pages are told from blank ones without decoding a single image: the reader never
 * decodes images, and what pdf.js leaves of a dropped image is a scaling transform.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closePdf, openPdf, readPage } from '../../pipeline/read/pdf-load.ts';
import { makeImageScan } from '../fixtures/dossier/scan.ts';
import { makePdf } from '../fixtures/dossier/generate.ts';

async function imagePages(bytes: Uint8Array): Promise<boolean[]> {
  const doc = await openPdf(bytes);
  try {
    const found: boolean[] = [];
    for (let n = 1; n <= doc.numPages; n++) found.push((await readPage(doc, n, true)).hasImages);
    return found;
  } finally {
    await closePdf(doc);
  }
}

describe('pages painted by images', () => {
  it('finds every page of a scan without a text layer', async () => {
    const scan = await makeImageScan({
      pages: 3,
      sections: [{ title: 'Introduction', level: 1 }],
      seed: 7,
    });
    expect(await imagePages(readFileSync(scan))).toEqual([true, true, true]);
  }, 120_000);

  it('does not take the blank pages of a LaTeX memoir for images', async () => {
    const memoir = readFileSync('../shared/corpus/reports/lulu300-m2-miage-memoire.pdf');
    const found = await imagePages(memoir);
    expect(found.length).toBe(67);
    expect(found.filter(Boolean)).toEqual([]);
  });

  it('does not take a page of text for images', async () => {
    const bytes = await makePdf({
      pages: 2,
      sections: [{ title: 'Introduction', level: 1 }],
      seed: 3,
    });
    expect(await imagePages(bytes)).toEqual([false, false]);
  });
});
