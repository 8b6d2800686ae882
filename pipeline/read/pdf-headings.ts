/**
 * Headings of a PDF: from its outline (bookmarks) when it has one, else from typography
 * (size and weight against the body's dominant size) and numbering patterns.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Heading } from '../../schemas/document.ts';
import type { Line } from './pdf-load.ts';
import { isTocEntry, isTocTitle } from './toc.ts';

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

const MAX_OUTLINE = 500;

async function destinationPage(
  doc: PDFDocumentProxy,
  dest: OutlineNode['dest'],
): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target: unknown = explicit?.[0];
    if (typeof target === 'number') return target + 1;
    if (target && typeof target === 'object') return (await doc.getPageIndex(target as never)) + 1;
  } catch {
    // A dangling destination leaves the heading without a page; the heading itself stays.
  }
  return undefined;
}

/** Outline entries in document order, level = depth + 1. */
export async function outlineHeadings(doc: PDFDocumentProxy): Promise<Heading[]> {
  const outline = await doc.getOutline().catch(() => null);
  if (!outline || outline.length === 0) return [];
  const out: Heading[] = [];
  const walk = async (nodes: OutlineNode[], level: number): Promise<void> => {
    for (const node of nodes) {
      if (out.length >= MAX_OUTLINE) return;
      const text = node.title.replace(/\s+/g, ' ').trim();
      const page = await destinationPage(doc, node.dest);
      if (text)
        out.push(
          page === undefined
            ? { level, text, source: 'outline' }
            : { level, text, page, source: 'outline' },
        );
      if (level < 9 && node.items.length > 0) await walk(node.items as OutlineNode[], level + 1);
    }
  };
  await walk(outline, 1);
  return out;
}

export const NUMBERED =
  /^(?:(?:partie|chapitre|section|annexe)\s+[\dIVXLC]+\s*[:.\-–—]?|[IVXLC]{1,5}[.)]|\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-H][.)])\s+\S/i;
