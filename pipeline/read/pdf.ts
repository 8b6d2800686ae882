/** Reads a PDF dossier into a Document. */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Document, Heading, PageText, ReadWarning } from '../../schemas/document.ts';
import { countWords, joinLines, removeRunningMatter } from './clean.ts';
import { applyMarks, foldLigatures, repairLigatures } from './ligatures.ts';
import { complementOutline, outlineHeadings, typographyHeadings } from './pdf-headings.ts';
import { hiddenCollector, searchesHidden } from './hidden-text.ts';
import { closePdf, openPdf, readPage, type Line } from './pdf-load.ts';
import { joinLetterSpaced } from './spacing.ts';
import type { OcrOptions } from './ocr-pdf.ts';
import { findTocs } from './toc.ts';

/** Why a PDF could not be opened. */
export type PdfProblem = { kind: 'encrypted' | 'corrupt'; detail: string };

/** Pages beyond this are counted but their text is not read (no dossier is that long). */
const MAX_TEXT_PAGES = 400;
const SCANNED_CHARS = 20;

/**
 * Reads the PDF `bytes`; with `ocr`, the text of scanned pages is recognised (`ocr-pdf.ts`);
 * with `hidden` (default), text drawn but not seen is looked for (`hidden-text.ts`).
 */
export async function readPdf(
  bytes: Uint8Array,
  ocr?: OcrOptions,
  hidden = true,
): Promise<Document | PdfProblem> {
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') return { kind: 'encrypted', detail: 'password required' };
    return { kind: 'corrupt', detail: (error as Error).message || name };
  }
  try {
    return await readOpened(doc, bytes, ocr, hidden);
  } finally {
    await closePdf(doc);
  }
}

