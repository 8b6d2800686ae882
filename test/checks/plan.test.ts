import { describe, expect, it } from 'vitest';
import { headingScore, normalise } from '../../pipeline/checks/headings.ts';
import { plan } from '../../pipeline/checks/plan.ts';
import type { Document } from '../../schemas/document.ts';
import { doc, headings, session, submission } from './support.ts';

const check = (overrides: Partial<Document>) => plan(doc(overrides), submission(), session);

describe('heading normalisation', () => {
  it.each([
    ['II. Introduction générale', 'introduction generale'],
    ['1. Introduction générale', 'introduction generale'],
    ['Partie 3 — Valorisation des compétences acquises', 'valorisation des competences acquises'],
    [
      "CHAPITRE 2 : Environnement professionnel de l'entreprise",
      'environnement professionnel de l entreprise',
    ],
    ['A. Conclusion', 'conclusion'],
    ["1ère partie : Présentation de l'entreprise", 'presentation de l entreprise'],
    ['Deuxième partie — Mes missions', 'mes missions'],
    ['2023 en chiffres', '2023 en chiffres'],
  ])('normalises %j', (heading, expected) => {
    expect(normalise(heading)).toBe(expected);
  });

  it('scores usual extensions as the plain title and other subjects low', () => {
    expect(
      headingScore(
        'Partie 3 — Valorisation des compétences acquises',
        'Valorisation des compétences',
      ),
    ).toBe(1);
    expect(
      headingScore("Environnement professionnel de l'entreprise", 'Environnement professionnel'),
    ).toBe(1);
    expect(headingScore('Environnement technique', 'Environnement professionnel')).toBeLessThan(
      0.7,
    );
  });
});

describe('plan', () => {
  it('finds the five sections in order, with their pages', () => {
    const found = check({});
    expect(found.status).toBe('pass');
    expect(found.message).toBe(
      'Votre dossier suit le plan demandé : Sommaire (p. 2), Introduction (p. 3), Environnement professionnel (p. 10), Valorisation des compétences (p. 20), Conclusion (p. 50).',
    );
  });

  it('accepts heading variants: Table des matières, numbering, usual extensions', () => {
    const found = check({
      headings: headings(
        ['Table des matières', 2],
        ['1. Introduction générale', 3],
        ["Chapitre 2 : Environnement professionnel de l'entreprise", 8],
        ['Partie 3 — Valorisation des compétences acquises', 20],
        ['CONCLUSION', 50],
      ),
    });
    expect(found.status).toBe('pass');
    expect(found.evidence['sections']).toContainEqual(
      expect.objectContaining({
        id: 'sommaire',
        heading: 'Table des matières',
        page: 2,
        how: 'alias',
        strength: 'strong',
      }),
    );
  });

  it('lets a detected table of contents satisfy Sommaire', () => {
    const found = check({ headings: doc().headings.slice(1), toc: { pages: [2] } });
    expect(found.status).toBe('pass');
    expect(found.evidence['sections']).toContainEqual(
      expect.objectContaining({ id: 'sommaire', how: 'toc', page: 2 }),
    );
  });

  it('reports a missing section by name, with the required plan', () => {
    const found = check({ headings: doc().headings.filter((h) => !h.text.includes('Conclusion')) });
    expect(found.status).toBe('fail');
    expect(found.message).toContain('il manque la partie « Conclusion »');
    expect(found.evidence['missing']).toEqual(['conclusion']);
  });

  it('reports swapped sections as out of order, naming the page', () => {
    const found = check({
      headings: headings(
        ['Sommaire', 2],
        ['Introduction', 3],
        ['Valorisation des compétences', 10],
        ['Environnement professionnel', 30],
        ['Conclusion', 50],
      ),
    });
    expect(found.status).toBe('fail');
    expect(found.evidence['outOfOrder']).toHaveLength(1);
    expect(found.message).toMatch(/n'est pas à sa place alors qu'elle doit précéder/);
  });

  it('ignores the entries of the table of contents: a heading listed there is not the section', () => {
    const found = check({
      toc: { pages: [2] },
      headings: headings(
        ['Sommaire', 2],
        ['Conclusion', 2],
        ['Introduction', 3],
        ['Environnement professionnel', 10],
        ['Valorisation des compétences', 20],
      ),
    });
    expect(found.status).toBe('fail');
    expect(found.evidence['missing']).toEqual(['conclusion']);
  });

  it('uses one heading for one section only, in document order', () => {
    const found = check({
      headings: headings(
        ['Sommaire', 2],
        ['Introduction', 3],
        ['Introduction', 5],
        ['Environnement professionnel', 10],
        ['Valorisation des compétences', 20],
      ),
    });
    expect(found.evidence['missing']).toEqual(['conclusion']);
    expect(found.evidence['sections']).toContainEqual(
      expect.objectContaining({ id: 'introduction', page: 3 }),
    );
  });

  it('prefers chapter headings over a same-named sub-heading earlier in the text', () => {
    const list = headings(
      ['Sommaire', 2],
      ['Introduction', 3],
      ['Environnement professionnel', 10],
      ['Valorisation des compétences', 20],
      ['Conclusion', 50],
    );
    list.splice(2, 0, { level: 2, text: 'Conclusion', page: 8, source: 'style' });
    expect(check({ headings: list }).status).toBe('pass');
  });

  it('passes an equivalent of the role, and sends it to review when the school wants exact titles', () => {
    const list = headings(
      ['Sommaire', 2],
      ['Introduction', 3],
      ['Environnement professionnel', 10],
      ['Compétences valorisées', 20],
      ['Conclusion', 50],
    );
    const found = check({ headings: list });
    expect(found.status).toBe('pass');
    expect(found.message).toContain(
      'Valorisation des compétences (« Compétences valorisées », p. 20)',
    );
    const strict = { ...session, rules: { ...session.rules, planMatching: 'strict' as const } };
    const reviewed = plan(doc({ headings: list }), submission(), strict);
    expect(reviewed.status).toBe('review');
    expect(reviewed.message).toContain('« Compétences valorisées » (p. 20)');
  });

  it('takes a line that is the title alone as the heading the reader missed, and reviews it in strict mode', () => {
    const text = 'Sommaire\nIntroduction\n' + 'x'.repeat(200) + '\nConclusion :\nfin';
    const document = doc({
      text,
      pageOffsets: [0, 100, 220],
      headings: headings(
        ['Sommaire', 1],
        ['Introduction', 1],
        ['Environnement professionnel', 2],
        ['Valorisation des compétences', 2],
      ),
    });
    const found = plan(document, submission(), session);
    expect(found.status).toBe('pass');
    expect(found.evidence['sections']).toContainEqual(
      expect.objectContaining({ id: 'conclusion', how: 'text', page: 3 }),
    );
    const strict = { ...session, rules: { ...session.rules, planMatching: 'strict' as const } };
    expect(plan(document, submission(), strict).status).toBe('review');
  });

  it('sends a dossier without detectable headings to review, never to fail', () => {
    expect(check({ headings: [] }).status).toBe('review');
    expect(check({ textLayer: 'none', headings: [] }).status).toBe('review');
  });
});
