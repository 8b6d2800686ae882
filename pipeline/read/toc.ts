/** Finds the table of contents, so that its lines are not taken for the body's headings. */

const TITLE =
  /^(sommaire|table des mati[eè]res|table of contents|contents|plan du (dossier|rapport|m[ée]moire))$/i;
/** A TOC entry ends with dot leaders or spaces then a page number (arabic or roman). */
const ENTRY = /(?:\.{3,}|…{2,}|\s\.\s\.|\s{2,}|\s)\s*(?:\d{1,3}|[ivxlc]{1,6})$/i;
const LEADERS = /(?:\.\s?){3,}\s*(?:\d{1,3}|[ivxlc]{1,6})$/i;

/** True when the line is the table of contents' own title. */
export const isTocTitle = (text: string): boolean => TITLE.test(text.trim().replace(/\s+/g, ' '));

/** True when the line looks like a TOC entry (dot leaders, or a short line ending with a number). */
export const isTocEntry = (text: string): boolean => LEADERS.test(text) || ENTRY.test(text.trim());

const share = (lines: string[], test: (line: string) => boolean): number =>
  lines.length === 0 ? 0 : lines.filter(test).length / lines.length;
const leaderShare = (lines: string[]): number => share(lines, (line) => LEADERS.test(line));

/** The page numbers a TOC's entries point to (arabic numbers only). */
export const entryNumbers = (lines: string[]): number[] =>
  lines.flatMap((line) => {
    const match = /(\d{1,3})\s*$/.exec(line.trim());
    return match && isTocEntry(line) ? [Number(match[1])] : [];
  });

/**
 * A document's TOC points into most of it; a chapter's own « Sommaire » points only into that
 * chapter. Entries without page numbers cannot tell, and are taken as the document's.
 */
export function coversDocument(numbers: number[], pageCount: number): boolean {
  if (numbers.length === 0) return true;
  const span = Math.max(...numbers) - Math.min(...numbers);
  return span >= pageCount * 0.25 && Math.max(...numbers) >= pageCount * 0.5;
}

/** The lines (indexes) of a titled TOC block starting at `title`: the title and its entries. */
function block(lines: string[], title: number): number[] {
  const out = [title];
  for (let i = title + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isTocEntry(line)) out.push(i);
    // An entry wrapped over two lines: its first line has no number.
    else if (isTocEntry(lines[i + 1] ?? '') && line.length < 120 && out.length > 1) out.push(i);
    else if (out.length > 1 || i > title + 2) break;
  }
  return out;
}

/** What `findTocs` finds. */
export interface Tocs {
  /** The document's table of contents: its pages (1-based) and its title as printed. */
  toc?: { pages: number[]; title?: string };
  /** Other titled TOC blocks (a chapter's own « Sommaire »): page → indexes of their lines. */
  others: Map<number, number[]>;
}

/**
 * The document's table of contents: a page whose title is "Sommaire"/"Table des matières" with
 * entries, followed by pages still mostly made of entries, or without a title the first run of
 * pages mostly made of dot-leader entries; one that covers the document, in the first 15 pages,
 * else anywhere (LaTeX prints it at the end); `pages` starts with its own, then those of other
 * TOCs covering the document. Every other titled block is a chapter's own.
 */
export function findTocs(pages: string[][]): Tocs {
  const candidates: { pages: number[]; title?: string }[] = [];
  const blocks = new Map<number, number[]>();
  pages.forEach((lines, i) => {
    const title = lines.findIndex(isTocTitle);
    const own = title >= 0 ? block(lines, title) : [];
    if (own.length >= 3) blocks.set(i + 1, own);
    const entries = lines.filter(isTocEntry).length;
    const titled = title >= 0 && title < 6 && entries >= 3;
    if (!titled && !(leaderShare(lines) >= 0.5 && lines.length >= 5)) return;
    if (candidates.some((c) => c.pages.includes(i + 1))) return;
    const found = [i + 1];
    for (let j = i + 1; j < pages.length && share(pages[j] ?? [], isTocEntry) >= 0.6; j++)
      found.push(j + 1);
    candidates.push(titled ? { pages: found, title: lines[title]!.trim() } : { pages: found });
  });
  const covers = (c: { pages: number[] }): boolean =>
    coversDocument(entryNumbers(c.pages.flatMap((p) => pages[p - 1] ?? [])), pages.length);
  // Past the front, only a titled TOC: dot leaders there are a list of figures or tables.
  const titledCover = (c: { pages: number[]; title?: string }): boolean =>
    c.title !== undefined && covers(c);
  const chosen =
    candidates.find((c) => (c.pages[0] ?? 0) <= 15 && covers(c)) ?? candidates.find(titledCover);
  if (!chosen) return { others: blocks };
  // A short TOC in front and the full one at the end (LaTeX's shorttoc) are both the document's.
  const tocPages = [
    ...new Set([chosen, ...candidates.filter(titledCover)].flatMap((c) => c.pages)),
  ].sort((a, b) => a - b);
  const others = new Map([...blocks].filter(([page]) => !tocPages.includes(page)));
  const pagesFirst = [...chosen.pages, ...tocPages.filter((p) => !chosen.pages.includes(p))];
  return { toc: { ...chosen, pages: pagesFirst }, others };
}

/** The document's table of contents (see `findTocs`). */
export const findToc = (pages: string[][]): Tocs['toc'] => findTocs(pages).toc;
