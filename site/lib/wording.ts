/** French wording of statuses and rules, as candidates read them. */
import type { FindingStatus, ResultStatus } from '../../schemas/result.ts';

/** Overall status of a dossier. */
export const RESULT_LABEL: Record<ResultStatus, string> = {
  admissible: 'Dossier recevable',
  'not-admissible': 'Dossier non recevable',
  'needs-review': 'Dossier en cours de vérification par l’équipe pédagogique',
  error: 'Dossier illisible\u00a0: contactez la scolarité',
};

/** What each status means for the candidate. */
export const RESULT_MEANING: Record<ResultStatus, string> = {
  admissible:
    'Votre dossier respecte toutes les règles\u00a0: vous êtes convoqué·e à la soutenance.',
  'not-admissible':
    'Au moins une règle n’est pas respectée\u00a0: voyez ci-dessous ce qui est à corriger.',
  'needs-review':
    'L’outil ne peut pas trancher seul\u00a0: une personne de l’équipe vérifie le point signalé.',
  error: 'Votre fichier n’a pas pu être lu\u00a0: voyez ci-dessous la raison.',
};

/** Outcome of one check. */
export const CHECK_LABEL: Record<FindingStatus, string> = {
  pass: 'conforme',
  fail: 'non conforme',
  review: 'à vérifier',
  error: 'non vérifiable',
};

const RULES: Record<string, string> = {
  deadline: 'Date de remise',
  pages: 'Nombre de pages',
  plan: 'Plan du dossier',
  format: 'Format du fichier',
  similarity: 'Originalité (anti-plagiat)',
  submission: 'Dépôt du dossier',
  eligibility: 'Parcours (alternance ou stage)',
};

/** Order in which the checks are listed. */
const ORDER = Object.keys(RULES);

/** French name of a rule; its id when unknown. */
export function ruleLabel(rule: string): string {
  return RULES[rule] ?? rule;
}

/** Sort key of a rule: known rules first, in the order of the référentiel. */
export function ruleRank(rule: string): number {
  const i = ORDER.indexOf(rule);
  return i === -1 ? ORDER.length : i;
}
