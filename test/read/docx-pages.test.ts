import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../pipeline/read/docx-layout.ts';
import { renderedBreaks, unrenderedPages, wordPages } from '../../pipeline/read/docx-pages.ts';

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
