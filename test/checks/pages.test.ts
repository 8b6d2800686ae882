import { describe, expect, it } from 'vitest';
import { pages } from '../../pipeline/checks/pages.ts';
import { doc, session, submission } from './support.ts';

const exact = (count: number) =>
  pages(doc({ pages: { count, method: 'pdf', exact: true } }), submission(), session);
const estimate = (count: number, range: [number, number]) =>
  pages(
    doc({ format: 'docx', pages: { count, method: 'docx-app-xml', exact: false, range } }),
    submission(),
    session,
  );

describe('pages', () => {
  it('accepts exactly 50 and exactly 60 pages (bounds are inclusive)', () => {
    expect(exact(50).status).toBe('pass');
    expect(exact(60).status).toBe('pass');
  });

  it('reports a dossier of 49 pages as too short, naming the count and the rule', () => {
    const found = exact(49);
    expect(found.status).toBe('fail');
    expect(found.message).toBe(
      'Votre dossier compte 49 pages ; le référentiel demande de 50 à 60 pages : ajoutez au moins 1 page.',
    );
    expect(found.evidence).toMatchObject({
      count: 49,
      method: 'pdf',
      exact: true,
      min: 50,
      max: 60,
    });
  });

  it('reports a dossier of 61 pages as too long', () => {
    const found = exact(61);
    expect(found.status).toBe('fail');
    expect(found.message).toContain('retirez au moins 1 page');
  });

  it('accepts an estimate whose whole range is within the bounds', () => {
    expect(estimate(55, [53, 57]).status).toBe('pass');
  });

  it('never fails on an estimate: a range straddling or outside a limit is review', () => {
    expect(estimate(51, [48, 54]).status).toBe('review');
    expect(estimate(45, [43, 47]).status).toBe('review');
    expect(estimate(62, [59, 64]).message).toContain("vérifié par l'équipe pédagogique");
  });
});
