/**
 * The whole PDF reading (text, bold, scanned pages, hidden text) goes over each page once:
 * the hidden-text search reads the operator list the text pass builds, instead of building
 * every page's again in a second pass (issue 19, item 5: the reader within 1.15 × of
 * pdf.js's own floor).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { closePdf, openPdf } from '../../pipeline/read/pdf-load.ts';
import { readPdf } from '../../pipeline/read/pdf.ts';
import { manipulatedPdf, ownProse } from '../manipulation/files.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Operator lists built per page while `run` reads. */
async function operatorLists(
  bytes: Uint8Array,
  run: () => Promise<unknown>,
): Promise<Map<number, number>> {
  // pdf.js does not export its page class: its prototype is that of a page.
  const doc = await openPdf(bytes);
  const proto = Object.getPrototypeOf(await doc.getPage(1)) as PDFPageProxy;
  await closePdf(doc);
  const built = new Map<number, number>();
  // The spy counts, then calls pdf.js's own method on its page: nothing is replaced.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to its page below
  const original = proto.getOperatorList;
  vi.spyOn(proto, 'getOperatorList').mockImplementation(function (this: PDFPageProxy, ...args) {
    built.set(this.pageNumber, (built.get(this.pageNumber) ?? 0) + 1);
    return original.apply(this, args);
  });
  await run();
  return built;
}

describe('one pass over the pages', () => {
  it('builds each page’s operator list once, with hidden text still found', async () => {
    const prose = (seed: number) =>
      ownProse(seed, 3).map((text) => ({ kind: 'text' as const, text }));
    const secret = 'texte caché en blanc sur blanc que le lecteur ne voit pas';
    const bytes = await manipulatedPdf([
      prose(1),
      [...prose(2), { kind: 'white', text: secret }],
      prose(3),
      prose(4),
    ]);
    let hidden: unknown;
    const built = await operatorLists(bytes, async () => {
      const doc = await readPdf(bytes);
      if ('kind' in doc) throw new Error(doc.detail);
      hidden = doc.hidden;
    });
    expect([...built.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(Math.max(...built.values())).toBe(1);
    expect(hidden).toEqual([expect.objectContaining({ kind: 'white', page: 2 })]);
  });

  it('reads a real report with no page’s operators built twice', async () => {
    const dir = '../shared/corpus/reports';
    const file = readdirSync(dir).find((name) => name.endsWith('.pdf'));
    if (!file) throw new Error(`no PDF in ${dir}`);
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const built = await operatorLists(bytes, () => readPdf(bytes));
    expect(built.size).toBeGreaterThan(10);
    expect(Math.max(...built.values())).toBe(1);
  });
});
