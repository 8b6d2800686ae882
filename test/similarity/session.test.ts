import { describe, expect, it } from 'vitest';
import { endMatter, quotations } from '../../pipeline/similarity/exclusions.ts';
import { templateGrams } from '../../pipeline/similarity/prepare.ts';
import { analyseSession } from '../../pipeline/similarity/session.ts';
import { prose } from './prose.ts';

const layout = { pageOffsets: [0] };
const run = (texts: Record<string, string>, options = {}) =>
  analyseSession(
    Object.entries(texts).map(([id, text]) => ({ id, candidate: id, text, layout })),
    options,
  ).analyses;

describe('exclusions', () => {
  it('finds quotations in « », “ ” and straight quotes, and ignores an unclosed quote', () => {
    const text = 'Il dit « bonjour à tous » puis “merci” et "fin" mais "ouvert\n\nsans fin';
    expect(quotations(text).map((r) => text.slice(r.start, r.end))).toEqual([
      '« bonjour à tous »',
      '“merci”',
      '"fin"',
    ]);
  });

  it('finds a bibliography by its French heading and not a table-of-contents entry', () => {
    const body = prose(1, 400);
    const text = `Sommaire\nBibliographie ........ 45\n${body}\nBibliographie\nDupont, Le cloud, 2020.\n`;
    const [range, ...rest] = endMatter(text);
    expect(rest).toEqual([]);
    expect(text.slice(range?.start)).toMatch(/^Bibliographie\nDupont/);
  });

  it('ends an annex section at the next heading when headings are known', () => {
    const text = `${prose(2, 200)}\nAnnexes\nlistes\nConclusion\n${prose(3, 50)}`;
    const offset = text.indexOf('Annexes');
    const next = text.indexOf('Conclusion');
    const [range] = endMatter(text, {
      headings: [
        { text: 'Annexes', level: 1, offset },
        { text: 'Conclusion', level: 1, offset: next },
      ],
    });
    expect(range).toMatchObject({ start: offset, end: next });
  });
});

describe('session similarity', () => {
  const copied = prose(99, 300);

  it('scores a plagiarised pair symmetrically and names the source', () => {
    const analyses = run({
      C007: `${prose(7, 1500)} ${copied} ${prose(8, 500)}`,
      C018: `${prose(18, 700)} ${copied} ${prose(19, 1300)}`,
      C020: prose(20, 2500),
    });
    const a = analyses.get('C007');
    const b = analyses.get('C018');
    expect(a?.share).toBeGreaterThan(0.1);
    expect(b?.share).toBeGreaterThan(0.1);
    expect(a?.sources.map((s) => s.id)).toEqual(['C018']);
    expect(b?.sources.map((s) => s.id)).toEqual(['C007']);
    expect(analyses.get('C020')?.share).toBe(0);
  });

  it('sets aside a passage quoted in « » and reports it as a quotation', () => {
    const analyses = run({
      C007: `${prose(7, 1500)} ${copied} ${prose(8, 500)}`,
      C012: `${prose(12, 1000)} Comme l'écrit un autre candidat : « ${copied} » ${prose(13, 1000)}`,
    });
    expect(analyses.get('C007')).toMatchObject({ share: 0, excludedPassages: { quotation: 1 } });
    const c012 = analyses.get('C012');
    expect(c012?.share).toBe(0);
    expect(c012?.excludedPassages).toEqual({ quotation: 1 });
    expect(c012?.excludedWords.quotation).toBeGreaterThanOrEqual(300);
  });

  it('sets aside a shared bibliography', () => {
    const biblio = `\nBibliographie\n${prose(55, 120)}\n`;
    const analyses = run({ A: `${prose(1, 1000)}${biblio}`, B: `${prose(2, 1000)}${biblio}` });
    expect(analyses.get('A')?.share).toBe(0);
    expect(analyses.get('A')?.excludedPassages).toEqual({ bibliography: 1 });
  });

  it('keeps a dossier sharing only the template with 20 others under 1 %', () => {
    const template = prose(500, 1200);
    const texts: Record<string, string> = {};
    for (let i = 0; i <= 20; i++) texts[`C${100 + i}`] = `${template}\n${prose(i + 1, 4000)}`;
    const withTemplate = run(texts, { template: templateGrams([template]) });
    const without = run(texts);
    for (const analyses of [withTemplate, without]) {
      for (const a of analyses.values()) expect(a.share).toBeLessThan(0.01);
    }
    expect(withTemplate.get('C100')?.excludedWords.template).toBeGreaterThan(1100);
    expect(without.get('C100')?.excludedWords.common).toBeGreaterThan(1100);
  });

  it('handles empty and word-less dossiers', () => {
    const analyses = run({ A: '', B: '!!! ???', C: prose(3, 100) });
    expect(analyses.get('A')).toMatchObject({ share: 0, ownWords: 0 });
    expect(analyses.get('B')).toMatchObject({ share: 0, ownWords: 0 });
  });
});
