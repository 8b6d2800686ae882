import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.ts';
import { pages } from '../../pipeline/checks/pages.ts';
import { layoutPages } from '../../pipeline/read/docx-layout.ts';
import { renderedBreaks, unrenderedPages, wordPages } from '../../pipeline/read/docx-pages.ts';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';
import { convertAll, makeVariantDocx, pdfPages, put } from '../bench/docx-samples.ts';
import { session, submission } from '../checks/support.ts';
import type { DossierSpec } from '../fixtures/dossier/generate.ts';

const app = (application: string, pages?: number): string =>
  `<Properties><Application>${application}</Application>${pages === undefined ? '' : `<Pages>${pages}</Pages>`}</Properties>`;
const body = (xml: string, sectPr = '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>'): string =>
  `<w:document><w:body>${xml}${sectPr}</w:body></w:document>`;
const para = (chars: number, pPr = ''): string =>
  `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${'x'.repeat(chars)}</w:t></w:r></w:p>`;
const styles = (defaults: string): string =>
  `<w:styles><w:docDefaults>${defaults}</w:docDefaults></w:styles>`;

describe('DOCX page counts without rendering', () => {
  it('trusts <Pages> only from Microsoft Word', () => {
    expect(wordPages(app('Microsoft Office Word', 54))).toBe(54);
    expect(wordPages(app('Microsoft Macintosh Word', 54))).toBe(54);
    expect(wordPages(app('LibreOffice/7.4.7.2$Linux_X86_64', 54))).toBeUndefined();
    expect(wordPages(app('Microsoft Office Word'))).toBeUndefined();
    expect(wordPages(undefined)).toBeUndefined();
  });

  it("counts Word's last layout apart", () => {
    expect(renderedBreaks('<w:r><w:lastRenderedPageBreak/></w:r><w:br/>')).toBe(1);
  });

  it('starts a page at each page-break run, page-break-before and next-page section', () => {
    const xml = body(
      para(10) +
        `<w:p><w:r><w:t>a</w:t><w:br w:type="page"/><w:t>b</w:t></w:r></w:p>` +
        para(10, '<w:pageBreakBefore/>') +
        para(10, '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>') +
        para(10),
    );
    expect(layoutPages(xml, '')).toEqual({ pages: 4, forced: 4 });
  });

  it("does not count the last section's own next-page start as a break", () => {
    // LibreOffice writes <w:type w:val="nextPage"/> in the body's final sectPr: a 49-page
    // dossier with 48 breaks was read as at least 50 pages.
    expect(layoutPages(body(para(10) + para(10, '<w:pageBreakBefore/>')), '').forced).toBe(2);
    expect(
      layoutPages(
        body(
          para(10, '<w:sectPr><w:type w:val="continuous"/></w:sectPr>') + para(10),
          '<w:sectPr><w:type w:val="continuous"/></w:sectPr>',
        ),
        '',
      ).forced,
    ).toBe(1);
  });

  it('gives no line to the empty end of a paragraph that closes with a page break', () => {
    // LibreOffice ends a page with a break run in its last paragraph: 60 lines of 10 pt fill
    // the page, the next page holds 60 more.
    const line = para(50);
    const page =
      line.repeat(59) + line.replace('</w:t></w:r>', '</w:t><w:br w:type="page"/></w:r>');
    expect(layoutPages(body(page + line.repeat(60)), '')).toEqual({ pages: 2, forced: 2 });
  });

  it('lays out longer pages for a bigger font and wider line spacing', () => {
    const text = body(Array.from({ length: 300 }, () => para(500)).join(''));
    const small = layoutPages(
      text,
      styles('<w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault>'),
    );
    const large = layoutPages(
      text,
      styles(
        '<w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault>' +
          '<w:pPrDefault><w:pPr><w:spacing w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault>',
      ),
    );
    expect(small.pages).toBeGreaterThan(20);
    expect(large.pages / small.pages).toBeGreaterThan(2);
    expect(small.forced).toBe(1);
  });

  it('never reports a count as exact, and gives a range that contains it', () => {
    for (const result of [
      unrenderedPages(body(para(100)), app('Microsoft Office Word', 54), ''),
      unrenderedPages(body(para(100) + para(100, '<w:pageBreakBefore/>').repeat(9)), undefined, ''),
      unrenderedPages(body(Array.from({ length: 300 }, () => para(500)).join('')), undefined, ''),
    ]) {
      expect(result.exact).toBe(false);
      const [low, high] = result.range ?? [0, 0];
      expect(result.count).toBeGreaterThanOrEqual(low);
      expect(result.count).toBeLessThanOrEqual(high);
    }
  });

  it('never puts the range below the pages the explicit breaks start', () => {
    const tenPages = body(para(100) + para(100, '<w:pageBreakBefore/>').repeat(9));
    expect(unrenderedPages(tenPages, undefined, '')).toMatchObject({
      method: 'page-breaks',
      count: 10,
    });
    expect(unrenderedPages(tenPages, undefined, '').range?.[0]).toBe(10);
  });
});

