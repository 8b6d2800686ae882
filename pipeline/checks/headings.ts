/**
 * Normalisation and fuzzy comparison of headings with the titles of the required plan.
 * "II. Introduction générale", "Partie 3 — Valorisation des compétences acquises" and
 * "CHAPITRE 2 : Environnement professionnel de l'entreprise" compare as their plain titles.
 * The fuzzy score is the Sørensen–Dice coefficient of character bigrams (`dice-coefficient`).
 */
import { diceCoefficient } from 'dice-coefficient';

// Numbering in front of a title: "Partie 3 —", "Chapitre II :", "III.", "1.2)", "A.", "4 -".
const LABEL =
  /^(partie|chapitre|section|titre|part|chapter)\s+([ivxlcdm]+|\d+|[a-z])\b\s*[-–—:.)]?\s*/;
const ROMAN = /^[ivxlcdm]+\s*[-–—:.)]\s*/;
const ARABIC = /^\d{1,2}(\s*\.\s*\d{1,2})*\s*[-–—:.)]?\s+/;
const LETTER = /^[a-z]\s*[-–—.)]\s+/;
// "1ère partie :", "Deuxième partie —" (accents already removed).
const ORDINAL =
  /^(?:\d{1,2}\s*(?:ere|er|e|eme|nde|nd)|premiere|deuxieme|seconde|troisieme|quatrieme|cinquieme|sixieme)\s+(?:partie|chapitre|section)\b\s*[-–—:.)]?\s*/;

// Words a title may carry without naming another section ("Introduction générale",
// "Valorisation des compétences acquises", "Environnement professionnel de l'entreprise").
const FILLER = new Set([
  'a',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'ma',
  'mes',
  'mon',
  'generale',
  'general',
  'acquises',
  'acquis',
  'entreprise',
  'mises',
  'oeuvre',
  'mise',
]);

/** Lower case, no accents, no numbering, punctuation as spaces, single spaces. */
export function normalise(text: string): string {
  let value = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  for (let i = 0; i < 3; i++) {
    const before = value;
    value = value
      .replace(ORDINAL, '')
      .replace(LABEL, '')
      .replace(ROMAN, '')
      .replace(ARABIC, '')
      .replace(LETTER, '');
    if (value === before) break;
  }
  return value
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The significant words of a normalised title (filler words removed). */
export function core(normalised: string): string {
  const words = normalised.split(' ').filter((word) => word && !FILLER.has(word));
  return words.join(' ');
}

/**
 * How well a heading names a title, from 0 to 1: 1 when their significant words are equal,
 * otherwise the Dice coefficient of their significant words.
 */
export function headingScore(heading: string, title: string): number {
  const a = core(normalise(heading));
  const b = core(normalise(title));
  if (!a || !b) return 0;
  if (a === b) return 1;
  return diceCoefficient(a, b);
}

/** Score from which a heading names a section. */
export const MATCH = 0.85;
/** Score from which a heading may name a section: a human decides. */
export const MAYBE = 0.7;
