/**
 * OCR of the scanned pages of a PDF: each page's image (`ocr-images.ts`) recognised in French
 * (`ocr.ts`), as the reader's lines, with what the Document records of it and a warning for
 * the pages that could not be recognised.
 */
import type { PageText, ReadWarning } from '../../schemas/document.ts';
import { PageImages } from './ocr-images.ts';
import { recognisePages } from './ocr.ts';
import type { Line } from './pdf-load.ts';

/** Options of the OCR of a reading. */
export interface OcrOptions {
  /** Worker threads (default 1). */
  workers?: number;
  /** A page whose recognition takes longer is given up (default 60 000 ms). */
  pageTimeoutMs?: number;
  /** Called after each page, recognised or not. */
  onPage?: (done: number, total: number) => void;
}

/** What the OCR of a PDF's scanned pages found. */
export interface OcrReading {
  /** Lines of each recognised page, by page number. */
  lines: Map<number, Line[]>;
  /** The recognised pages (with words), in page order. */
  pageText: PageText[];
  warnings: ReadWarning[];
}

/**
 * Pages recognised at most: a dossier has 60 pages; a longer scan is a book, and recognising it
 * whole would take a quarter of an hour.
 */
export const MAX_OCR_PAGES = 120;

/** Recognises `pages` (1-based) of the PDF `bytes`. Never throws. */
export async function ocrPdf(
  bytes: Uint8Array,
  pages: readonly number[],
  options: OcrOptions = {},
): Promise<OcrReading> {
  const images = new PageImages(bytes);
  const chosen = pages.slice(0, MAX_OCR_PAGES);
  const warnings: ReadWarning[] = [];
  let results;
  try {
    results = await recognisePages(chosen, (page) => images.image(page), {
      workers: options.workers ?? 1,
      pageTimeoutMs: options.pageTimeoutMs ?? 60_000,
      ...(options.onPage ? { onPage: options.onPage } : {}),
    });
  } finally {
    await images.close();
  }
  const lines = new Map<number, Line[]>();
  const pageText: PageText[] = [];
  const problems = new Map<string, number[]>();
  for (const page of chosen) {
    const result = results.get(page);
    if (!result || 'problem' in result) {
      const why = result?.problem ?? 'it was not recognised';
      problems.set(why, [...(problems.get(why) ?? []), page]);
      continue;
    }
    if (result.words === 0) continue;
    lines.set(page, result.lines);
    const confidence = Math.round(result.confidence * 1000) / 1000;
    pageText.push({ page, text: 'ocr', confidence, words: result.words });
  }
  for (const [why, failed] of problems) {
    warnings.push({
      code: 'READ_PDF_OCR_FAILED',
      message: `The text of scanned page(s) ${failed.join(', ')} could not be recognised: ${why}.`,
    });
  }
  if (pages.length > chosen.length) {
    warnings.push({
      code: 'READ_PDF_OCR_TRUNCATED',
      message: `Only the first ${MAX_OCR_PAGES} of ${pages.length} scanned pages were recognised.`,
    });
  }
  return { lines, pageText, warnings };
}
