/**
 * Opens a PDF with pdfjs-dist (legacy build, for Node; v6 has no eval path to turn off) and turns each page into lines with
 * their font size and weight, in reading order.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  getDocument,
  OPS,
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

/** Closes a document from `openPdf`. */
export async function closePdf(doc: PDFDocumentProxy): Promise<void> {
  await doc.loadingTask.destroy().catch(() => undefined);
}

/** Share of the page an image must cover, in all, for the page to count as painted by images. */
const IMAGE_SHARE = 0.25;

/**
 * Whether the page paints images over a good part of it, told without decoding them. An image
 * is drawn in a unit square that a `cm` scales to its size, then `Do` paints it; pdf.js drops
 * the paint of an image too large to decode (here, every image), so what is left of it is a
 * scaling transform followed at once by the restore (or by nothing). A translation, or a
 * scaled transform followed by paths or text, is not an image.
 */
function paintsImage(ops: OperatorList, view: number[]): boolean {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  const page = Math.abs((x1 - x0) * (y1 - y0));
  if (page === 0) return false;
  let covered = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.transform) continue;
    const next = ops.fnArray[i + 1];
    if (next !== undefined && next !== OPS.restore && next !== OPS.paintFormXObjectEnd) continue;
    const [a = 0, b = 0, c = 0, d = 0] = ops.argsArray[i] as number[];
    const area = Math.abs(a * d - b * c);
    // A unit square scaled to at least a few points on each side: a placed image.
    if (area >= 16 && Math.min(Math.hypot(a, b), Math.hypot(c, d)) >= 4) covered += area;
  }
  return covered >= page * IMAGE_SHARE;
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
  // The dropped fonts' buffers lie outside the heap V8 sizes its collections by: a reader
  // process (started with --expose-gc) frees them now rather than when the heap fills.
  (globalThis as { gc?: () => void }).gc?.();
}

const BOLD = /bold|black|heavy|semibold|demi|-bd\b|,b\b|\bcbx|\bbx\d/i;

/** Lines longer than this are prose: whether they are bold changes no heading. */
const TITLE_CHARS = 120;

/** A page's operator list, as pdf.js gives it. */
export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/**
 * Reads one page. Fonts (hence bold) are known only after an operator list is built, which
 * costs almost as much as the text: it is built only when `fonts` is asked and a line short
 * enough to be a title is printed only in fonts not met yet (or met and bold), when the page
 * has too little text and may be an image, or when `operators` wants it (the hidden-text
 * search, which then costs no second pass over the document). A page whose operators cannot
 * be built keeps its text, bold unknown.
 */
export async function readPage(
  doc: PDFDocumentProxy,
  number: number,
  fonts: boolean,
  operators?: (ops: OperatorList) => void,
): Promise<PageText> {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  const items = content.items.filter((item): item is TextItem => 'str' in item);
  const chars = items.reduce((sum, item) => sum + item.str.trim().length, 0);
  let hasImages = false;
  const boldFont = new Map<string, boolean>();
  // Undefined for a font whose program is not loaded yet: pdf.js loads fonts for the whole
  // document, through an operator list.
  const isBold = (fontName: string): boolean | undefined => {
    let known = boldFont.get(fontName);
    if (known === undefined) {
      if (!page.commonObjs.has(fontName)) return undefined;
      const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean } | null;
      known = Boolean(font?.bold) || BOLD.test(font?.name ?? '');
      boldFont.set(fontName, known);
    }
    return known;
  };
  const first = toLines(items, isBold);
  let lines = first.lines;
  if ((fonts && first.undecided) || chars < 20 || operators) {
    const ops = await page.getOperatorList().catch(() => undefined);
    if (ops) {
      if (chars < 20) hasImages = paintsImage(ops, page.view);
      if (first.undecided && (fonts || chars < 20)) lines = toLines(items, isBold).lines;
      operators?.(ops);
    }
  }
  page.cleanup();
  await boundFonts(doc, items);
  return { lines, hasImages };
}

/**
 * The page's lines, bold when every character is in a bold font (an unknown font is not), and
 * whether a line short enough to be a title would be bold if its unknown fonts were.
 */
function toLines(
  items: TextItem[],
  isBold: (font: string) => boolean | undefined,
): { lines: Line[]; undecided: boolean } {
  const lines: Line[] = [];
  let undecided = false;
  let parts: { item: TextItem; size: number }[] = [];
  let lastY = Number.NaN;
  let lastEnd = Number.NaN;
  let text = '';
  const flush = (): void => {
    const clean = repairLigatures(text.replace(/\s+/g, ' ').trim());
    if (clean && parts.length > 0) {
      let size = parts[0]!.size;
      if (parts.some((part) => part.size !== size)) {
        const weights = new Map<number, number>();
        for (const part of parts)
          weights.set(part.size, (weights.get(part.size) ?? 0) + part.item.str.length);
        size = [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
      }
      let bold = true;
      let unknown = false;
      for (const { item } of parts) {
        if (!item.str.trim()) continue;
        const weight = isBold(item.fontName);
        if (weight === undefined) unknown = true;
        else if (!weight) bold = false;
      }
      if (bold && unknown && clean.length <= TITLE_CHARS) undecided = true;
      const first = (parts[0]?.item.transform ?? []) as number[];
      lines.push({ text: clean, size, bold: bold && !unknown, y: first[5] ?? 0, x: first[4] ?? 0 });
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
  return { lines, undecided };
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