const STRONG =
  /^(?:(?:partie|chapitre|annexe)\s+[\dIVXLC]+|(?:premi[eè]re|deuxi[eè]me|seconde|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s+partie)\b/i;

/** The body's size: the font size carrying the most characters. */
function bodySize(pages: Line[][]): number {
  const weights = new Map<number, number>();
  for (const line of pages.flat())
    weights.set(line.size, (weights.get(line.size) ?? 0) + line.text.length);
  return [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

function plausible(text: string): boolean {
  if (text.length < 2 || text.length > 120) return false;
  if (!/\p{L}{2}/u.test(text) || /[,;]$/.test(text)) return false;
  if (/[.]$/.test(text) && !/^[\dIVX.]+\s/.test(text) && text.split(' ').length > 3) return false;
  return text.split(/\s+/).length <= 16 && !isTocEntry(text);
}

function numberingLevel(text: string): number | undefined {
  const match = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s/.exec(text);
  return match ? (match[1] ?? '').split('.').length : undefined;
}

/** Page 1 without any line of prose is a cover: its big title is not a heading. */
function isCover(lines: Line[], body: number): boolean {
  return !lines.some((line) => line.size <= body * 1.05 && line.text.length > 60);
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Typography headings: lines clearly larger than the body, or bold lines at body size that
 * stand alone, or numbered lines ("I.", "1.2", "Chapitre 3 :") that are short and not prose.
 * Pages of the TOC and a cover are skipped. Levels follow the distinct heading sizes.
 */
export function typographyHeadings(
  pages: Line[][],
  tocPages: ReadonlySet<number>,
  skip: ReadonlySet<Line> = new Set(),
): Heading[] {
  const body = bodySize(pages);
  if (body === 0) return [];
  const found: Found[] = [];
  pages.forEach((lines, index) => {
    if (tocPages.has(index + 1) || (index === 0 && isCover(lines, body))) return;
    let number: Line | undefined;
    lines.forEach((line) => {
      if (skip.has(line)) return;
      // A chapter number printed alone above its title ("1" then "Les architectures").
      if (/^(?:\d{1,2}|[IVX]{1,4})$/.test(line.text) && line.size >= body * 1.5) {
        number = line;
        return;
      }
      const text =
        number && Math.abs(number.y - line.y) < 4 * number.size
          ? `${number.text} ${line.text}`
          : line.text;
      number = undefined;
      if (!plausible(text)) return;
      const larger = line.size >= body * 1.15;
      const bold = line.bold && line.size >= body * 0.95;
      const numbered = NUMBERED.test(text) && (larger || bold || STRONG.test(text));
      const item = { line: { ...line, text }, page: index + 1 };
      if (larger && (line.bold || line.size >= body * 1.3 || NUMBERED.test(text)))
        found.push({ ...item, source: 'typography' });
      else if (numbered) found.push({ ...item, source: 'numbering' });
      else if (
        bold &&
        text.split(/\s+/).length <= 10 &&
        /^\p{Lu}/u.test(text) &&
        !/[.:]$/.test(text)
      )
        found.push({ ...item, source: 'bold' });
    });
  });
  const merged = mergeSplit(found);
  const sizes = [...new Set(merged.map((h) => h.line.size))].sort((a, b) => b - a).slice(0, 3);
  return merged.map(({ line, page, source }) => {
    const rank = sizes.indexOf(line.size);
    const level = numberingLevel(line.text) ?? (rank >= 0 ? rank + 1 : sizes.length + 1);
    return { level: Math.min(level, 9), text: line.text, page, source };
  });
}

interface Found {
  line: Line;
  page: number;
  source: Heading['source'];
}

/** A title line that cannot end there: a little word, a hyphen, a comma, an elision. */
const CONTINUES =
  /(?:\s(?:de|des|du|la|le|les|et|ou|à|au|aux|en|pour|par|sur|dans|avec|d['’]|l['’])|[-–—,:'’])$/iu;

/** True when `second` reads as the rest of the title begun by `first`. */
export const continuesTitle = (first: string, second: string): boolean =>
  /^\p{Ll}/u.test(second) || CONTINUES.test(first);

/** "Chapitre 2", "Partie III": a label printed above its title. */
export const isChapterLabel = (text: string): boolean =>
  STRONG.test(text) && text.split(/\s+/).length <= 3;

/**
 * One heading printed over two lines is one heading: "Chapitre 2" then its title, or two
 * lines of the same size and weight right below each other.
 */
function mergeSplit(found: Found[]): Found[] {
  const out: Found[] = [];
  for (const item of found) {
    const last = out[out.length - 1];
    const near = last !== undefined && last.page === item.page && last.line.y > item.line.y;
    const gap = near ? last.line.y - item.line.y : Infinity;
    const label = last !== undefined && isChapterLabel(last.line.text) && gap < 5 * last.line.size;
    // Double-spaced titles leave a wider gap: the second line must then read as a continuation.
    const continued = continuesTitle(last?.line.text ?? '', item.line.text);
    const wrapped =
      last !== undefined &&
      last.line.size === item.line.size &&
      last.line.bold === item.line.bold &&
      (gap < 1.9 * item.line.size || (continued && gap < 3.2 * item.line.size)) &&
      !NUMBERED.test(item.line.text);
    if (last && (label || wrapped) && !isTocTitle(item.line.text)) {
      out[out.length - 1] = {
        ...last,
        line: { ...last.line, text: `${last.line.text} ${item.line.text}`, y: item.line.y },
      };
    } else out.push(item);
  }
  return out;
}

/**
 * Outlines often leave out unnumbered chapters (Introduction, Remerciements, Conclusion).
 * Unnumbered lines printed in the size of an outline heading, larger than the text, on a page
 * where the outline has no heading, are added at that heading's level.
 */
export function complementOutline(
  outline: Heading[],
  pages: Line[][],
  tocPages: ReadonlySet<number>,
  skip: ReadonlySet<Line> = new Set(),
): Heading[] {
  const body = bodySize(pages);
  const keys = outline.map((h) => squash(h.text)).filter((k) => k.length >= 3);
  const levelBySize = new Map<number, number>();
  for (const heading of outline) {
    const key = squash(heading.text).slice(0, 24);
    const line =
      heading.page && key.length >= 3
        ? pages[heading.page - 1]?.find((l) => l.size > body * 1.1 && squash(l.text).includes(key))
        : undefined;
    if (line) levelBySize.set(line.size, Math.min(levelBySize.get(line.size) ?? 9, heading.level));
  }
  const outlinePages = new Set(outline.map((h) => h.page));
  const added: Heading[] = [];
  pages.forEach((lines, index) => {
    if (tocPages.has(index + 1) || (index === 0 && isCover(lines, body))) return;
    for (const line of lines) {
      if (skip.has(line)) continue;
      const level = levelBySize.get(line.size);
      const key = squash(line.text);
      if (level === undefined || !plausible(line.text) || key.length < 3) continue;
      if (NUMBERED.test(line.text) || outlinePages.has(index + 1)) continue;
      if (keys.some((k) => k.includes(key) || key.includes(k))) continue;
      added.push({ level, text: line.text, page: index + 1, source: 'typography' });
    }
  });
  if (added.length === 0) return outline;
  const all = [
    ...outline.map((h, i) => ({ h, i })),
    ...added.map((h, i) => ({ h, i: outline.length + i })),
  ];
  return all.sort((a, b) => (a.h.page ?? 0) - (b.h.page ?? 0) || a.i - b.i).map(({ h }) => h);
}
