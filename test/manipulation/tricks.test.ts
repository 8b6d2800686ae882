import { describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.ts';
import { manipulation } from '../../pipeline/manipulation/check.ts';
import { findTricks } from '../../pipeline/manipulation/tricks.ts';
import { analyse } from '../../pipeline/similarity/analyse.ts';
import { prepare } from '../../pipeline/similarity/prepare.ts';
import { fromDocument } from '../../pipeline/similarity/text-source.ts';
import { prose } from '../similarity/prose.ts';

const submission = {
  candidate: 'C001',
  file: 'submissions/C001.pdf',
  receivedAt: '2023-08-24T10:00',
};

/** A Document of the given pages of text. */
function documentOf(pages: string[], extra: Partial<Document> = {}): Document {
  const pageOffsets: number[] = [];
  let text = '';
  for (const page of pages) {
    pageOffsets.push(text.length);
    text += `${page}\n\n`;
  }
  return {
    format: 'pdf',
    pages: { count: pages.length, method: 'pdf', exact: true },
    textLayer: 'full',
    scannedPages: [],
    headings: [],
    text,
    pageOffsets,
    words: text.split(/\s+/).length,
    warnings: [],
    meta: {},
    ...extra,
  };
}

/** Every other `a`, `e`, `o` of a text swapped for its Cyrillic look-alike. */
const cyrillic = (text: string): string => {
  let n = 0;
  return text.replace(/[aeo]/g, (c) =>
    n++ % 2 === 0 ? ({ a: 'а', e: 'е', o: 'о' } as Record<string, string>)[c]! : c,
  );
};
/** A zero-width space in the middle of every word of 6 letters or more. */
const zeroWidth = (text: string): string =>
  text.replace(/\p{L}{6,}/gu, (w) => `${w.slice(0, 3)}\u200B${w.slice(3)}`);

describe('character tricks', () => {
  it('counts words written with look-alike letters by page, and names them', () => {
    const doc = documentOf([prose(1, 200), cyrillic(prose(2, 100)), prose(3, 100)]);
    const [trick, ...rest] = findTricks(doc);
    expect(rest).toEqual([]);
    expect(trick).toMatchObject({
      trick: 'look-alike-letters',
      unit: 'words',
      pages: [{ page: 2 }],
    });
    expect(trick!.count).toBeGreaterThan(40);
    expect(trick!.samples[0]).toMatch(/<U\+04(30|35|3E)>/);
    const found = manipulation(doc, submission)!;
    expect(found).toMatchObject({ rule: 'manipulation', status: 'review', place: { page: 2 } });
    expect(found.message).toMatch(
      /^Manipulation du texte\u00a0: \d+ mots écrits avec des lettres d'un autre alphabet \(p\.\u00a02\)/,
    );
  });

  it('counts invisible characters inside words, not between them', () => {
    const doc = documentOf([prose(1, 100), `${zeroWidth(prose(2, 100))} fin\u200B \u200Bdu texte`]);
    const tricks = findTricks(doc);
    expect(tricks.map((t) => t.trick)).toEqual(['invisible-characters']);
    expect(tricks[0]!.pages).toEqual([{ page: 2, count: tricks[0]!.count }]);
    expect(tricks[0]!.samples[0]).toContain('<U+200B>');
    expect(manipulation(doc, submission)?.status).toBe('review');
  });

  it('gives no finding for a clean dossier and passes one accident (a Greek letter in a formula)', () => {
    expect(manipulation(documentOf([prose(1, 500)]), submission)).toBeUndefined();
    const formula = documentOf([
      `${prose(1, 300)} avec un risque α = 0,05 et un coefficient de Рearson.`,
    ]);
    const found = manipulation(formula, submission);
    expect(found?.status).toBe('pass');
    expect(found?.evidence).toMatchObject({
      tricks: [{ trick: 'look-alike-letters', count: 1, held: false }],
    });
  });

  it('leaves OCR pages out: a recogniser mistaking letters is not a trick', () => {
    const doc = documentOf([prose(1, 100), cyrillic(prose(2, 100))], {
      pageText: [{ page: 2, text: 'ocr', confidence: 0.8, words: 100 }],
    });
    expect(findTricks(doc)).toEqual([]);
  });

  it('lists hidden text by kind and page', () => {
    const doc = documentOf([prose(1, 100), prose(2, 100)], {
      hidden: [
        { kind: 'white', page: 2, words: 40, sample: 'le projet' },
        { kind: 'white', page: 1, words: 10, sample: 'la mission' },
        { kind: 'tiny', page: 2, words: 3, sample: 'trois mots ici' },
      ],
    });
    const found = manipulation(doc, submission)!;
    expect(found.status).toBe('review');
    expect(found.evidence['tricks']).toMatchObject([
      {
        trick: 'white-text',
        count: 50,
        pages: [
          { page: 1, count: 10 },
          { page: 2, count: 40 },
        ],
        held: true,
      },
      { trick: 'tiny-text', count: 3, held: false },
    ]);
    expect(found.message).toContain('50 mots en texte blanc (p.\u00a01, 2)');
  });
});

describe('the copy is still found', () => {
  const source = prose(50, 1500);
  const copied = prose(51, 600);
  const corpus = prepare('src', `${source}\n${copied}`, {});

  it('through look-alike letters and zero-width characters', () => {
    for (const trick of [cyrillic, zeroWidth]) {
      const own = prose(52, 1800);
      const doc = documentOf([own, trick(copied)]);
      const { text, layout } = fromDocument(doc);
      const result = analyse(prepare('a', text, layout), [
        { ref: { id: 'src', kind: 'corpus' }, doc: corpus },
      ]);
      expect(Math.abs(result.share - 600 / 2400)).toBeLessThan(0.03);
    }
  });

  it('without the hidden text that dilutes it', () => {
    const own = prose(53, 1800);
    const filler = prose(54, 6000);
    const pages = [own, copied, filler];
    const doc = documentOf(pages);
    const start = doc.text.indexOf(filler);
    doc.hidden = [
      { kind: 'white', page: 3, start, end: start + filler.length, words: 6000, sample: '' },
    ];
    const { text, layout } = fromDocument(doc);
    const result = analyse(prepare('a', text, layout), [
      { ref: { id: 'src', kind: 'corpus' }, doc: corpus },
    ]);
    expect(Math.abs(result.share - 600 / 2400)).toBeLessThan(0.03);
    expect(result.excludedWords.hidden).toBeGreaterThan(5900);
  });
});
