/**
 * The page count of a DOCX when it cannot be rendered: Word's own count in docProps/app.xml
 * (only when Word wrote it), else a rough layout of the body, floored by its explicit page
 * breaks. None of these is exact; each comes with a range measured against LibreOffice's
 * rendering (`npm run eval:docx-pages`).
 */
import type { Document } from '../../schemas/document.ts';
import { layoutPages } from './docx-layout.ts';

type Pages = Document['pages'];

/**
 * How far each method's count may be from LibreOffice's rendering, as shares of the count: the
 * range is [count × (1 − low), count × (1 + high)], never below the explicit breaks. Measured by
 * `npm run eval:docx-pages` (test/bench/docx-estimate.ts): Word's own count was at most 5 %
 * under the rendering; the layout within −3…+4 % on generated and LibreOffice-made dossiers,
 * but up to 25 % high on real Word files heavy in tables or footnotes. Still outside: a Word
 * count of 118 that LibreOffice renders on 180 pages, and right-to-left text.
 */
const MARGINS = {
  'docx-app-xml': { low: 0.05, high: 0.05 },
  'page-breaks': { low: 0.25, high: 0.1 },
  estimate: { low: 0.25, high: 0.1 },
} as const;

/** Word's last layout: the page breaks it rendered, recorded in document.xml when it saved. */
export function renderedBreaks(documentXml: string): number {
  return documentXml.match(/<w:lastRenderedPageBreak\/>/g)?.length ?? 0;
}

/** Word's `<Pages>` when Microsoft Word wrote app.xml (other producers copy stale values). */
export function wordPages(appXml: string | undefined): number | undefined {
  if (!appXml) return undefined;
  const application = /<Application>([^<]*)<\/Application>/.exec(appXml)?.[1] ?? '';
  const pages = /<Pages>(\d+)<\/Pages>/.exec(appXml)?.[1];
  if (!/Microsoft (?:Office |Macintosh )?Word/i.test(application) || pages === undefined)
    return undefined;
  const count = Number(pages);
  return count > 0 ? count : undefined;
}

function range(method: keyof typeof MARGINS, count: number, floor: number): [number, number] {
  const { low, high } = MARGINS[method];
  return [
    Math.max(floor, Math.floor(count * (1 - low))),
    Math.max(floor, Math.ceil(count * (1 + high))),
  ];
}

/** The best count available without rendering. */
export function unrenderedPages(
  documentXml: string,
  appXml: string | undefined,
  stylesXml: string,
): Pages {
  const layout = layoutPages(documentXml, stylesXml);
  const floor = Math.max(layout.forced, 1 + renderedBreaks(documentXml));
  const estimate = Math.max(floor, layout.pages);
  const word = wordPages(appXml);
  // Word updates <Pages> when it saves; files edited since by other tools keep a stale value
  // (seen: 1 or 4 pages stated for documents LibreOffice renders on 114–118 pages).
  const plausible = word !== undefined && estimate <= word * 1.6 + 2 && floor <= word + 2;
  if (word !== undefined && plausible) {
    const count = Math.max(word, floor);
    return {
      count,
      method: 'docx-app-xml',
      exact: false,
      range: range('docx-app-xml', count, floor),
    };
  }
  const method = floor > 1 ? 'page-breaks' : 'estimate';
  return { count: estimate, method, exact: false, range: range(method, estimate, floor) };
}
