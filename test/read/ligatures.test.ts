import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldLigatures, repairLigatures } from '../../pipeline/read/ligatures.ts';
import { openPdf, readPage, type Line } from '../../pipeline/read/pdf-load.ts';

const line = (text: string, size = 11, bold = false): Line => ({ text, size, bold, y: 0, x: 0 });
const texts = (pages: Line[][]): string[] => pages.flat().map((l) => l.text);

async function corpusLines(name: string): Promise<Line[][]> {
  const doc = await openPdf(new Uint8Array(readFileSync(`../shared/corpus/reports/${name}`)));
  const pages: Line[][] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push((await readPage(doc, n, true)).lines);
  await doc.loadingTask.destroy();
  return pages;
}

describe('ligature code points', () => {
  it('folds U+FB00–FB06 to their letters and keeps œ and æ', () => {
    expect(
      foldLigatures('di\ufb00érents \ufb01n \ufb02ux e\ufb03cace ra\ufb04e œuvre ex æquo'),
    ).toBe('différents fin flux efficace raffle œuvre ex æquo');
  });
});

describe('ligatures read as control characters', () => {
  it('reads each mark as the ligature that makes known words of the words it is in', () => {
    const pages = [
      [
        line('Les di\u001bérents outils, un travail e\u001bectué'),
        line('l’intelligence arti\u001ccielle'),
      ],
      [line('A\u001cn de véri\u001cer les o\u001bres, en\u001cn DI\u001bÉRENTS')],
    ];
    const { repairs } = repairLigatures(pages);
    expect(texts(pages)).toEqual([
      'Les différents outils, un travail effectué',
      'l’intelligence artificielle',
      'Afin de vérifier les offres, enfin DIFFÉRENTS',
    ]);
    expect(repairs.marks).toEqual([
      { mark: 'U+001B', ligature: 'ff', words: 4 },
      { mark: 'U+001C', ligature: 'fi', words: 4 },
    ]);
  });

  it('leaves a mark that stands for quotes or bullets, and a mark seen in one word only', () => {
    const pages = [
      [
        line(
          '\u0013Le monde\u0014 et \u0013les files\u0014 puis \u0013En bref\u0014 \u0013Watson\u0014',
        ),
      ],
      [line('\u0015 premier point'), line('Ne\u007flix')],
    ];
    const before = texts(pages);
    expect(repairLigatures(pages).repairs.marks).toEqual([]);
    expect(texts(pages)).toEqual(before);
  });

  it('repairs the real Word export whose ToUnicode maps send ff, fi, fl and ffi to controls', async () => {
    const pages = await corpusLines('takethispie-esgi-memoire.pdf');
    const { repairs } = repairLigatures(pages);
    expect(repairs.marks.map((m) => m.ligature).sort()).toEqual(['ff', 'ffi', 'fi', 'fl']);
    const text = texts(pages).join('\n');
    for (const word of ['différents', 'artificielle', 'difficile', 'flexible', 'efficace'])
      expect(text).toContain(word);
    // eslint-disable-next-line no-control-regex -- the marks the repair must leave no trace of
    expect(text).not.toMatch(/\p{L}[\u001b-\u001e]\p{L}/u);
    expect(repairs.words).toEqual([]);
  });
});

describe('ligatures that vanished without trace', () => {
  it('puts the letters back in a word alone or across the gap the glyph left', () => {
    const pages = [
      [line('Travail e ectué', 18, true), line('Missions con ées', 18, true)],
      [line('Les diérents outils', 18, true), line('Conclusion', 18, true)],
    ];
    const { repairs } = repairLigatures(pages);
    expect(texts(pages)).toEqual([
      'Travail effectué',
      'Missions confiées',
      'Les différents outils',
      'Conclusion',
    ]);
    expect(repairs.words).toEqual([
      { from: 'e ectué', to: 'effectué', page: 1 },
      { from: 'con ées', to: 'confiées', page: 1 },
      { from: 'diérents', to: 'différents', page: 2 },
    ]);
  });

  it('never welds two known words, never changes a known word or an elision', () => {
    const pages = [[line('le chier sur l’intégration, une aire de jeu')]];
    const before = texts(pages);
    expect(repairLigatures(pages).repairs.words).toEqual([]);
    expect(texts(pages)).toEqual(before);
  });

  it('leaves unknown words of a style whose intact ligatures outnumber them (typos, English)', () => {
    const body = Array.from({ length: 3 }, () => line('afin de définir le fichier officiel'));
    const pages = [[...body, line('les critères perme ant de ribuer le core du test, true')]];
    expect(repairLigatures(pages).repairs.words).toEqual([]);
    expect(texts(pages).at(-1)).toBe('les critères perme ant de ribuer le core du test, true');
  });

  it('changes no word of the real dossiers whose ligatures are intact', async () => {
    for (const name of [
      'fabienmcl-m2-miage-memoire.pdf',
      'lovasoa-af83-rapport.pdf',
      'lulu300-m2-miage-memoire.pdf',
      'mhor-edu-esgi-5al-memoire.pdf',
    ]) {
      const pages = await corpusLines(name);
      expect(repairLigatures(pages).repairs.words, name).toEqual([]);
    }
  });
});
