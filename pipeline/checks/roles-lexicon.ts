/**
 * The built-in French lexicon of section roles: how students of professional programmes title
 * the parts of a report, grouped by the role each part plays (the approach of Europe PMC's
 * SectionTagger: synonym sets taken from the most frequent headings). Patterns apply to headings
 * already normalised by `normalise()` (lower case, no accents, no numbering, punctuation as
 * spaces: « Présentation de l'entreprise » → `presentation de l entreprise`).
 *
 * - `strong`: a person reads the heading as that part without looking further.
 * - `medium`: the part when the text under it plays the role (body cues); not it when the text
 *   speaks of something else; a weak match otherwise.
 * - `weak`: the part only when the text under it plays the role, and then a person decides
 *   (unless the text plays it beyond doubt).
 * - `not`: headings that look like the role but are not it (the *company's* missions, a
 *   technical environment): they never play the role, whatever else they share with it.
 */
import type { PlanRole } from '../../schemas/session.ts';

/** Kinds of organisation a report presents. */
const HOST =
  '(?:entreprise|dsi|hopital|chu|clinique|universite|ecole|ministere|commune|region|prefecture|societe|organisme|organisation|structure|etablissement|employeur|groupe|cabinet|agence|start ?up|association|collectivite|administration|institution|entite|compagnie|firme|ssii|esn|laboratoire|service|departement|direction|equipe|pole|filiale|mairie|banque|client|startup)';
/** Kinds of organisation that, alone as a title (« L'entreprise »), present the host. */
const HOST_ALONE =
  '(?:entreprise|societe|organisme|employeur|groupe|etablissement|structure d accueil|collectivite|association|start ?up)';
const OF = '(?:de l |de la |du |des |d |de |de mon |de ma |de notre )?';
const STAY = '(?:stage|alternance|apprentissage|contrat de professionnalisation|mission|immersion)';

/** One set of headings for a role. */
export interface RoleLexicon {
  readonly strong: readonly RegExp[];
  readonly medium: readonly RegExp[];
  readonly weak: readonly RegExp[];
  readonly not: readonly RegExp[];
}

const re = (source: string) => new RegExp(source);

