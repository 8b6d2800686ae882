/**
 * format: the dossier is readable and has a text layer. A scanned dossier (no text, or some
 * pages as images only) cannot be checked by the tool: `review`, naming the pages. Scanned
 * pages whose text was recognised (OCR) are checked on that text: the finding says so, with
 * the confidence, and passes only when every scanned page was recognised with at least
 * `rules.ocr.minConfidence`. An unreadable file is an `error` finding built from the reader's
 * error (see `unreadable`).
 */
import type { Document, ReadError } from '../../schemas/document.ts';
import type { Finding } from '../../schemas/result.ts';
import type { Session } from '../../schemas/session.ts';
import { ocrConfidence, percent } from '../read/ocr-confidence.ts';
import { finding, type Check } from './types.ts';

const RULE = 'format';

const FORMAT_FR: Record<Document['format'], string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  odt: 'OpenDocument (ODT)',
};

const pageList = (pages: number[]) =>
  pages.length > 8 ? `${pages.slice(0, 8).join(', ')}…` : pages.join(', ');

export const format: Check = (document, submission, session) => {
  const place = { file: submission.file };
  const evidence = {
    format: document.format,
    textLayer: document.textLayer,
    scannedPages: document.scannedPages,
    words: document.words,
    warnings: document.warnings.map((w) => w.code),
  };
  const kind = FORMAT_FR[document.format];
  if (document.pageText?.length) return recognised(document, session, evidence, place);
  if (document.textLayer === 'none' || (document.words === 0 && document.pages.count > 0)) {
    return finding(
      RULE,
      'review',
      `Votre dossier (${kind}) ne contient pas de texte lisible : il semble numérisé (scanné). Envoyez de préférence le fichier exporté depuis votre traitement de texte ; l'équipe pédagogique vérifiera ce dossier à la main.`,
      `No text layer (${document.words} words over ${document.pages.count} pages): scanned dossier, plan and similarity cannot be checked automatically.`,
      evidence,
      place,
    );
  }
  if (document.textLayer === 'partial') {
    const pages = document.scannedPages;
    return finding(
      RULE,
      'review',
      `Certaines pages de votre dossier ne contiennent qu'une image, sans texte (pages ${pageList(pages)}) ; l'équipe pédagogique les vérifiera.`,
      `Partial text layer: pages ${pageList(pages)} are images without text.`,
      evidence,
      pages[0] ? { ...place, page: pages[0] } : place,
    );
  }
  return finding(
    RULE,
    'pass',
    `Votre dossier (${kind}) est lisible et son texte est exploitable.`,
    `Readable ${document.format}, full text layer, ${document.words} words.`,
    evidence,
    place,
  );
};

/** A scanned dossier whose text was recognised (OCR) on some pages or all. */
function recognised(
  document: Document,
  session: Session,
  base: Record<string, unknown>,
  place: { file: string },
): Finding {
  const ocr = document.pageText ?? [];
  const confidence = ocrConfidence(document) ?? 0;
  const { minConfidence } = session.rules.ocr;
  const done = new Set(ocr.map((p) => p.page));
  const missed = document.scannedPages.filter((p) => !done.has(p));
  const pages = ocr.map((p) => p.page);
  const evidence = {
    ...base,
    ocrPages: pages,
    ocrConfidence: Math.round(confidence * 100) / 100,
    minConfidence,
  };
  const kind = FORMAT_FR[document.format];
  const how = `son texte a été reconnu automatiquement (OCR) sur ${pages.length === document.pages.count ? 'toutes les pages' : `les pages ${pageList(pages)}`}, avec une confiance moyenne de ${percent(confidence)}`;
  const detail = `Scanned: text recognised by OCR on ${pages.length} page(s) (${pageList(pages)}), mean confidence ${confidence.toFixed(2)} (threshold ${minConfidence})`;
  if (missed.length > 0) {
    return finding(
      RULE,
      'review',
      `Votre dossier (${kind}) est en partie numérisé (scanné)\u00a0: ${how}, mais le texte des pages ${pageList(missed)} n'a pas pu être reconnu\u00a0; l'équipe pédagogique les vérifiera. Envoyez de préférence le fichier exporté depuis votre traitement de texte.`,
      `${detail}; pages ${pageList(missed)} are images whose text could not be recognised.`,
      evidence,
      { ...place, page: missed[0] as number },
    );
  }
  if (confidence < minConfidence) {
    return finding(
      RULE,
      'review',
      `Votre dossier (${kind}) est numérisé (scanné)\u00a0: ${how}, trop faible pour s'y fier\u00a0; l'équipe pédagogique vérifiera son plan et son contenu. Envoyez de préférence le fichier exporté depuis votre traitement de texte.`,
      `${detail}: below the threshold, plan and similarity rest on uncertain text.`,
      evidence,
      place,
    );
  }
  return finding(
    RULE,
    'pass',
    `Votre dossier (${kind}) est numérisé (scanné)\u00a0: ${how}, et c'est ce texte qui a été vérifié.`,
    `${detail}; ${document.words} words.`,
    evidence,
    place,
  );
}

/** The format finding of a dossier the reader could not open. */
export function unreadable(error: ReadError, file: string, path = file): Finding {
  // The reader names the absolute path; results name the file relative to the session.
  const local = (text: string) => text.replaceAll(path, file);
  return finding(
    RULE,
    'error',
    `Votre dossier n'a pas pu être ouvert (${error.error.code}). Vérifiez qu'il s'ouvre sur votre ordinateur, exportez-le à nouveau en PDF et renvoyez-le avant la date limite, ou contactez l'équipe pédagogique.`,
    `${local(error.error.message)} Fix: ${local(error.error.hint)}`,
    { code: error.error.code },
    { file },
  );
}
