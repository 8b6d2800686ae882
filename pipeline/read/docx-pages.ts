/**
 * The page count of a DOCX when it cannot be rendered: Word's own count in docProps/app.xml
 * (only when Word wrote it), else explicit page breaks as a lower bound, else an estimate.
 * None of these is exact; each comes with a range.
 */
import type { Document } from '../../schemas/document.ts';
import type { Para } from './docx-paragraphs.ts';

type Pages = Document['pages'];

/** Explicit breaks in document.xml: page-break runs, page-break-before, and Word's last layout. */
export function countBreaks(documentXml: string): { explicit: number; rendered: number } {
  const runs = documentXml.match(/<w:br\b[^>]*w:type="page"/g)?.length ?? 0;
  const before =
    documentXml.match(/<w:pageBreakBefore(?:\/>|\s*\/>|\s+w:val="(?:1|true|on)")/g)?.length ?? 0;
  const sections = documentXml.match(/<w:type w:val="(?:nextPage|oddPage|evenPage)"/g)?.length ?? 0;
  const rendered = documentXml.match(/<w:lastRenderedPageBreak\/>/g)?.length ?? 0;
  return { explicit: runs + before + sections, rendered };
}

/** Pages from the text's length: ~95 characters a line, ~44 lines a page (A4, 11 pt). */
export function estimatePages(paragraphs: Para[]): number {
  const lines = paragraphs.reduce(
    (sum, p) => sum + Math.max(1, Math.ceil(p.text.length / 95)) + 0.4,
    0,
  );
  return Math.max(1, Math.ceil(lines / 44));
}

/** Word's `<Pages>` when Microsoft Word wrote app.xml (other producers copy stale values). */
export function wordPages(appXml: string | undefined): number | undefined {
  if (!appXml) return undefined;
  const application = /<Application>([^<]*)<\/Application>/.exec(appXml)?.[1] ?? '';
  const pages = /<Pages>(\d+)<\/Pages>/.exec(appXml)?.[1];
  if (!/Microsoft Office Word/i.test(application) || pages === undefined) return undefined;
  const count = Number(pages);
  return count > 0 ? count : undefined;
}

/** The best count available without rendering. */
export function unrenderedPages(
  documentXml: string,
  appXml: string | undefined,
  paragraphs: Para[],
): Pages {
  const breaks = countBreaks(documentXml);
  const lower = 1 + Math.max(breaks.explicit, breaks.rendered);
  const estimate = estimatePages(paragraphs);
  const word = wordPages(appXml);
  // Word updates <Pages> when it saves; files edited since by other tools keep a stale value
  // (seen: 1 or 4 pages stated for documents LibreOffice renders on 114–118 pages).
  const plausible = word !== undefined && estimate <= word * 1.6 + 2 && lower <= word + 2;
  if (word !== undefined && plausible) {
    return {
      count: Math.max(word, lower),
      method: 'docx-app-xml',
      exact: false,
      range: [Math.max(lower, word - 2), Math.max(lower, word + 2)],
    };
  }
  if (lower > 1) {
    const high = Math.max(lower + Math.ceil(lower * 0.1), Math.ceil(estimate * 1.3));
    return {
      count: Math.max(lower, Math.min(estimate, high)),
      method: 'page-breaks',
      exact: false,
      range: [lower, high],
    };
  }
  return {
    count: estimate,
    method: 'estimate',
    exact: false,
    range: [Math.max(1, Math.floor(estimate * 0.75)), Math.ceil(estimate * 1.3)],
  };
}