async function readOpened(
  doc: PDFDocumentProxy,
  bytes: Uint8Array,
  ocr: OcrOptions | undefined,
  hidden: boolean,
): Promise<Document> {
  const warnings: ReadWarning[] = [];
  const count = doc.numPages;
  // Text drawn but not seen is looked for in the operator lists the text pass builds anyway.
  const searched = hidden && searchesHidden(bytes, count);
  const collector = hiddenCollector();
  // Per-page bookmarks ("Page 3") or a lone bookmark (the title) say nothing of the plan.
  const bookmarks = await outlineHeadings(doc);
  const useful = bookmarks.filter((h) => !/^(?:page|p\.?|slide|diapositive)\s*\d+$/i.test(h.text));
  const outline = useful.length >= 2 ? useful : [];
  const raw: Line[][] = [];
  const images: boolean[] = [];
  const failed: number[] = [];
  for (let number = 1; number <= Math.min(count, MAX_TEXT_PAGES); number++) {
    try {
      const hiddenRuns = searched ? collector.page(number) : undefined;
      const page = await readPage(doc, number, outline.length === 0, hiddenRuns);
      raw.push(page.lines);
      images.push(page.hasImages);
    } catch {
      failed.push(number);
      raw.push([]);
      images.push(false);
    }
  }
  if (failed.length > 0) {
    warnings.push({
      code: 'READ_PDF_PAGE_UNREADABLE',
      message: `The text of page(s) ${failed.join(', ')} could not be read.`,
    });
  }
  if (count > MAX_TEXT_PAGES) {
    warnings.push({
      code: 'READ_PDF_TEXT_TRUNCATED',
      message: `Only the text of the first ${MAX_TEXT_PAGES} of ${count} pages was read.`,
    });
  }
  const scannedPages = raw
    .map((lines, i) => ({
      chars: lines.reduce((sum, line) => sum + line.text.length, 0),
      page: i + 1,
      image: images[i],
    }))
    .filter((p) => p.image && p.chars < SCANNED_CHARS)
    .map((p) => p.page);
  const textPages = raw.filter((lines) => lines.length > 0).length;
  let ocrPages: PageText[] = [];
  if (ocr && scannedPages.length > 0) {
    // Loaded only for a scan: tesseract.js is not needed to read a PDF with a text layer.
    const { ocrPdf } = await import('./ocr-pdf.ts');
    const reading = await ocrPdf(bytes, scannedPages, ocr);
    for (const [page, lines] of reading.lines) raw[page - 1] = lines;
    ocrPages = reading.pageText;
    warnings.push(...reading.warnings);
  }
  for (const line of raw.flat()) line.text = joinLetterSpaced(line.text);
  const { marks } = repairLigatures(raw);
  for (const heading of outline) heading.text = applyMarks(foldLigatures(heading.text), marks);
  const cleaned = removeRunningMatter(raw);
  const pageTexts = cleaned.map(joinLines);
  const { toc, others } = findTocs(cleaned.map((lines) => lines.map((line) => line.text)));
  const tocPages = new Set(toc?.pages ?? []);
  // A chapter's own « Sommaire »: neither its title nor its entries are headings.
  const skip = new Set(
    [...others].flatMap(([page, at]) => at.map((i) => cleaned[page - 1]?.[i] as Line)),
  );
  const headings =
    outline.length > 0
      ? complementOutline(outline, cleaned, tocPages, skip)
      : typographyHeadings(cleaned, tocPages, skip);
  if (
    toc &&
    !headings.some((h) => h.page === toc.pages[0] && /sommaire|mati[eè]res|contents/i.test(h.text))
  ) {
    const at = headings.findIndex((h) => (h.page ?? Infinity) > (toc.pages[0] ?? 0));
    const tocHeading: Heading = {
      level: 1,
      text: toc.title ?? 'Sommaire',
      page: toc.pages[0],
      source: toc.title ? 'typography' : 'numbering',
    };
    headings.splice(at < 0 ? headings.length : at, 0, tocHeading);
  }
  const pageOffsets: number[] = [];
  let text = '';
  for (const pageText of pageTexts) {
    pageOffsets.push(text.length);
    text += `${pageText}\n\n`;
  }
  locate(headings, text, pageOffsets);
  const textLayer = scannedPages.length === 0 ? 'full' : textPages === 0 ? 'none' : 'partial';
  const recognised = new Set(ocrPages.map((p) => p.page));
  const unread = scannedPages.filter((page) => !recognised.has(page));
  if (unread.length > 0) {
    warnings.push({
      code: 'READ_PDF_SCANNED_PAGES',
      message: `Page(s) ${unread.join(', ')} are images without text: their content is not checked.`,
    });
  }
  const meta = await metadata(doc);
  const document: Document = {
    format: 'pdf',
    pages: { count, method: 'pdf', exact: true },
    textLayer,
    scannedPages,
    ...(ocrPages.length > 0 ? { pageText: ocrPages } : {}),
    headings,
    text,
    pageOffsets,
    words: countWords(text),
    warnings,
    meta,
  };
  if (toc) document.toc = { pages: toc.pages };
  if (hidden) collector.addTo(document, searched);
  return document;
}

// Same length in and out, so an index in the normalised text is an index in the text.
const norm = (s: string): string => s.replace(/[’‘`]/g, "'").toLowerCase();

/** Sets each heading's offset in the text, searching from its page. */
function locate(headings: Heading[], text: string, pageOffsets: number[]): void {
  const lower = norm(text);
  for (const heading of headings) {
    const from = heading.page ? (pageOffsets[heading.page - 1] ?? 0) : 0;
    const words = norm(heading.text.split(/\s+/).slice(0, 4).join(' '));
    const at = lower.indexOf(words, from);
    if (at >= 0 && words.trim()) heading.offset = at;
  }
}

async function metadata(doc: PDFDocumentProxy): Promise<Record<string, string>> {
  const meta: Record<string, string> = {};
  try {
    const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
    for (const field of ['Title', 'Author', 'Creator', 'Producer']) {
      const value = info[field];
      if (typeof value === 'string' && value.trim())
        meta[field.toLowerCase()] = value.trim().slice(0, 200);
    }
  } catch {
    // Metadata is a nicety; a broken info dictionary does not make the dossier unreadable.
  }
  return meta;
}
