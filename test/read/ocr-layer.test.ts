/**
 * A scan with an OCR text layer (one JPEG per page under invisible text, as scanners and
 * `ocrmypdf` make them) is read from its text layer without decoding a page image: its pages
 * are counted, its text and headings found, within 300 MB of memory for the whole reader.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';
import { readerFlags } from '../../pipeline/read/pool.ts';
import type { DossierSpec } from '../fixtures/dossier/generate.ts';
import { makeOcrScan } from '../fixtures/dossier/scan.ts';

const run = promisify(execFile);

/** The plan of a real dossier, 58 pages: the size of the files staff receive. */
export const SCANNED_DOSSIER: DossierSpec = {
  pages: 58,
  seed: 58,
  sections: [
    { title: 'Introduction', level: 1 },
    { title: 'Présentation de l’entreprise', level: 1 },
    { title: 'Missions réalisées', level: 1 },
    { title: 'Compétences mises en œuvre', level: 1 },
    { title: 'Conclusion', level: 1 },
  ],
};

/** Peak resident memory of a process started as the reader's child is, that reads `file`. */
async function peakRss(file: string): Promise<{ mb: number; pages: number; words: number }> {
  const script = `
    const { readDossierInProcess } = await import(${JSON.stringify(new URL('../../pipeline/read/in-process.ts', import.meta.url).href)});
    const doc = await readDossierInProcess(${JSON.stringify(file)});
    if ('error' in doc) throw new Error(doc.error.message);
    process.stdout.write(JSON.stringify({ mb: process.resourceUsage().maxRSS / 1024, pages: doc.pages.count, words: doc.words }));
  `;
  const { stdout } = await run(
    process.execPath,
    [...readerFlags(512), '--input-type=module', '-e', script],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout) as { mb: number; pages: number; words: number };
}

describe('a scanned dossier with an OCR text layer', () => {
  it('is read from its text layer, 58 pages, within 300 MB', async () => {
    const scan = await makeOcrScan(SCANNED_DOSSIER);
    expect(statSync(scan).size).toBeGreaterThan(3 * 1024 * 1024);
    const { mb, pages, words } = await peakRss(scan);
    expect(pages).toBe(58);
    expect(words).toBeGreaterThan(8000);
    expect(mb).toBeLessThan(300);
    // And through the reader's own child process, whose heap is capped lower than that.
    const doc = await readDossier(scan, { memoryMb: 300 });
    if (isReadError(doc)) throw new Error(doc.error.message);
    expect(doc.textLayer).toBe('full');
    expect(doc.headings.map((h) => h.text)).toEqual(
      expect.arrayContaining(['Introduction', 'Conclusion']),
    );
  }, 900_000);
});
