/**
 * pages: the dossier's page count lies within `rules.pages` (inclusive). An exact count (a PDF,
 * a LibreOffice rendering) decides. An estimate (DOCX without rendering) never fails: when its
 * range lies inside the bounds it passes, otherwise a human counts (`review`).
 */
import type { Document } from '../../schemas/document.ts';
import { finding, type Check } from './types.ts';

const RULE = 'pages';

const METHOD_FR: Record<Document['pages']['method'], string> = {
  pdf: 'compté dans le PDF',
  libreoffice: 'compté sur le rendu du document',
  'docx-app-xml': "estimé d'après les propriétés du document",
  'page-breaks': "estimé d'après les sauts de page",
  estimate: "estimé d'après la longueur du texte",
};

const plural = (n: number) => `${n} page${n > 1 ? 's' : ''}`;

export const pages: Check = (document, submission, session) => {
  const { min, max } = session.rules.pages;
  const { count, method, exact } = document.pages;
  const [low, high] = exact ? [count, count] : (document.pages.range ?? [count, count]);
  const evidence = { count, method, exact, range: [low, high], min, max };
  const place = { file: submission.file };
  const rule = `le référentiel demande de ${min} à ${max} pages`;

  if (exact) {
    if (count >= min && count <= max) {
      return finding(
        RULE,
        'pass',
        `Votre dossier compte ${plural(count)} ; ${rule}.`,
        `${count} pages (${method}, exact), within ${min}–${max}.`,
        evidence,
        place,
      );
    }
    const fix =
      count < min
        ? `ajoutez au moins ${plural(min - count)}`
        : `retirez au moins ${plural(count - max)}`;
    return finding(
      RULE,
      'fail',
      `Votre dossier compte ${plural(count)} ; ${rule} : ${fix}.`,
      `${count} pages (${method}, exact), ${count < min ? 'below the minimum' : 'above the maximum'} of ${count < min ? min : max}.`,
      evidence,
      place,
    );
  }

  const around = `environ ${plural(count)} (${METHOD_FR[method]}, entre ${low} et ${high})`;
  if (low >= min && high <= max) {
    return finding(
      RULE,
      'pass',
      `Votre dossier compte ${around} ; ${rule}.`,
      `${count} pages estimated by ${method}, range ${low}–${high} within ${min}–${max}.`,
      evidence,
      place,
    );
  }
  return finding(
    RULE,
    'review',
    `Votre dossier compte ${around} ; ${rule}. Le nombre exact de pages sera vérifié par l'équipe pédagogique.`,
    `${count} pages estimated by ${method}, range ${low}–${high} not entirely within ${min}–${max}: an estimate never fails, count the pages (or render with LibreOffice).`,
    evidence,
    place,
  );
};
