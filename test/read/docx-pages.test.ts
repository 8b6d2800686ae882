import { describe, expect, it } from 'vitest';
import {
  countBreaks,
  estimatePages,
  unrenderedPages,
  wordPages,
} from '../../pipeline/read/docx-pages.ts';

const app = (application: string, pages?: number): string =>
  `<Properties><Application>${application}</Application>${pages === undefined ? '' : `<Pages>${pages}</Pages>`}</Properties>`;
const para = (chars: number) => ({
  text: 'x'.repeat(chars),
  styleId: null,
  styleName: null,
  bold: false,
  size: null,
  numbered: false,
});

describe('DOCX page counts without rendering', () => {
  it("counts page-break runs, page-break-before and next-page sections, and Word's last layout apart", () => {
    const xml =
      '<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>' +
      '<w:sectPr><w:type w:val="nextPage"/></w:sectPr><w:r><w:lastRenderedPageBreak/></w:r><w:br/>';
    expect(countBreaks(xml)).toEqual({ explicit: 3, rendered: 1 });
  });

  it('trusts <Pages> only from Microsoft Word', () => {
    expect(wordPages(app('Microsoft Office Word', 54))).toBe(54);
    expect(wordPages(app('LibreOffice/7.4.7.2$Linux_X86_64', 54))).toBeUndefined();
    expect(wordPages(app('Microsoft Office Word'))).toBeUndefined();
    expect(wordPages(undefined)).toBeUndefined();
  });

  it('estimates about 44 lines of 95 characters a page', () => {
    expect(estimatePages([para(10)])).toBe(1);
    expect(estimatePages(Array.from({ length: 200 }, () => para(400)))).toBeGreaterThanOrEqual(20);
  });

  it('never reports a count as exact, and gives a range that contains it', () => {
    for (const result of [
      unrenderedPages('', app('Microsoft Office Word', 54), [para(100)]),
      unrenderedPages('<w:br w:type="page"/>'.repeat(9), undefined, [para(100)]),
      unrenderedPages(
        '',
        undefined,
        Array.from({ length: 300 }, () => para(500)),
      ),
    ]) {
      expect(result.exact).toBe(false);
      const [low, high] = result.range ?? [0, 0];
      expect(result.count).toBeGreaterThanOrEqual(low);
      expect(result.count).toBeLessThanOrEqual(high);
    }
    expect(
      unrenderedPages('<w:br w:type="page"/>'.repeat(9), undefined, [para(100)]).range?.[0],
    ).toBe(10);
  });
});
