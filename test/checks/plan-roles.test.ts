import { describe, expect, it } from 'vitest';
import { plan } from '../../pipeline/checks/plan.ts';
import { lexiconTier, roleOf } from '../../pipeline/checks/roles.ts';
import { normalise } from '../../pipeline/checks/headings.ts';
import type { Document, Heading } from '../../schemas/document.ts';
import type { Candidate } from '../../schemas/candidates.ts';
import { doc, session, submission } from './support.ts';

const COMPANY =
  "L'entreprise compte 250 salariés répartis sur trois sites ; son chiffre d'affaires atteint 40 millions d'euros. Le secteur d'activité est la logistique, ses clients sont des industriels. L'organigramme montre la direction générale, le service informatique et le département commercial. ";
const MISSIONS =
  "J'ai réalisé plusieurs missions au sein de l'équipe : la tâche principale m'a été confiée dès septembre. J'ai développé un module de facturation, participé aux recettes et mis en place un tableau de bord ; ces réalisations m'ont fait acquérir des compétences en gestion de projet. ";
const TOPIC =
  'Les mesures obtenues sur le jeu de données montrent une précision de 92 % pour le modèle. Les courbes d’apprentissage et la matrice de confusion sont présentées ci-dessous, puis comparées aux travaux de la littérature. ';
const PLAIN =
  'Ce dossier présente le travail de deux années et la démarche suivie, partie après partie, pour le lecteur. ';

type Part = [text: string, page: number, body?: string, level?: number];

/** A Document whose headings carry the given bodies (each repeated to a realistic length). */
function dossier(...parts: Part[]): Document {
  let text = '';
  const headings: Heading[] = [];
  const pageOffsets: number[] = [];
  for (const [title, page, body = PLAIN, level = 1] of parts) {
    while (pageOffsets.length < page) pageOffsets.push(text.length);
    headings.push({ level, text: title, page, offset: text.length, source: 'outline' });
    text += `${title}\n${body.repeat(8)}\n`;
  }
  while (pageOffsets.length < 55) pageOffsets.push(text.length);
  return doc({ headings, text, pageOffsets });
}

const check = (document: Document, candidate?: Candidate) =>
  plan(document, submission(), session, candidate);

describe('plan roles: the lexicon', () => {
  it('infers each demo section role from its title', () => {
    expect(session.rules.plan.map((s) => roleOf({ ...s, role: undefined }))).toEqual([
      'toc',
      'introduction',
      'environment',
      'skills',
      'conclusion',
    ]);
  });

  it.each([
    ["Présentation de l'entreprise", 'environment', 'strong'],
    ["Présentation de la structure d'accueil", 'environment', 'strong'],
    ["Présentation de l'organisme", 'environment', 'strong'],
    ["L'entreprise", 'environment', 'strong'],
    ['Environnement de travail', 'environment', 'strong'],
    ['Contexte du stage', 'environment', 'medium'],
    ['Environnement technique', 'environment', undefined],
    ['Travail réalisé', 'skills', 'strong'],
    ['Travail effectué', 'skills', 'strong'],
    ['Mes missions', 'skills', 'strong'],
    ['Missions', 'skills', 'strong'],
    ['Réalisations', 'skills', 'strong'],
    ['Projet réalisé', 'skills', 'strong'],
    ['Activités et tâches effectuées', 'skills', 'strong'],
    ['Compétences mises en œuvre', 'skills', 'strong'],
    ['Compétences acquises', 'skills', 'strong'],
    ['Bilan des compétences', 'skills', 'strong'],
    ["Apports de l'alternance", 'skills', 'strong'],
    ["Retour d'expérience", 'skills', 'strong'],
    ['Bloc 2 : Manager un projet informatique avec agilité', 'skills', 'strong'],
    ["Présentation d'Orange Business", 'environment', 'medium'],
    ['Présentation du projet', 'environment', undefined],
    ["Les missions de l'entreprise", 'skills', undefined],
    ['Résultats', 'skills', undefined],
    ['Expérimentations', 'skills', undefined],
    ['Introduction générale', 'introduction', 'strong'],
    ['Conclusion et perspectives', 'conclusion', 'strong'],
    ['Bilan et conclusion', 'conclusion', 'strong'],
    ['Table des matières', 'toc', 'strong'],
  ] as const)('reads « %s » as %s: %s', (heading, role, tier) => {
    expect(lexiconTier(normalise(heading), role)).toBe(tier);
  });
});

