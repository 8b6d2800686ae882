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

/**
 * The pages (1-based) of the table of contents and its title as printed: a page whose title is
 * "Sommaire"/"Table des matières" with entries, followed by pages still mostly made of entries;
 * or, without a title, the first run of pages mostly made of dot-leader entries.
 */
export function findToc(pages: string[][]): { pages: number[]; title?: string } | undefined {
  const limit = Math.min(pages.length, 15);
  for (let i = 0; i < limit; i++) {
    const lines = pages[i] ?? [];
    const titleLine = lines.slice(0, 6).find(isTocTitle);
    const entries = lines.filter(isTocEntry).length;
    const titled = titleLine !== undefined && entries >= 3;
    if (!titled && !(leaderShare(lines) >= 0.5 && lines.length >= 5)) continue;
    const found = [i + 1];
    for (let j = i + 1; j < pages.length && share(pages[j] ?? [], isTocEntry) >= 0.6; j++)
      found.push(j + 1);
    return titleLine ? { pages: found, title: titleLine.trim() } : { pages: found };
  }
  return undefined;
}