const SECTIONS: DossierSpec['sections'] = [
  { title: 'Introduction' },
  { title: 'Environnement professionnel' },
  { title: 'Organisation du service', level: 2 },
  { title: 'Valorisation des compétences' },
  { title: 'Conclusion' },
];

/** A DOCX read without LibreOffice, and the pages LibreOffice renders it on. */
interface Measured {
  name: string;
  estimated: Document['pages'];
  rendered: number;
}

describe("DOCX page estimates against LibreOffice's rendering", () => {
  const measured = new Map<string, Measured>();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recevable-docx-pages-'));
    const generated = join(dir, 'generated');
    const samples: [string, DossierSpec, Parameters<typeof makeVariantDocx>[1]][] = [
      [
        'breaks-49',
        { pages: 49, sections: SECTIONS },
        { layout: 'breaks', typography: 'word', lengths: 'prose' },
      ],
      [
        'breaks-60-short',
        { pages: 60, sections: SECTIONS, headingStyle: 'bold' },
        { layout: 'breaks', typography: 'school', lengths: 'short' },
      ],
      [
        'chapters-school',
        { pages: 80, sections: SECTIONS },
        { layout: 'chapters', typography: 'school', lengths: 'prose' },
      ],
      [
        'flow-word',
        { pages: 110, sections: SECTIONS, headingStyle: 'numbered' },
        { layout: 'flow', typography: 'word', lengths: 'long' },
      ],
    ];
    for (const [name, spec, variant] of samples)
      put(generated, `${name}.docx`, await makeVariantDocx(spec, variant));
    // One LibreOffice run saves the generated files and the corpus ODT as its own DOCX…
    copyFileSync(
      '../shared/corpus/reports/lovasoa-af83-rapport.odt',
      join(generated, 'lovasoa.odt'),
    );
    const all = join(dir, 'all');
    mkdirSync(all);
    for (const made of convertAll(generated, 'docx', join(dir, 'made')))
      copyFileSync(made, join(all, `libreoffice-${basename(made)}`));
    for (const [name] of samples)
      copyFileSync(join(generated, `${name}.docx`), join(all, `generated-${name}.docx`));
    // …and another renders them all.
    for (const pdf of convertAll(all, 'pdf', join(dir, 'pdf'))) {
      const docx = join(all, basename(pdf).replace(/\.pdf$/, '.docx'));
      const doc = await readDossier(docx, { libreoffice: false });
      if (isReadError(doc)) throw new Error(`${docx}: ${doc.error.message}`);
      const name = basename(docx, '.docx').replace('-', '/');
      measured.set(name, { name, estimated: doc.pages, rendered: await pdfPages(pdf) });
    }
  }, 600_000);

  it('gives ranges that contain the rendered count, for generated and LibreOffice-made DOCX', () => {
    const names = ['breaks-49', 'breaks-60-short', 'chapters-school', 'flow-word'];
    expect([...measured.keys()].sort()).toEqual(
      [
        ...names.map((n) => `generated/${n}`),
        ...[...names, 'lovasoa'].map((n) => `libreoffice/${n}`),
      ].sort(),
    );
    for (const { name, estimated, rendered } of measured.values()) {
      expect(estimated.exact, name).toBe(false);
      const [low, high] = estimated.range ?? [estimated.count, estimated.count];
      expect(
        rendered,
        `${name}: ${estimated.method} ${estimated.count} [${low}–${high}]`,
      ).toBeGreaterThanOrEqual(low);
      expect(
        rendered,
        `${name}: ${estimated.method} ${estimated.count} [${low}–${high}]`,
      ).toBeLessThanOrEqual(high);
    }
  });

  it('does not admit a 49-page dossier that LibreOffice saved as DOCX', () => {
    const sample = measured.get('libreoffice/breaks-49');
    expect(sample?.rendered).toBe(49);
    const estimated = sample?.estimated ?? { count: 0, method: 'estimate', exact: false };
    expect(estimated.range?.[0]).toBeLessThanOrEqual(49);
    const found = pages({ ...docOf(estimated) }, submission(), session);
    expect(found.status).not.toBe('pass');
    expect(found.status).toBe('review');
  });
});

function docOf(estimated: Document['pages']): Document {
  return {
    format: 'docx',
    pages: estimated,
    textLayer: 'full',
    scannedPages: [],
    headings: [],
    text: '',
    pageOffsets: [0],
    words: 0,
    warnings: [],
    meta: {},
  };
}
