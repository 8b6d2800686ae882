import { describe, expect, it } from 'vitest';
import { checkSession } from '../../pipeline/checks/index.ts';
import type { DossierSpec } from '../fixtures/dossier/generate.ts';
import { miniSession, planSections } from './mini-session.ts';

type Sections = DossierSpec['sections'];
const variants: Sections = [
  { title: '1. Introduction générale' },
  { title: "Chapitre 2 : Environnement professionnel de l'entreprise" },
  { title: 'Partie 3 — Valorisation des compétences acquises' },
  { title: 'IV. Conclusion' },
];
// Sub-headings that look like plan sections must not be taken for them.
const tricky: Sections = [
  { title: 'Introduction' },
  { title: 'Introduction au projet', level: 2 },
  { title: 'Environnement professionnel' },
  { title: 'Conclusion partielle', level: 2 },
  { title: 'Valorisation des compétences' },
  { title: 'Conclusion' },
];

// Every dossier here meets the demo rules: 50–60 pages, the plan in order, on time.
const compliant: [string, DossierSpec][] = [
  ['pdf', { pages: 50, seed: 1, sections: planSections }],
  ['pdf', { pages: 60, seed: 2, sections: planSections, headingStyle: 'bold', bookmarks: false }],
  ['pdf', { pages: 55, seed: 3, sections: planSections, headingStyle: 'numbered' }],
  [
    'pdf',
    {
      pages: 53,
      seed: 4,
      toc: false,
      sections: [
        { title: 'Table des matières', paragraphs: ['1. Introduction générale'] },
        ...variants,
      ],
    },
  ],
  ['pdf', { pages: 58, seed: 5, sections: tricky }],
  ['docx', { pages: 52, seed: 6, sections: planSections }],
  ['docx', { pages: 57, seed: 7, sections: variants, headingStyle: 'bold' }],
  ['docx', { pages: 54, seed: 8, sections: tricky, headingStyle: 'numbered' }],
];

describe('generated dossiers that meet the rules', () => {
  it('are never decided not admissible (at worst, a human reviews them)', async () => {
    const codes = compliant.map((_, i) => `C${String(i + 1).padStart(3, '0')}`);
    const dir = await miniSession(
      codes,
      compliant.map(([format, spec], i) => ({
        candidate: codes[i]!,
        file: `submissions/${codes[i]}.${format}`,
        spec,
      })),
    );
    const { results } = await checkSession(dir, { libreoffice: false });
    const wrong = results
      .filter((r) => r.status === 'not-admissible' || r.status === 'error')
      .map(
        (r) =>
          `${r.candidate}: ${Object.values(r.checks)
            .filter((f) => f.status !== 'pass')
            .map((f) => f.detail)
            .join(' ')}`,
      );
    expect(wrong).toEqual([]);
    // PDFs count exactly: with the plan found, they are admissible outright.
    expect(results.slice(0, 5).map((r) => r.status)).toEqual(Array(5).fill('admissible'));
  }, 180_000);
});
