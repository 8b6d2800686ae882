/**
 * DOCX headings: from styles (Heading N, Titre N, any style with an outline level); when the
 * document has none, from short bold, large or numbered paragraphs. Title styles are not headings.
 */
import type { Heading } from '../../schemas/document.ts';
import type { Para } from './docx-paragraphs.ts';
import { NUMBERED } from './pdf-headings.ts';
import { isTocEntry, isTocTitle } from './toc.ts';

const NAMED = /^(?:heading|titre|überschrift|titolo|título)\s*([1-9])$/i;
const TITLE = /^(?:title|titre|subtitle|sous-titre|titre du document)$/i;
const TOC_STYLE =
  /^(?:toc|tdm|table des mati[eè]res|index|contents)\s*\d*$|^toc ?heading$|^en-t[êe]te de table des mati[eè]res$/i;

/** True when the paragraph belongs to a generated table of contents. */
function isTocParagraph(p: Para): boolean {
  const name = p.styleName ?? p.styleId ?? '';
  return (
    TOC_STYLE.test(name) ||
    (/\t\s*\d{1,3}$/.test(p.text) && p.text.length < 160) ||
    isTocEntry(p.text)
  );
}

function styleLevel(p: Para, outline: Map<string, number>): number | undefined {
  for (const name of [p.styleName, p.styleId]) {
    if (!name) continue;
    if (TITLE.test(name.trim())) return undefined;
    const match = NAMED.exec(name.trim()) ?? /^(?:heading|titre)([1-9])$/i.exec(name);
    if (match) return Number(match[1]);
  }
  const level = p.styleId ? outline.get(p.styleId) : undefined;
  return level === undefined ? undefined : level + 1;
}

function looksLikeHeading(text: string): boolean {
  const words = text.split(/\s+/).length;
  return (
    text.length >= 2 &&
    text.length <= 100 &&
    words <= 12 &&
    /\p{L}{2}/u.test(text) &&
    !/[.,;:]$/.test(text) &&
    /^[\p{Lu}\dIVX]/u.test(text)
  );
}

/** Headings with their paragraph index (to place them on rendered pages later). */
export function docxHeadings(
  paragraphs: Para[],
  outline: Map<string, number>,
): { heading: Heading; index: number }[] {
  const toc = paragraphs.map(isTocParagraph);
  const styled: { heading: Heading; index: number }[] = [];
  paragraphs.forEach((p, index) => {
    const level = styleLevel(p, outline);
    if (level !== undefined && !toc[index] && p.text.length <= 200)
      styled.push({ heading: { level, text: p.text, source: 'style' }, index });
  });
  const tocTitle = paragraphs.findIndex((p, i) => isTocTitle(p.text) && (toc[i + 1] ?? false));
  const withToc = (
    list: { heading: Heading; index: number }[],
  ): { heading: Heading; index: number }[] => {
    if (tocTitle < 0 || list.some((h) => h.index === tocTitle)) return list;
    const text = (paragraphs[tocTitle] as Para).text;
    return [
      ...list,
      { heading: { level: 1, text, source: 'style' as const }, index: tocTitle },
    ].sort((a, b) => a.index - b.index);
  };
  if (styled.length > 0) return withToc(styled);

  const sizes = paragraphs.map((p) => p.size).filter((s): s is number => s !== null);
  const body = mode(sizes);
  const found: { heading: Heading; index: number }[] = [];
  paragraphs.forEach((p, index) => {
    if (toc[index] || !looksLikeHeading(p.text)) return;
    const large = body !== undefined && p.size !== null && p.size >= body * 1.2;
    const numberedText = NUMBERED.test(p.text);
    if (p.bold || large) {
      const level = /^\d+\.\d+/.test(p.text) ? 2 : 1;
      found.push({
        heading: { level, text: p.text, source: large ? 'typography' : 'bold' },
        index,
      });
    } else if (numberedText && !p.numbered) {
      const depth = /^(\d+(?:\.\d+)*)/.exec(p.text)?.[1]?.split('.').filter(Boolean).length ?? 1;
      found.push({
        heading: { level: Math.min(depth, 9), text: p.text, source: 'numbering' },
        index,
      });
    }
  });
  return withToc(found);
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
