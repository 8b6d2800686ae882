import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.ts';
import { isReadError, readDossier, type ReadOptions } from '../../pipeline/read/index.ts';
import { makeDocx, makePdf, planDossier, type DossierSpec } from '../fixtures/dossier/generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'recevable-generated-'));

const SECTIONS: DossierSpec['sections'] = [
  { title: 'Introduction' },
  { title: 'Présentation de l’entreprise' },
  { title: 'Organisation du service', level: 2 },
  { title: 'Mission principale' },
  { title: 'Analyse du besoin', level: 2 },
  { title: 'Réalisation technique', level: 2 },
  { title: 'Bilan des compétences' },
  { title: 'Conclusion' },
];

async function read(
  spec: DossierSpec,
  kind: 'pdf' | 'docx',
  options: ReadOptions = {},
): Promise<Document> {
  const bytes = kind === 'pdf' ? await makePdf(spec) : await makeDocx(spec);
  const path = join(dir, `${Math.random().toString(36).slice(2)}.${kind}`);
  writeFileSync(path, bytes);
  const result = await readDossier(path, options);
  if (isReadError(result)) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

const headingPages = (doc: Document) => doc.headings.map((h) => ({ text: h.text, page: h.page }));

describe('generator', () => {
  it('gives the same bytes for the same spec', async () => {
    const spec = { pages: 5, sections: SECTIONS.slice(0, 3) };
    expect(Buffer.from(await makePdf(spec)).equals(Buffer.from(await makePdf(spec)))).toBe(true);
    expect(Buffer.from(await makeDocx(spec)).equals(Buffer.from(await makeDocx(spec)))).toBe(true);
  });
});

describe('reading generated PDF dossiers', () => {
  it('finds the exact page count, the outline headings on their pages and the Sommaire', async () => {
    const spec: DossierSpec = { pages: 55, sections: SECTIONS };
    const doc = await read(spec, 'pdf');
    const plan = planDossier(spec);
    expect(doc.pages).toEqual({ count: 55, method: 'pdf', exact: true });
    expect(doc.toc?.pages).toEqual([plan.tocPage]);
    expect(headingPages(doc)).toEqual([
      { text: 'Sommaire', page: 2 },
      ...plan.headings.map(({ text, page }) => ({ text, page })),
    ]);
    expect(doc.headings.find((h) => h.text === 'Analyse du besoin')?.level).toBe(2);
    for (const h of doc.headings) expect(doc.text.startsWith(h.text, h.offset), h.text).toBe(true);
  });

  it('removes the running header and the "Page n sur N" footer from the text', async () => {
    const doc = await read({ pages: 8, sections: SECTIONS.slice(0, 4) }, 'pdf');
    expect(doc.text).not.toMatch(/Page \d+ sur 8/);
    expect(doc.text).not.toContain('Dossier professionnel — Session 2023');
    expect(doc.pageOffsets).toHaveLength(8);
    expect(doc.words).toBeGreaterThan(1000);
  });

  it('finds headings from typography when there are no bookmarks, and skips the TOC lines', async () => {
    const spec: DossierSpec = { pages: 20, sections: SECTIONS, bookmarks: false };
    const doc = await read(spec, 'pdf');
    const plan = planDossier(spec);
    expect(doc.headings.every((h) => h.source !== 'outline')).toBe(true);
    expect(headingPages(doc)).toEqual([
      { text: 'Sommaire', page: 2 },
      ...plan.headings.map(({ text, page }) => ({ text, page })),
    ]);
    expect(doc.headings.find((h) => h.text === 'Organisation du service')?.level).toBe(2);
  });

  it('finds numbered headings ("2.1 …") with their levels', async () => {
    const spec: DossierSpec = {
      pages: 12,
      sections: SECTIONS,
      bookmarks: false,
      headingStyle: 'numbered',
    };
    const doc = await read(spec, 'pdf');
    expect(doc.headings.find((h) => h.text === '2.1 Organisation du service')).toMatchObject({
      level: 2,
      page: 5,
    });
    expect(doc.headings.find((h) => h.text === '5. Conclusion')?.level).toBe(1);
  });

  it('finds bold headings at body size', async () => {
    const spec: DossierSpec = {
      pages: 10,
      sections: SECTIONS.slice(0, 4),
      bookmarks: false,
      headingStyle: 'bold',
      toc: false,
    };
    const doc = await read(spec, 'pdf');
    expect(doc.headings.map((h) => h.text)).toEqual(SECTIONS.slice(0, 4).map((s) => s.title));
  });

  it('reports image-only pages as scanned and the text layer as partial', async () => {
    const doc = await read({ pages: 9, sections: SECTIONS.slice(0, 4), scanned: [5, 6] }, 'pdf');
    expect(doc.scannedPages).toEqual([5, 6]);
    expect(doc.textLayer).toBe('partial');
    expect(doc.warnings.map((w) => w.code)).toContain('READ_PDF_SCANNED_PAGES');
  });

  it('reports a fully scanned dossier as having no text layer', async () => {
    const doc = await read({ pages: 3, sections: [], scanned: [1, 2, 3] }, 'pdf');
    expect(doc.textLayer).toBe('none');
    expect(doc.words).toBe(0);
  });
});

describe('reading generated DOCX dossiers', () => {
  it('counts pages exactly with LibreOffice and places styled headings on their pages', async () => {
    const spec: DossierSpec = { pages: 14, sections: SECTIONS };
    const doc = await read(spec, 'docx');
    const plan = planDossier(spec);
    expect(doc.pages).toEqual({ count: 14, method: 'libreoffice', exact: true });
    expect(headingPages(doc)).toEqual([
      { text: 'Sommaire', page: 2 },
      ...plan.headings.map(({ text, page }) => ({ text, page })),
    ]);
    expect(doc.toc?.pages).toEqual([2]);
  });

  it('takes French style ids with outline levels (Titre1, Titre2) as headings, not the Title', async () => {
    const doc = await read(
      { pages: 8, sections: SECTIONS, styleIds: ['Titre1', 'Titre2'] },
      'docx',
      { libreoffice: false },
    );
    expect(doc.headings.filter((h) => h.source === 'style').map((h) => [h.level, h.text])).toEqual([
      [1, 'Sommaire'],
      ...SECTIONS.map((s) => [s.level ?? 1, s.title]),
    ]);
    expect(doc.headings.some((h) => h.text === 'Dossier professionnel')).toBe(false);
    for (const h of doc.headings) expect(doc.text.startsWith(h.text, h.offset), h.text).toBe(true);
  });

  it('falls back to bold paragraphs when no style marks the headings', async () => {
    const doc = await read(
      { pages: 8, sections: SECTIONS.slice(0, 5), headingStyle: 'bold', toc: false },
      'docx',
      { libreoffice: false },
    );
    expect(doc.headings.map((h) => h.text)).toEqual(SECTIONS.slice(0, 5).map((s) => s.title));
    expect(doc.headings.every((h) => h.source === 'bold')).toBe(true);
  });

  it('falls back to numbered paragraphs ("1.2 …") with their depth', async () => {
    const doc = await read(
      { pages: 8, sections: SECTIONS, headingStyle: 'numbered', toc: false },
      'docx',
      { libreoffice: false },
    );
    expect(doc.headings.map((h) => [h.level, h.text]).slice(0, 3)).toEqual([
      [1, '1. Introduction'],
      [1, '2. Présentation de l’entreprise'],
      [2, '2.1 Organisation du service'],
    ]);
  });

  it("without LibreOffice, uses Word's own count as a range, its floor raised by page breaks, never exact", async () => {
    const doc = await read({ pages: 12, sections: SECTIONS, appPages: 12 }, 'docx', {
      libreoffice: false,
    });
    expect(doc.pages).toEqual({ count: 12, method: 'docx-app-xml', exact: false, range: [12, 13] });
    expect(doc.warnings.map((w) => w.code)).toContain('READ_PAGES_ESTIMATED');
  });

  it('ignores a page count written by another application than Word', async () => {
    const doc = await read(
      { pages: 12, sections: SECTIONS, appPages: 3, application: 'LibreOffice/7.4' },
      'docx',
      { libreoffice: false },
    );
    expect(doc.pages.method).toBe('page-breaks');
    expect(doc.pages.exact).toBe(false);
    expect(doc.pages.range?.[0]).toBe(12);
  });
});

describe('reading PDFs whose bookmarks are not a plan', () => {
  it('ignores a lone bookmark and reads the headings from typography', async () => {
    const doc = await read({ pages: 6, sections: [{ title: 'Introduction' }], toc: false }, 'pdf');
    expect(doc.headings).toEqual([
      expect.objectContaining({ text: 'Introduction', page: 2, source: 'typography' }),
    ]);
  });
});
