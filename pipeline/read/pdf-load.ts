/**
 * Opens a PDF with pdfjs-dist (legacy build, for Node; v6 has no eval path to turn off) and turns each page into lines with
 * their font size and weight, in reading order.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  getDocument,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';

type TextItem = Extract<
  Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number],
  { str: string }
>;

/** One printed line. */
export interface Line {
  text: string;
  /** Font size in points (dominant over the line's characters). */
  size: number;
  /** Every character of the line is in a bold font (known only when fonts were loaded). */
  bold: boolean;
  /** Baseline, from the bottom of the page. */
  y: number;
  x: number;
}

/** One page as read. */
export interface PageText {
  lines: Line[];
  /** Images painted on the page (checked only for pages with little text). */
  hasImages: boolean;
}

const root = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), '/');

const OPTIONS = {
  standardFontDataUrl: `${root}standard_fonts/`,
  cMapUrl: `${root}cmaps/`,
  wasmUrl: `${root}wasm/`,
  cMapPacked: true,
  // A font the PDF does not embed (Helvetica, Times…) is then measured with pdf.js's built-in
  // metrics instead of fetching and converting a font program nobody renders: a 20-page
  // dossier in Helvetica reads in 85 ms instead of 150. Symbol and ZapfDingbats still load.
  useSystemFonts: true,
  fontExtraProperties: true,
  // Every image is dropped before it is decoded: operator lists are built for fonts and to
  // spot scanned pages, never to paint, and decoding the pages of a 58-page scan with an OCR
  // layer took more than 512 MB.
  maxImageSize: 0,
  verbosity: 0,
};

/** Opens the bytes; pdfjs takes ownership of its buffer, so it gets a copy. */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ ...OPTIONS, data: new Uint8Array(bytes), stopAtErrors: false }).promise;
}

/** Strict twins of open documents, opened on the first page that may be a scan. */
const probes = new WeakMap<PDFDocumentProxy, Promise<PDFDocumentProxy>>();

/** Closes a document from `openPdf`, and its probe if one was opened. */
export async function closePdf(doc: PDFDocumentProxy): Promise<void> {
  const probe = probes.get(doc);
  await Promise.all([
    doc.loadingTask.destroy().catch(() => undefined),
    probe?.then((p) => p.loadingTask.destroy()).catch(() => undefined),
  ]);
}

/**
 * Whether the page paints an image, told without decoding it. In the probe (`stopAtErrors`)
 * the dropped image is an error that ends the operator list, so its list comes out shorter
 * than the tolerant one (`ops` operators). Content too damaged for a strict reading also ends
 * it early; on a page with almost no text, that page is as unreadable as a scan.
 */
async function paintsImage(doc: PDFDocumentProxy, number: number, ops: number): Promise<boolean> {
  let probe = probes.get(doc);
  if (!probe) {
    probe = doc
      .getData()
      .then((data) => getDocument({ ...OPTIONS, data, stopAtErrors: true }).promise);
    probes.set(doc, probe);
  }
  try {
    const page = await (await probe).getPage(number);
    const strict = await page.getOperatorList();
    page.cleanup();
    return strict.fnArray.length < ops;
  } catch {
    return false;
  }
}

/**
 * pdf.js keeps every font it translated until the document is cleaned up, and a clean-up
 * costs the translation of the fonts still in use (half a second for a Word export). Pages
 * that each embed their own copy of a font (scans OCR'd page by page, then joined) pile them
 * up: tesseract's font maps 65,536 codes and holds about 10 MB once translated. Such a page
 * prints most of its text in fonts never met before; a typeset dossier has one or two.
 */
const FRESH_PAGES_PER_CLEANUP = 3;
const fontsMet = new WeakMap<PDFDocumentProxy, { names: Set<string>; fresh: number }>();