export const LEXICON: Readonly<Record<PlanRole, RoleLexicon>> = {
  toc: {
    strong: [/^(?:sommaire|table des matieres|table of contents|contents|sommaire general)$/],
    medium: [],
    weak: [/^plan(?: du (?:dossier|rapport|memoire))?$/],
    not: [],
  },
  introduction: {
    strong: [/^introduction\b/, /^intro$/],
    medium: [],
    weak: [/^(?:avant propos|preambule|prologue|propos liminaire)$/],
    not: [
      /^introduction (?:a|au|aux) (?!dossier|rapport|memoire)/,
      /^introduction (?:du |de ce |de la |a ce |a la )?(?:chapitre|partie|section)\b/,
      /^introduction (?:partielle|intermediaire)\b/,
    ],
  },
  environment: {
    strong: [
      re(`^(?:la |une )?presentation (?:generale )?${OF}(?:l )?${HOST}\\b`),
      re(`^(?:l |la |le |les |mon |ma |notre )?${HOST_ALONE}(?: d accueil| ${STAY})?$`),
      re(`^(?:l |la |le |mon |ma |notre )?${HOST} (?:d accueil|et (?:son|ses|sa|leur)\\b)`),
      re(`^(?:l |la )?(?:structure|organisme|entreprise|societe|etablissement) d accueil\\b`),
      re(
        `^environnement (?:professionnel|de travail|${OF}${HOST}|${OF}${STAY}|socio economique|economique|organisationnel)\\b`,
      ),
      re(`^contexte (?:professionnel|${OF}${HOST}|organisationnel|economique|de travail)\\b`),
      re(
        `^(?:organisation|fonctionnement|historique|activites?|secteur d activite|metiers?) ${OF}(?:l )?${HOST}\\b`,
      ),
      re(`^cadre (?:professionnel|de travail|${OF}${STAY})\\b`),
      /^(?:lieu|cadre|terrain) (?:du |de l |de mon )?(?:stage|alternance|apprentissage)\b/,
    ],
    medium: [
      re(`^contexte ${OF}${STAY}\\b`),
      re(`^presentation ${OF}(?:lieu|cadre|contexte)\\b`),
      re(`^(?:le |l )?${HOST} [a-z0-9]`),
      // « Présentation d'Orange »: the text under it says whether it presents the host.
      /^presentation (?:de |d |du |de la |des )[a-z0-9]/,
    ],
    weak: [
      /^(?:l )?environnement$/,
      /^presentation(?: generale)?$/,
      /^(?:historique|organigramme)$/,
      /^(?:le )?contexte(?: general| global)?$/,
      /^(?:le )?contexte (?:et|du projet)\b/,
    ],
    not: [
      /^environnement (?:technique|technologique|de developpement|logiciel|materiel|de test|de production|cloud|virtuel|linux|windows)/,
      /^contexte (?:technique|technologique)/,
      /^presentation (?:du |de la |de l |des |de mon |de ma |de mes )?(?:projet|sujet|rapport|dossier|memoire|problematique|solution|application|outil|mission|resultat|donnee|technologie|etude|travaux|architecture|plan|demarche|methode|environnement technique)/,
    ],
  },
  skills: {
    strong: [
      /^(?:le |mon |notre )?travail (?:realise|effectue|accompli|fourni|personnel|en entreprise|d alternance|de stage)\b/,
      /^(?:mes |les |ma |nos )?(?:principales )?missions?\b/,
      /^(?:mes |les |nos )?realisations?\b/,
      /^(?:le |les |mes |nos )?projets? (?:realises?|menes?|effectues?|conduits?|professionnels?)\b/,
      /^realisation (?:du |d un |de l |des |de mes )?(?:projet|mission|travail)/,
      /^(?:les |mes )?(?:activites|taches)(?: et (?:taches|activites|missions))? (?:effectuees|realisees|menees|confiees|accomplies|professionnelles|en entreprise)\b/,
      /^(?:les |mes |nos )?competences\b/,
      /^valorisation\b/,
      /^bilan (?:des |de |de mes )?(?:competences|acquis|professionnel|de l experience|de l alternance|du stage|de stage|d alternance|personnel et professionnel)\b/,
      /^(?:les |mes )?apports? (?:de l |du |de la |d |de mon |de ma )?(?:alternance|stage|experience|apprentissage|mission|formation|personnels?|professionnels?)\b/,
      /^retours? (?:d |sur )?(?:l )?experiences?\b/,
      /^(?:mon |l |une )?experience (?:professionnelle|acquise|en entreprise|d alternance|de stage)\b/,
      /^deroulement (?:du |de l |de la |de mon |de ma )?(?:stage|alternance|mission|apprentissage|projet)\b/,
      /^ce que j ai (?:fait|realise|appris|accompli|retenu)\b/,
      /^(?:mon |mes )(?:role|roles|travail|contributions?|apports?|activites|interventions?|taches)\b/,
      /^(?:les )?actions? (?:menees|realisees)\b/,
      /^(?:savoir faire|acquis) /,
      /^(?:description|presentation|detail|analyse) (?:de mes|des|de ma) (?:missions?|taches|projets|realisations|activites|travaux)\b/,
      /^(?:les |mes )?travaux (?:realises|effectues|menes|accomplis)\b/,
      /^mise en oeuvre (?:des |de mes )competences\b/,
      /^(?:mon |mes )experiences?$/,
      /^ce que (?:m a apporte|j ai retenu|m ont apporte)\b/,
      /^(?:analyse reflexive|analyse de (?:ma|mes) pratiques?)\b/,
      // The valorisation told block by block of the certification (« Bloc 2 : Manager un projet »).
      /^(?:blocs?|b)(?: de competences?)? ?(?:n )?[1-9]\b/,
      /^(?:competences|activites|missions) (?:du|des|liees? au|par) blocs?\b/,
    ],
    medium: [/^(?:le |les |mon )?projets?\b/, /^(?:etude de cas|cas pratiques?)\b/],
    weak: [/^(?:mise en oeuvre|mise en place|travaux)$/, /^bilan(?: personnel)?$/],
    not: [
      re(`^(?:les )?missions? (?:et [a-z ]+ )?${OF}(?:l )?${HOST}\\b`),
      /^missions? (?:principales? )?(?:de l |du |de la )(?:entreprise|societe|groupe|organisme|structure|service)/,
      /^competences (?:requises|attendues|visees) (?:par|pour) /,
    ],
  },
  conclusion: {
    strong: [
      /^conclusions?\b/,
      /^(?:bilan|synthese) et (?:conclusion|perspectives)\b/,
      /^(?:bilan|synthese) (?:general|final|global)e?$/,
    ],
    medium: [],
    weak: [/^(?:bilan|synthese|perspectives|ouverture|le mot de la fin)$/],
    not: [
      /^conclusions? (?:du |de ce |de la |de cette )?(?:chapitre|partie|section)\b/,
      /^conclusions? (?:partielles?|intermediaires?)\b/,
    ],
  },
};

/**
 * Front and back matter: parts every report may have that play no role of the plan. They neither
 * match a section nor count as a chapter between two sections.
 */
export const MATTER =
  /^(?:remerciements?|resume|abstract|summary|glossaire|lexique|bibliographie|webographie|sitographie|sources|references(?: bibliographiques)?|annexes?\b.*|table des (?:figures|illustrations|tableaux|annexes)|liste des (?:figures|tableaux|illustrations|abreviations|acronymes|sigles|annexes)|index|abreviations|acronymes|sigles|dedicace|engagement de non plagiat|attestation\b.*|declaration\b.*)$/;

/** Words of the text under a heading that say it plays the role (normalised, whole words). */
export const BODY_CUES: Readonly<Partial<Record<PlanRole, readonly string[]>>> = {
  environment: [
    'entreprise',
    'societe',
    'groupe',
    'secteur',
    'effectif',
    'effectifs',
    'salaries',
    'collaborateurs',
    'employes',
    'chiffre',
    'affaires',
    'organigramme',
    'service',
    'services',
    'departement',
    'direction',
    'siege',
    'filiale',
    'filiales',
    'clients',
    'fondee',
    'creee',
    'implantee',
    'agences',
    'historique',
    'marche',
    'concurrents',
    'pole',
    'metiers',
    'sites',
    'locaux',
    'president',
    'directeur',
    'dsi',
    'cartographie',
    'activite',
    'structure',
    'organisation',
  ],
  skills: [
    'mission',
    'missions',
    'tache',
    'taches',
    'realise',
    'realisee',
    'realisees',
    'effectue',
    'effectuee',
    'effectuees',
    'ai',
    'j',
    'mes',
    'competence',
    'competences',
    'developpe',
    'realisation',
    'realisations',
    'appris',
    'acquis',
    'participe',
    'charge',
    'livrable',
    'livrables',
    'difficultes',
    'contribue',
    'mis',
    'confiee',
    'confiees',
  ],
};
