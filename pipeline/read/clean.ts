/** Removes running headers, footers and page numbers; repairs words hyphenated at line ends. */
import type { Line } from './pdf-load.ts';

const ZONE = 2;
const PAGE_NUMBER = /^(?:page\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:\/|sur|of|de)\s*\d{1,4})?$/i;

/** Running matter sits at the same height on every page: the key holds the text and the height. */
const key = (line: Line): string =>
  `${Math.round(line.y / 4)}|` +
  line.text
    .replace(/\d+/g, '#')
    .replace(/[ivxlcdm]+$/, '#')
    .replace(/\s+/g, ' ')
    .trim();

/** The lines at the top and bottom of a page (by position, not by stream order). */
function zoneLines(lines: Line[]): Line[] {
  if (lines.length <= ZONE * 2) return lines;
  const byY = [...lines].sort((a, b) => b.y - a.y);
  return [...byY.slice(0, ZONE), ...byY.slice(-ZONE)];
}

/**
 * A line is running matter when it sits in the top or bottom zone, is not larger than the
 * text, and the same text (digits aside, case kept) sits at the same height on several pages,
 * or when it is a bare page number there.
 */
export function removeRunningMatter(pages: Line[][]): Line[][] {
  const withText = pages.filter((lines) => lines.length > 0).length;
  const threshold = withText >= 6 ? 3 : 2;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(zoneLines(lines).map(key))) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const sizes = pages
    .flat()
    .map((line) => line.size)
    .sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  return pages.map((lines) => {
    const zone = new Set(zoneLines(lines));
    return lines.filter((line) => {
      // A chapter title at the top of its page is larger than text; running heads are not.
      if (!zone.has(line) || line.size > median * 1.2) return true;
      if (PAGE_NUMBER.test(line.text.trim())) return false;
      return withText < 2 || (counts.get(key(line)) ?? 0) < threshold;
    });
  });
}

/** Joins a page's lines; `exam-` + `ple` becomes `example` when the next line goes on in lower case. */
export function joinLines(lines: Line[]): string {
  let out = '';
  for (const line of lines) {
    if (!out) out = line.text;
    else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(line.text))
      out = out.slice(0, -1) + line.text;
    else out += `\n${line.text}`;
  }
  return out;
}

/** Words: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
