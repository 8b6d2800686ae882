import { describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.ts';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';

const corpus = (name: string): string => `../shared/corpus/reports/${name}`;

async function read(name: string): Promise<Document> {
  const result = await readDossier(corpus(name));
  if (isReadError(result)) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result;
}

/** The page of the first heading whose text is `text` (case and spacing aside). */
const pageOf = (doc: Document, text: string): number | undefined =>
  doc.headings.find((h) => h.text.toLowerCase().replace(/\s+/g, ' ') === text.toLowerCase())?.page;

// Page counts from ../shared/corpus/README.md; heading pages as printed in each file.
describe('reading the real dossiers of ../shared/corpus', () => {
  it('reads the pdfTeX memoir with bookmarks: 59 pages, chapters on their pages, its TOC', async () => {
    const doc = await read('fabienmcl-m2-miage-memoire.pdf');
    expect(doc.pages).toEqual({ count: 59, method: 'pdf', exact: true });
    expect(pageOf(doc, 'Introduction')).toBe(12);
    expect(pageOf(doc, 'État de l’art')).toBe(28);
    expect(pageOf(doc, 'Conclusion')).toBe(53);
    expect(doc.toc?.pages).toContain(9);
    expect(doc.textLayer).toBe('full');
  });

  it('reads the Ghostscript memoir: 56 pages, English "Contents" as the TOC', async () => {
    const doc = await read('mhor-edu-esgi-5al-memoire.pdf');
    expect(doc.pages.count).toBe(56);
    expect(pageOf(doc, 'Abstract')).toBe(4);
    expect(pageOf(doc, 'Résumé')).toBe(5);
    expect(doc.toc?.pages).toEqual([2, 3, 4]);
  });

  it('reads the XeTeX memoir without bookmarks from its typography, ligatures repaired', async () => {
    const doc = await read('lulu300-m2-miage-memoire.pdf');
    expect(doc.pages.count).toBe(67);
    expect(doc.headings.every((h) => h.source !== 'outline')).toBe(true);
    expect(pageOf(doc, 'Sommaire')).toBe(9);
    expect(pageOf(doc, 'Introduction')).toBe(11);
    expect(pageOf(doc, '1.1 Architecture Lambda')).toBe(15);
    expect(doc.text).toContain('Introduction');
    // The cover's title is not a heading.
    expect(doc.headings.some((h) => h.page === 1)).toBe(false);
  });

  it('adds the unnumbered Introduction and Conclusion that the bookmarks leave out', async () => {
    const doc = await read('takethispie-esgi-memoire.pdf');
    expect(doc.pages.count).toBe(46);
    expect(pageOf(doc, 'Introduction')).toBe(1);
    expect(pageOf(doc, 'Conclusion')).toBe(46);
    expect(doc.headings.find((h) => h.text.startsWith('III Vers une synergie'))?.page).toBe(36);
  });

  it('reads the short LaTeX report: 6 pages, sections at level 2', async () => {
    const doc = await read('lovasoa-af83-rapport.pdf');
    expect(doc.pages.count).toBe(6);
    expect(pageOf(doc, 'Contexte')).toBe(1);
    expect(doc.headings.find((h) => h.text === 'Déceptions')).toMatchObject({ level: 2, page: 5 });
    expect(doc.toc).toBeUndefined();
  });

  it('reads the same report as ODT: headings with outline levels, pages rendered by LibreOffice', async () => {
    const doc = await read('lovasoa-af83-rapport.odt');
    expect(doc.format).toBe('odt');
    expect(doc.pages.method).toBe('libreoffice');
    expect(doc.pages.count).toBeGreaterThanOrEqual(4);
    expect(doc.headings.map((h) => h.text)).toEqual(
      expect.arrayContaining(['Contexte', 'Déroulement du stage', "Ce que j'ai appris"]),
    );
    expect(doc.headings.find((h) => h.text === 'Contexte')?.page).toBe(1);
  });
});

describe('reading the ODT without LibreOffice', () => {
  it('estimates its pages from meta.xml as a range, never exact', async () => {
    const result = await readDossier(corpus('lovasoa-af83-rapport.odt'), { libreoffice: false });
    if (isReadError(result)) throw new Error(result.error.message);
    expect(result.pages).toMatchObject({ method: 'estimate', exact: false });
    const [low = 0, high = 0] = result.pages.range ?? [];
    expect(low).toBeLessThanOrEqual(5);
    expect(high).toBeGreaterThanOrEqual(5);
    expect(result.headings.find((h) => h.text === 'Contexte')?.page).toBeUndefined();
  });
});

describe('Word documents whose own page count disagrees with LibreOffice', () => {
  it('reports both counts as a range, not as exact, with a warning', async () => {
    // POI's stress010.docx: Word recorded 118 pages, LibreOffice renders 180.
    const result = await readDossier('../shared/robustness/poi/integration/stress010.docx');
    if (isReadError(result)) throw new Error(result.error.message);
    expect(result.pages.method).toBe('libreoffice');
    expect(result.pages.exact).toBe(false);
    expect(result.pages.range?.[0]).toBe(118);
    expect(result.pages.range?.[1]).toBe(result.pages.count);
    expect(result.warnings.map((w) => w.code)).toContain('READ_PAGES_DISAGREE');
  }, 90_000);
});
