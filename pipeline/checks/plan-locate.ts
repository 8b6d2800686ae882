/** Where a plan section was found in a Document: a heading, the table of contents, a text line. */
import type { Document, Heading } from '../../schemas/document.ts';
import { headingScore, MATCH } from './headings.ts';

/** A place in the document that serves a section of the plan. */
export interface Located {
  /** Heading text as printed (or the line of text). */
  readonly text: string;
  /** Page, 1-based, when known. */
  readonly page?: number;
  /** Offset in the document text, for ordering (-1 when unknown). */
  readonly offset: number;
  /** Index of the heading in `document.headings` (-1 for the TOC or a text line). */
  readonly index: number;
  /** Heading score, 0–1. */
  readonly score: number;
  /** `heading` (certain), `toc`, `approximate` (fuzzy score), `text` (a line, not a heading). */
  readonly how: 'heading' | 'toc' | 'approximate' | 'text';
}

/** The page holding a text offset. */
function pageAt(document: Document, offset: number): number | undefined {
  if (document.pageOffsets.length <= 1) return undefined;
  let page = 0;
  while (page + 1 < document.pageOffsets.length && document.pageOffsets[page + 1]! <= offset)
    page++;
  return page + 1;
}

/** A heading as a Located place. */
export function locate(
  document: Document,
  heading: Heading,
  index: number,
  score: number,
  how: Located['how'],
): Located {
  const offset =
    heading.offset ?? (heading.page ? (document.pageOffsets[heading.page - 1] ?? -1) : -1);
  return heading.page
    ? { text: heading.text, page: heading.page, offset, index, score, how }
    : { text: heading.text, offset, index, score, how };
}

/**
 * A short line of the text that names the section, outside the table of contents: the reader
 * may have missed the heading, so a person looks rather than the dossier failing.
 */
export function findInText(document: Document, names: string[]): Located | undefined {
  const toc = new Set(document.toc?.pages ?? []);
  let offset = 0;
  for (const line of document.text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.length > 90) continue;
    const page = pageAt(document, start);
    if (page !== undefined && toc.has(page)) continue;
    // A line of the table of contents ends with its page number ("Introduction ..... 4"); a
    // title starts with a capital or a number and ends without a sentence's punctuation.
    if (/(\.{3,}|…|\t|\s{2,})\s*\d+$/.test(line.trimStart())) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(trimmed) || /[.,;]$/.test(trimmed)) continue;
    const score = Math.max(...names.map((name) => headingScore(trimmed, name)));
    if (score >= MATCH)
      return page
        ? { text: trimmed, page, offset: start, index: -1, score, how: 'text' }
        : { text: trimmed, offset: start, index: -1, score, how: 'text' };
  }
  return undefined;
}
