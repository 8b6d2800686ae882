/**
 * DOCX headings: from styles (Heading N, Titre N, any style with an outline level); when the
 * document has none, from short bold, large or numbered paragraphs. Title styles are not headings.
 */
import type { Heading } from '../../schemas/document.ts';
import type { Para } from './docx-paragraphs.ts';
import { continuesTitle, isChapterLabel, NUMBERED } from './pdf-headings.ts';
import { coversDocument, entryNumbers, isTocEntry, isTocTitle } from './toc.ts';

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
  const { tocTitle, minis } = tocTitles(paragraphs, toc);
  // A chapter's own « Sommaire » is not a heading (its entries are TOC paragraphs already).
  for (const i of minis) toc[i] = true;
  const styled: { heading: Heading; index: number }[] = [];
  paragraphs.forEach((p, index) => {
    const level = styleLevel(p, outline);
    if (level !== undefined && !toc[index] && p.text.length <= 200)
      styled.push({ heading: { level, text: oneLine(p.text), source: 'style' }, index });
  });
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
  // Two styled paragraphs or fewer (a stray Heading 1) do not make the plan: bold ones join them.
  if (styled.length > 2) return withToc(mergeSplit(styled));

  const sizes = paragraphs.map((p) => p.size).filter((s): s is number => s !== null);
  const body = mode(sizes);
  const found: { heading: Heading; index: number }[] = [];
  paragraphs.forEach((p, index) => {
    const prev = found.at(-1);
    // The second paragraph of a title typed over two ("Valorisation des", "compétences").
    const rest =
      prev?.index === index - 1 &&
      p.bold === paragraphs[index - 1]!.bold &&
      p.size === paragraphs[index - 1]!.size &&
      looksLikeHeading(p.text.replace(/^\p{Ll}/u, (c) => c.toUpperCase())) &&
      continuesTitle(prev.heading.text, p.text);
    if (toc[index] || !(looksLikeHeading(p.text) || rest)) return;
    const large = body !== undefined && p.size !== null && p.size >= body * 1.2;
    const numberedText = NUMBERED.test(p.text);
    if (p.bold || large) {
      const level = /^\d+\.\d+/.test(p.text) ? 2 : 1;
      found.push({
        heading: { level, text: oneLine(p.text), source: large ? 'typography' : 'bold' },
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
  const all = [...styled, ...found.filter((f) => !styled.some((h) => h.index === f.index))];
  return withToc(mergeSplit(all.sort((a, b) => a.index - b.index)));
}

/**
 * The document's TOC title and the titles of chapters' own TOCs: of the titled blocks of TOC
 * paragraphs, the document's is the one whose page numbers span the most of the pages they
 * point to; a block that spans little of them is a chapter's, even when it is the only one.
 */
function tocTitles(paragraphs: Para[], toc: boolean[]): { tocTitle: number; minis: number[] } {
  const blocks: { title: number; numbers: number[]; entries: number }[] = [];
  paragraphs.forEach((p, i) => {
    if (!isTocTitle(p.text) || !toc[i + 1]) return;
    let end = i + 1;
    while (toc[end]) end++;
    const entries = paragraphs.slice(i + 1, end).map((e) => e.text.replace(/\t/g, ' '));
    blocks.push({ title: i, numbers: entryNumbers(entries), entries: entries.length });
  });
  const last = Math.max(0, ...blocks.flatMap((b) => b.numbers));
  const span = (b: { numbers: number[] }) =>
    b.numbers.length > 0 ? Math.max(...b.numbers) - Math.min(...b.numbers) : 0;
  const best = blocks
    .filter((b) => coversDocument(b.numbers, last))
    .sort((a, b) => span(b) - span(a) || b.entries - a.entries || a.title - b.title)[0];
  return {
    tocTitle: best?.title ?? -1,
    minis: blocks.filter((b) => b !== best).map((b) => b.title),
  };
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

/**
 * A title typed as two heading paragraphs of the same level ("Valorisation des", "compétences";
 * "Chapitre 2", "Les architectures") is one heading.
 */
function mergeSplit(
  list: { heading: Heading; index: number }[],
): { heading: Heading; index: number }[] {
  const out: { heading: Heading; index: number; last: number }[] = [];
  for (const item of list) {
    const prev = out.at(-1);
    const first = prev?.heading.text ?? '';
    const second = item.heading.text;
    if (
      prev &&
      prev.last + 1 === item.index &&
      prev.heading.level === item.heading.level &&
      prev.heading.source === item.heading.source &&
      !NUMBERED.test(second) &&
      !isTocTitle(second) &&
      (continuesTitle(first, second) || isChapterLabel(first))
    ) {
      prev.heading = { ...prev.heading, text: `${first} ${second}` };
      prev.last = item.index;
    } else out.push({ ...item, last: item.index });
  }
  return out.map(({ heading, index }) => ({ heading, index }));
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
