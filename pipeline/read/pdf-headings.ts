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
const STRONG = /^(?:partie|chapitre|annexe)\s+[\dIVXLC]+\b/i;

/** The body's size: the font size carrying the most characters. */
export function bodySize(pages: Line[][]): number {
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

/**
 * Typography headings: lines clearly larger than the body, or bold lines at body size that
 * stand alone, or numbered lines ("I.", "1.2", "Chapitre 3 :") that are short and not prose.
 * Pages of the TOC are skipped. Levels follow the distinct heading sizes, largest first.
 */
export function typographyHeadings(pages: Line[][], tocPages: ReadonlySet<number>): Heading[] {
  const body = bodySize(pages);
  if (body === 0) return [];
  const found: { line: Line; page: number; source: Heading['source'] }[] = [];
  pages.forEach((lines, index) => {
    if (tocPages.has(index + 1)) return;
    lines.forEach((line) => {
      const text = line.text;
      if (!plausible(text)) return;
      const larger = line.size >= body * 1.15;
      const bold = line.bold && line.size >= body * 0.95;
      const numbered = NUMBERED.test(text) && (larger || bold || STRONG.test(text));
      if (larger && (line.bold || line.size >= body * 1.3 || NUMBERED.test(text)))
        found.push({ line, page: index + 1, source: 'typography' });
      else if (numbered) found.push({ line, page: index + 1, source: 'numbering' });
      else if (
        bold &&
        text.split(/\s+/).length <= 10 &&
        /^\p{Lu}/u.test(text) &&
        !/[.:]$/.test(text)
      )
        found.push({ line, page: index + 1, source: 'bold' });
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

/** "Chapitre 2" on one line and its title on the next line are one heading. */
function mergeSplit<T extends { line: Line; page: number }>(found: T[]): T[] {
  const out: T[] = [];
  for (const item of found) {
    const last = out[out.length - 1];
    if (
      last &&
      last.page === item.page &&
      STRONG.test(last.line.text) &&
      last.line.text.split(/\s+/).length <= 3 &&
      Math.abs(last.line.y - item.line.y) < 5 * last.line.size &&
      !isTocTitle(item.line.text)
    ) {
      out[out.length - 1] = {
        ...last,
        line: { ...last.line, text: `${last.line.text} ${item.line.text}` },
      };
    } else out.push(item);
  }
  return out;
}