describe('plan roles: decisions', () => {
  const good = (env: string, skills: string, envBody = COMPANY, skillsBody = MISSIONS) =>
    dossier(
      ['Sommaire', 2],
      ['Introduction', 3],
      [env, 6, envBody],
      [skills, 20, skillsBody],
      ['Conclusion', 50],
    );

  it('passes sections named by their role, saying which heading plays which part', () => {
    const found = check(good("Présentation de l'entreprise", 'Travail réalisé'));
    expect(found.status).toBe('pass');
    expect(found.message).toBe(
      "Votre dossier suit le plan demandé : Sommaire (p. 2), Introduction (p. 3), Environnement professionnel (« Présentation de l'entreprise », p. 6), Valorisation des compétences (« Travail réalisé », p. 20), Conclusion (p. 50).",
    );
    expect(found.evidence['sections']).toContainEqual(
      expect.objectContaining({ id: 'environnement', how: 'accept', strength: 'strong' }),
    );
  });

  it('passes « Contexte du stage » when its text presents the host, not when it speaks of a topic', () => {
    expect(check(good('Contexte du stage', 'Mes missions')).status).toBe('pass');
    const topic = check(good('Contexte du stage', 'Mes missions', TOPIC));
    expect(topic.status).toBe('fail');
    expect(topic.evidence['missing']).toEqual(['environnement']);
  });

  it('takes a bare « Contexte » chapter only when its text presents the host beyond doubt', () => {
    expect(check(good('Contexte', 'Mes missions')).status).toBe('pass');
    expect(check(good('Contexte', 'Mes missions', TOPIC)).evidence['missing']).toEqual([
      'environnement',
    ]);
  });

  it("passes a chapter titled with the host's name, from candidates.yaml or from its text", () => {
    const named = good(
      'Transports Dubreuil',
      'Mes missions',
      `Transports Dubreuil est une entreprise familiale. ${COMPANY}`,
    );
    const candidate = {
      code: 'C001',
      name: 'Camille Martin',
      email: 'c@example.org',
      specialisation: 'B4',
      company: 'Transports Dubreuil SAS',
    } as Candidate;
    const withHost = check(named, candidate);
    expect(withHost.status).toBe('pass');
    expect(withHost.evidence['sections']).toContainEqual(
      expect.objectContaining({ id: 'environnement', how: 'host' }),
    );
    const fromText = check(named);
    expect(fromText.status).toBe('pass');
    expect(fromText.evidence['sections']).toContainEqual(
      expect.objectContaining({ id: 'environnement', how: 'body' }),
    );
  });

  it('fails a chapter renamed beyond recognition even when its text presents the host, naming the page', () => {
    const found = check(good('Notes diverses', 'Mes missions'));
    expect(found.status).toBe('fail');
    expect(found.evidence['missing']).toEqual(['environnement']);
    expect(found.message).toContain(
      'il manque la partie « Environnement professionnel », attendue entre « Introduction » (p. 3) et « Valorisation des compétences » (p. 20)',
    );
    expect(found.place?.page).toBe(20);
  });

  it('reviews a sub-section presenting the host when the reader lost its chapter title', () => {
    const found = check(
      dossier(
        ['Sommaire', 2],
        ['1. Introduction', 3],
        ['1.1 Clients et marché', 5, COMPANY, 2],
        ['2. Mes missions', 20, MISSIONS],
        ['3. Conclusion', 50],
      ),
    );
    expect(found.status).toBe('review');
    expect(found.message).toContain('« 1.1 Clients et marché » (p. 5)');
  });

  it('fails a dossier whose only « missions » are the company’s, naming what is missing', () => {
    const found = check(good("Présentation de l'entreprise", "Les missions de l'entreprise"));
    expect(found.status).toBe('fail');
    expect(found.evidence['missing']).toEqual(['competences']);
    expect(found.message).toContain('il manque la partie « Valorisation des compétences »');
  });

  it('fails a topic chapter in place of the valorisation', () => {
    const found = check(good("Présentation de l'entreprise", 'Résultats', COMPANY, TOPIC));
    expect(found.status).toBe('fail');
    expect(found.evidence['missing']).toEqual(['competences']);
  });

  it('fails swapped role sections as out of order, naming the page', () => {
    const found = check(
      dossier(
        ['Sommaire', 2],
        ['Introduction', 3],
        ['Mes missions', 6, MISSIONS],
        ["Présentation de l'entreprise", 20, COMPANY],
        ['Conclusion', 50],
      ),
    );
    expect(found.status).toBe('fail');
    expect(found.message).toContain(
      "la partie « Valorisation des compétences » (« Mes missions », p. 6) n'est pas à sa place alors qu'elle doit suivre « Environnement professionnel » (p. 20)",
    );
    expect(found.place?.page).toBe(6);
  });

  it('fails swapped sections even when a sub-section after them weakly plays the first one', () => {
    const found = check(
      dossier(
        ['Sommaire', 2],
        ['Introduction', 3],
        ['Valorisation des compétences', 8, MISSIONS],
        ['Environnement professionnel', 30, COMPANY],
        ['Bloc 1 : stratégie du système d’information', 38, MISSIONS, 2],
        ['Conclusion', 50],
      ),
    );
    expect(found.status).toBe('fail');
    expect(found.evidence['outOfOrder']).toEqual(['competences']);
  });

  it('fails a section renamed beyond recognition', () => {
    const found = check(good("Présentation de l'entreprise", 'Mon année', COMPANY, PLAIN));
    expect(found.status).toBe('fail');
    expect(found.evidence['missing']).toEqual(['competences']);
  });

  it('takes a numbered sub-section introduction or conclusion that acts for the whole report', () => {
    const found = check(
      dossier(
        ['Sommaire', 2],
        ['1. Cadre du dossier', 3],
        ['1.1 Introduction', 3, PLAIN, 2],
        ["2. Présentation de l'entreprise", 6, COMPANY],
        ['3. Travail effectué', 20, MISSIONS],
        ['4. Bilan', 48],
        ['4.6 Conclusion', 50, PLAIN, 2],
      ),
    );
    expect(found.status).toBe('pass');
  });

  it('does not count per-chapter conclusions as the conclusion', () => {
    const found = check(
      dossier(
        ['Sommaire', 2],
        ['Introduction', 3],
        ["Présentation de l'entreprise", 6, COMPANY],
        ['Conclusion du chapitre', 18, PLAIN, 2],
        ['Mes missions', 20, MISSIONS],
        ['Conclusion du chapitre', 45, PLAIN, 2],
        ['Perspectives techniques', 50, TOPIC],
      ),
    );
    expect(found.status).not.toBe('pass');
  });

  it('ignores a chapter mini table of contents titled « Sommaire »', () => {
    const found = check(
      dossier(
        ['Introduction', 3],
        ["Présentation de l'entreprise", 6, COMPANY],
        ['Sommaire', 20, PLAIN, 2],
        ['Mes missions', 21, MISSIONS],
        ['Conclusion', 50],
      ),
    );
    expect(found.status).toBe('fail');
    expect(found.evidence['missing']).toEqual(['sommaire']);
  });

  it('reviews equivalents when the school asks for exact titles', () => {
    const strict = { ...session, rules: { ...session.rules, planMatching: 'strict' as const } };
    const found = plan(
      good("Présentation de l'entreprise", 'Travail réalisé'),
      submission(),
      strict,
    );
    expect(found.status).toBe('review');
    expect(found.message).toContain("« Présentation de l'entreprise » (p. 6)");
  });
});
