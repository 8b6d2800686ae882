/** Places DOCX/ODT headings on the pages of their LibreOffice rendering. */
import type { Document, Heading } from '../../schemas/document.ts';
import { isTocEntry } from './toc.ts';

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Each heading is looked for, in order, on the rendered pages from the previous heading's
 * page on: a line of the page that starts with the heading's text (spaces and punctuation
 * aside). TOC pages are skipped, so the "Sommaire" listing does not capture the headings.
 */
export function placeHeadings(headings: Heading[], rendered: Document): void {
  const tocPages = new Set(rendered.toc?.pages ?? []);
  const pages = rendered.pageOffsets.map((start, i) =>
    rendered.text
      .slice(start, rendered.pageOffsets[i + 1] ?? rendered.text.length)
      .split('\n')
      // A chapter's own « Sommaire » lists its sections before they start.
      .filter((line) => !isTocEntry(line))
      .map(squash)
      .filter(Boolean),
  );
  let from = 0;
  for (const heading of headings) {
    const target = squash(heading.text).slice(0, 60);
    if (!target) continue;
    const isToc = /sommaire|mati[eè]res|contents/i.test(heading.text);
    for (let i = from; i < pages.length; i++) {
      if (!isToc && tocPages.has(i + 1)) continue;
      if (
        (pages[i] ?? []).some(
          (line) => line.startsWith(target) || (target.startsWith(line) && line.length >= 12),
        )
      ) {
        heading.page = i + 1;
        from = i;
        break;
      }
    }
  }
}