/** Drops the translated fonts after a few pages in new fonts; later pages load theirs again. */
async function boundFonts(doc: PDFDocumentProxy, items: TextItem[]): Promise<void> {
  let met = fontsMet.get(doc);
  if (!met) fontsMet.set(doc, (met = { names: new Set(), fresh: 0 }));
  let inNew = 0;
  let all = 0;
  for (const { fontName, str } of items) {
    const chars = str.trim().length;
    all += chars;
    if (chars > 0 && !met.names.has(fontName)) inNew += chars;
  }
  for (const { fontName } of items) met.names.add(fontName);
  if (all === 0 || inNew * 2 <= all || ++met.fresh < FRESH_PAGES_PER_CLEANUP) return;
  met.fresh = 0;
  await doc.cleanup().catch(() => undefined);
}

const BOLD = /bold|black|heavy|semibold|demi|-bd\b|,b\b|\bcbx|\bbx\d/i;

/**
 * Reads one page. Fonts (hence bold) are known only after an operator list is built, which
 * costs as much as the text: it is built only when `fonts` is asked and the page has a new
 * font, or when the page has too little text and may be an image.
 */
export async function readPage(
  doc: PDFDocumentProxy,
  number: number,
  fonts: boolean,
): Promise<PageText> {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  const items = content.items.filter((item): item is TextItem => 'str' in item);
  const chars = items.reduce((sum, item) => sum + item.str.trim().length, 0);
  let hasImages = false;
  // Fonts are shared by the whole document: the operator list (which loads them) is only
  // needed for a page that uses a font not met yet, or that may be a scanned page.
  const unknownFont =
    fonts && items.some((item) => item.str.trim() && !page.commonObjs.has(item.fontName));
  if (unknownFont || chars < 20) {
    const ops = await page.getOperatorList();
    if (chars < 20) hasImages = await paintsImage(doc, number, ops.fnArray.length);
  }
  const boldFont = new Map<string, boolean>();
  const isBold = (fontName: string): boolean => {
    let known = boldFont.get(fontName);
    if (known === undefined) {
      known = false;
      if (page.commonObjs.has(fontName)) {
        const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean } | null;
        known = Boolean(font?.bold) || BOLD.test(font?.name ?? '');
      }
      boldFont.set(fontName, known);
    }
    return known;
  };
  const lines = toLines(items, isBold);
  page.cleanup();
  await boundFonts(doc, items);
  return { lines, hasImages };
}

function toLines(items: TextItem[], isBold: (font: string) => boolean): Line[] {
  const lines: Line[] = [];
  let parts: { item: TextItem; size: number }[] = [];
  let lastY = Number.NaN;
  let lastEnd = Number.NaN;
  let text = '';
  const flush = (): void => {
    const clean = repairLigatures(text.replace(/\s+/g, ' ').trim());
    if (clean && parts.length > 0) {
      const weights = new Map<number, number>();
      for (const { item, size } of parts)
        weights.set(size, (weights.get(size) ?? 0) + item.str.length);
      const size = [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
      const bold = parts.every(({ item }) => !item.str.trim() || isBold(item.fontName));
      const first = (parts[0]?.item.transform ?? []) as number[];
      lines.push({ text: clean, size, bold, y: first[5] ?? 0, x: first[4] ?? 0 });
    }
    parts = [];
    text = '';
  };
  for (const item of items) {
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
    const size = Math.round(Math.hypot(a, b) * 10) / 10;
    if (parts.length > 0 && Math.abs(y - lastY) > Math.max(size, 4) * 0.6) flush();
    if (item.str) {
      const gap = x - lastEnd;
      if (text && !/\s$/.test(text) && !/^\s/.test(item.str) && gap > size * 0.15) text += ' ';
      text += item.str;
      parts.push({ item, size });
      lastY = y;
      lastEnd = x + item.width;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/**
 * Word's Calibri "ti" ligature comes out of many PDF exports mapped to U+099E (a Bengali letter):
 * between Latin letters it can only be that ligature.
 */
function repairLigatures(text: string): string {
  return text.includes('\u099e')
    ? text.replace(/(?<=\p{Script=Latin}|^)\u099e(?=\p{Script=Latin}|$)/gu, 'ti')
    : text;
}
