import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document as Docx, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.ts';
import { isReadError, readDossier, type ReadOptions } from '../../pipeline/read/index.ts';
import { joinLetterSpaced } from '../../pipeline/read/spacing.ts';
import { findTocs } from '../../pipeline/read/toc.ts';
import { makeDocx, makePdf, type DossierSpec } from '../fixtures/dossier/generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'recevable-headings-'));

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

const texts = (doc: Document) => doc.headings.map((h) => h.text);

const PLAN: DossierSpec['sections'] = [
  { title: 'Introduction' },
  { title: 'Environnement professionnel' },
  { title: 'L’entreprise et son marché', level: 2 },
  { title: 'Organisation du service', level: 2 },
  { title: 'Valorisation des compétences' },
  { title: 'Mission principale', level: 2 },
  { title: 'Réalisation technique', level: 2 },
  { title: 'Bilan et perspectives' },
  { title: 'Acquis du stage', level: 2 },
  { title: 'Suites envisagées', level: 2 },
  { title: 'Conclusion' },
];
const CHAPTERS = PLAN.filter((s) => (s.level ?? 1) === 1).map((s) => s.title);

describe('letter-spaced titles', () => {
  it('joins the letters into the words of the French word list', () => {
    expect(joinLetterSpaced('I N T R O D U C T I O N')).toBe('INTRODUCTION');
    expect(joinLetterSpaced('E N V I R O N N E M E N T P R O F E S S I O N N E L')).toBe(
      'ENVIRONNEMENT PROFESSIONNEL',
    );
    expect(joinLetterSpaced('V A L O R I S A T I O N D E S C O M P E T E N C E S')).toBe(
      'VALORISATION DES COMPETENCES',
    );
    expect(joinLetterSpaced('B I L A N E T P E R S P E C T I V E S')).toBe('BILAN ET PERSPECTIVES');
    expect(joinLetterSpaced("P R É S E N T A T I O N D E L ' E N T R E P R I S E")).toBe(
      "PRÉSENTATION DE L'ENTREPRISE",
    );
    // Kerning keeps "VA", "AVA" and "L’" together.
    expect(joinLetterSpaced('VA L O R I S A T I O N')).toBe('VALORISATION');
    expect(joinLetterSpaced('2 E N V I R O N N E M E N T D E T R AVA I L')).toBe(
      '2 ENVIRONNEMENT DE TRAVAIL',
    );
    expect(joinLetterSpaced('L’ E N T R E P R I S E')).toBe('L’ENTREPRISE');
    expect(joinLetterSpaced('C H A P I T R E 2 : C O N C L U S I O N')).toBe(
      'CHAPITRE 2 : CONCLUSION',
    );
  });

  it('leaves single letters of a sentence alone', () => {
    expect(joinLetterSpaced('les points A B C D du schéma')).toBe('les points A B C D du schéma');
    expect(joinLetterSpaced('soit x y z t les inconnues')).toBe('soit x y z t les inconnues');
  });

  it('reads letter-spaced all-caps headings of a PDF without bookmarks as words', async () => {
    const sections = PLAN.map((s) => ({
      ...s,
      title: s.title.toLocaleUpperCase('fr'),
      letterSpacing: 3,
    }));
    const doc = await read({ pages: 24, sections, bookmarks: false }, 'pdf');
    expect(texts(doc)).toEqual(['Sommaire', ...sections.map((s) => s.title)]);
  });
});

describe('ligatures missing from the text layer', () => {
  it('reads "Travail effectué" and "Missions confiées" whose ff and fi glyphs have no text', async () => {
    const sections = [
      { title: 'Introduction' },
      { title: 'Travail effectué', unmapped: 'ff' },
      { title: 'Missions confiées', unmapped: 'fi' },
      { title: 'Conclusion' },
    ];
    const doc = await read({ pages: 8, sections, bookmarks: false }, 'pdf');
    expect(texts(doc)).toEqual(['Sommaire', ...sections.map((s) => s.title)]);
  });
});

describe('titles printed on two lines', () => {
  const sections = PLAN.filter((s) => (s.level ?? 1) === 1).map((s) =>
    s.title === 'Valorisation des compétences'
      ? { title: 'Valorisation des\ncompétences' }
      : s.title === 'Environnement professionnel'
        ? { title: 'Environnement\nprofessionnel' }
        : s,
  );

  it.each([0, 10, 22])(
    'are one heading in a PDF without bookmarks, %i pt between the lines',
    async (gap) => {
      const spaced = sections.map((s) => ({ ...s, titleLineGap: gap }));
      const doc = await read({ pages: 12, sections: spaced, bookmarks: false }, 'pdf');
      expect(texts(doc)).toEqual(['Sommaire', ...CHAPTERS]);
    },
  );

  it('stay two headings when double-spaced lines do not read as one title', async () => {
    const doc = await read(
      {
        pages: 8,
        sections: [{ title: 'Introduction\nContexte', titleLineGap: 22 }],
        bookmarks: false,
        toc: false,
      },
      'pdf',
    );
    expect(texts(doc)).toEqual(['Introduction', 'Contexte']);
  });

  it.each([
    ['one paragraph with a line break', false],
    ['two heading paragraphs', true],
  ])('are one heading in a DOCX typed as %s', async (_, titleParagraphs) => {
    for (const headingStyle of ['styled', 'bold'] as const) {
      const doc = await read(
        {
          pages: 12,
          headingStyle,
          sections: sections.map((s) => ({ ...s, titleParagraphs })),
        },
        'docx',
        { libreoffice: false },
      );
      expect(texts(doc), headingStyle).toEqual(['Sommaire', ...CHAPTERS]);
    }
  });
});

