/** How confident the OCR of a Document is, for the rules that decide on recognised text. */
import type { Document } from '../../schemas/document.ts';

/** Mean confidence of the recognised pages, weighted by their words; undefined without OCR. */
export function ocrConfidence(document: Pick<Document, 'pageText'>): number | undefined {
  const pages = document.pageText ?? [];
  const words = pages.reduce((sum, p) => sum + p.words, 0);
  if (words === 0) return undefined;
  return pages.reduce((sum, p) => sum + p.confidence * p.words, 0) / words;
}

/** A confidence as French text: `92 %` (narrow no-break space). */
export const percent = (confidence: number): string => `${Math.round(confidence * 100)}\u202f%`;
