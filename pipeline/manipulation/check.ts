/**
 * manipulation: the dossier uses none of the tricks that hide a copy from a checker. Each trick
 * found is listed with its pages and count; beyond a few (an accident: one Greek letter in a
 * formula, one stray zero-width space) the dossier goes to `review`, the evidence on the staff
 * report. A dossier where nothing is found gets no finding: most never do.
 */
import type { Document } from '../../schemas/document.ts';
import type { Finding } from '../../schemas/result.ts';
import type { Submission } from '../../schemas/submissions.ts';
import { finding, guard } from '../checks/types.ts';
import { findTricks, type Trick, type TrickFound } from './tricks.ts';

const RULE = 'manipulation';

/** Count from which a trick is no accident. */
export const THRESHOLDS: Readonly<Record<Trick, number>> = {
  'look-alike-letters': 3,
  'invisible-characters': 3,
  'white-text': 5,
  'tiny-text': 5,
  'covered-text': 5,
  'invisible-text': 5,
  'vanished-text': 5,
};

const FRENCH: Readonly<Record<Trick, (n: number) => string>> = {
  'look-alike-letters': (n) =>
    `${n} mot${n > 1 ? 's' : ''} écrit${n > 1 ? 's' : ''} avec des lettres d'un autre alphabet`,
  'invisible-characters': (n) =>
    `${n} caractère${n > 1 ? 's' : ''} invisible${n > 1 ? 's' : ''} à l'intérieur des mots`,
  'white-text': (n) => `${n} mot${n > 1 ? 's' : ''} en texte blanc`,
  'tiny-text': (n) => `${n} mot${n > 1 ? 's' : ''} en caractères minuscules (1 point ou moins)`,
  'covered-text': (n) => `${n} mot${n > 1 ? 's' : ''} caché${n > 1 ? 's' : ''} sous une image`,
  'invisible-text': (n) => `${n} mot${n > 1 ? 's' : ''} en texte invisible`,
  'vanished-text': (n) => `${n} mot${n > 1 ? 's' : ''} en texte masqué`,
};

const pagesOf = (t: TrickFound): string => {
  const list = t.pages.map((p) => p.page);
  const shown = list.length > 6 ? `${list.slice(0, 6).join(', ')}…` : list.join(', ');
  return `p.\u00a0${shown}${t.pagesEstimated ? ' (estimée)' : ''}`;
};

/** The manipulation finding of a dossier; undefined when no trick is found at all. Never throws. */
export function manipulation(document: Document, submission: Submission): Finding | undefined {
  let tricks: TrickFound[];
  try {
    tricks = findTricks(document);
  } catch (error) {
    return guard(RULE, submission.file, () => {
      throw error;
    });
  }
  if (tricks.length === 0) return undefined;
  const serious = tricks.filter((t) => t.count >= THRESHOLDS[t.trick]);
  const status = serious.length > 0 ? 'review' : 'pass';
  const listed = (serious.length > 0 ? serious : tricks)
    .map((t) => `${FRENCH[t.trick](t.count)} (${pagesOf(t)})`)
    .join(' ; ');
  const message =
    status === 'review'
      ? `Manipulation du texte\u00a0: ${listed}. Ces procédés masquent du texte ou en modifient l'apparence\u00a0; l'équipe pédagogique examinera le dossier.`
      : `Manipulation du texte\u00a0: rien de significatif (${listed}).`;
  const detail =
    tricks
      .map(
        (t) =>
          `${t.trick}: ${t.count} ${t.unit} on p. ${t.pages.map((p) => `${p.page} (${p.count})`).join(', ')}${t.pagesEstimated ? ' (pages estimated)' : ''}, e.g. ${t.samples.map((s) => `"${s}"`).join(', ')}${t.count < THRESHOLDS[t.trick] ? ` (below ${THRESHOLDS[t.trick]}: not held)` : ''}`,
      )
      .join('; ') +
    '. Look-alike letters and invisible characters are folded before the similarity comparison, and hidden text is left out of the prose compared.';
  const page = (serious[0] ?? tricks[0])?.pages[0]?.page;
  return finding(
    RULE,
    status,
    message,
    detail,
    { tricks: tricks.map((t) => ({ ...t, held: t.count >= THRESHOLDS[t.trick] })) },
    page === undefined ? { file: submission.file } : { file: submission.file, page },
  );
}