describe('a chapter’s own « Sommaire »', () => {
  const expected = ['Sommaire', ...PLAN.map((s) => s.title)];

  it.each([true, false])(
    'is neither a heading nor the TOC of a PDF (bookmarks: %s)',
    async (bookmarks) => {
      const doc = await read({ pages: 30, sections: PLAN, miniTocs: true, bookmarks }, 'pdf');
      expect(texts(doc)).toEqual(expected);
      expect(doc.toc?.pages).toEqual([2]);
    },
  );

  it('is not taken for the TOC of a PDF that has none', async () => {
    const doc = await read(
      { pages: 30, sections: PLAN, miniTocs: true, bookmarks: false, toc: false },
      'pdf',
    );
    expect(texts(doc)).toEqual(expected.slice(1));
    expect(doc.toc).toBeUndefined();
  });

  it.each([true, false])('is not a heading of a DOCX (document TOC: %s)', async (toc) => {
    const doc = await read({ pages: 30, sections: PLAN, miniTocs: true, toc }, 'docx', {
      libreoffice: false,
    });
    expect(texts(doc)).toEqual(toc ? expected : expected.slice(1));
  });

  it('does not pull the headings of a rendered DOCX onto the page listing them', async () => {
    const doc = await read({ pages: 30, sections: PLAN, miniTocs: true }, 'docx');
    const page = (text: string) => doc.headings.find((h) => h.text === text)?.page;
    expect(page('Environnement professionnel')).toBeLessThan(page('Organisation du service')!);
    expect(page('Bilan et perspectives')).toBeLessThan(page('Suites envisagées')!);
  });

  it('finds the document TOC at the end of the document, and mini-TOCs elsewhere', () => {
    const prose = ['Le texte du chapitre se poursuit sur plusieurs lignes de prose.'];
    const pages = [
      ['Mon dossier'],
      ['Chapitre 1', 'Sommaire', '1.1 Contexte . . . . 3', '1.2 Objectifs . . . . 4', ...prose],
      ...Array.from({ length: 16 }, () => prose),
      [
        'Table des matières',
        'Introduction . . . . 2',
        '1 Contexte . . . . 3',
        '2 Mission . . . . 9',
        'Conclusion . . . . 17',
      ],
    ];
    const { toc, others } = findTocs(pages);
    expect(toc).toEqual({ pages: [19], title: 'Table des matières' });
    expect([...others]).toEqual([[2, [1, 2, 3]]]);
  });
});

describe('DOCX headings without the usual styles', () => {
  const prose = (seed: number) =>
    new Paragraph(
      `Le paragraphe ${seed} décrit le travail mené, les choix faits et leurs raisons, en phrases complètes.`,
    );
  async function readDocx(children: Paragraph[], styles?: object): Promise<Document> {
    const bytes = await Packer.toBuffer(new Docx({ ...(styles ?? {}), sections: [{ children }] }));
    const path = join(dir, `${Math.random().toString(36).slice(2)}.docx`);
    writeFileSync(path, bytes);
    const result = await readDossier(path, { libreoffice: false });
    if (isReadError(result)) throw new Error(result.error.message);
    return result;
  }
  const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });

  it('takes bold paragraphs as headings when a stray one has a heading style', async () => {
    const doc = await readDocx([
      new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Remerciements' }),
      prose(1),
      bold('Introduction'),
      prose(2),
      bold('Environnement professionnel'),
      prose(3),
      bold('Conclusion'),
      prose(4),
    ]);
    expect(texts(doc)).toEqual([
      'Remerciements',
      'Introduction',
      'Environnement professionnel',
      'Conclusion',
    ]);
  });

  it('takes paragraphs whose own style is bold (« Chapitre ») as bold headings', async () => {
    const styles = {
      styles: {
        paragraphStyles: [
          { id: 'Chapitre', name: 'Chapitre', basedOn: 'Normal', run: { bold: true, size: 28 } },
        ],
      },
    };
    const doc = await readDocx(
      [
        new Paragraph({ style: 'Chapitre', text: 'Introduction' }),
        prose(1),
        new Paragraph({ style: 'Chapitre', text: 'Environnement professionnel' }),
        prose(2),
        new Paragraph({ style: 'Chapitre', text: 'Conclusion' }),
        prose(3),
      ],
      styles,
    );
    expect(texts(doc)).toEqual(['Introduction', 'Environnement professionnel', 'Conclusion']);
  });

  it('reads a style named « Titre 1 » without an outline level as a level-1 heading', async () => {
    const styles = {
      styles: {
        paragraphStyles: [
          { id: 'Titre1', name: 'Titre 1', basedOn: 'Normal', run: { size: 32 } },
          { id: 'Titre2', name: 'Titre 2', basedOn: 'Normal', run: { size: 26 } },
        ],
      },
    };
    const doc = await readDocx(
      [
        new Paragraph({ style: 'Titre1', text: 'Introduction' }),
        prose(1),
        new Paragraph({ style: 'Titre1', text: 'Environnement professionnel' }),
        new Paragraph({ style: 'Titre2', text: 'L’entreprise' }),
        prose(2),
        new Paragraph({ style: 'Titre1', text: 'Conclusion' }),
        prose(3),
      ],
      styles,
    );
    expect(doc.headings.map((h) => [h.level, h.text, h.source])).toEqual([
      [1, 'Introduction', 'style'],
      [1, 'Environnement professionnel', 'style'],
      [2, 'L’entreprise', 'style'],
      [1, 'Conclusion', 'style'],
    ]);
  });
});
