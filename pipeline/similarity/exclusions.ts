/**
 * Text that is not the candidate's own prose and must not count as plagiarism: quotations,
 * end matter (bibliography, webography, references, annexes), the table of contents, the
 * headings, and figures (lines of numbers and dates, table cells, chart labels). Each range keeps its reason so that the report shows it, greyed, never silently.
 */
import type { Tokens } from './normalise.ts';

/** Why a stretch of text does not count. `template`, `common` and `own-earlier` come from other texts. */
export const Reasons = [
  'quotation',
  'bibliography',
  'toc',
  'heading',
  'figures',
  'hidden',
  'template',
  'common',
  'own-earlier',
] as const;
export type Reason = (typeof Reasons)[number];

/** Code of a reason in a token mask (0 = own prose). */
export const reasonCode = (reason: Reason): number => Reasons.indexOf(reason) + 1;
/** Reason of a mask code, undefined for own prose. */
export const reasonOf = (code: number): Reason | undefined => Reasons[code - 1];

/** A character range of the original text excluded for a reason. */
export interface Range {
  readonly start: number;
  readonly end: number;
  readonly reason: Reason;
}

/** What the reader knows of the layout, when the text comes from a dossier. */
export interface Layout {
  readonly pageOffsets?: readonly number[];
  readonly headings?: readonly {
    readonly text: string;
    readonly level: number;
    readonly offset?: number;
  }[];
  readonly toc?: { readonly pages: readonly number[] };
  /** Text the file carries but does not show (white, tiny, covered…), as offsets in the text. */
  readonly hidden?: readonly { readonly start: number; readonly end: number }[];
}

const QUOTE_PAIRS: readonly (readonly [string, string, number])[] = [
  ['«', '»', 4000],
  ['\u201C', '\u201D', 4000],
  ['"', '"', 1500],
];

/** Quotations in « », “ ” or " ": opened and closed within a bounded length. */
export function quotations(text: string): Range[] {
  const out: Range[] = [];
  for (const [open, close, max] of QUOTE_PAIRS) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      const end = text.indexOf(close, start + 1);
      if (end < 0) break;
      const inner = text.slice(start + 1, end);
      // A straight quote left unclosed would otherwise swallow whole paragraphs.
      if (end - start > max || (open === '"' && /\n\s*\n/.test(inner))) {
        from = start + 1;
        continue;
      }
      out.push({ start, end: end + 1, reason: 'quotation' });
      from = end + 1;
    }
  }
  return out;
}

const END_MATTER =
  /^[ \t]*(?:(?:[IVXLC]+|\d+|[A-Z])[.)]?[ \t]+)?(bibliographie|webographie|sitographie|netographie|r[ée]f[ée]rences(?: bibliographiques)?|sources(?: documentaires)?|annexes?|bibliography|references|appendix|appendices)[ \t]*:?[ \t]*$/gimu;

/**
 * End matter by its French heading. It runs to the next heading of the same or a higher level
 * that is not end matter itself, or to the end of the text; without known headings, only a
 * heading in the last two thirds of the text counts (a table of contents sits earlier).
 */
export function endMatter(text: string, layout: Layout = {}): Range[] {
  const out: Range[] = [];
  const headings = [...(layout.headings ?? [])]
    .filter((h) => h.offset !== undefined)
    .sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  for (const match of text.matchAll(END_MATTER)) {
    const start = match.index;
    const own = headings.find(
      (h) => Math.abs((h.offset ?? 0) - start) < 200 && END_MATTER_TITLE.test(h.text),
    );
    if (!own && start < text.length / 3) continue;
    let end = text.length;
    if (own) {
      const next = headings.find(
        (h) =>
          (h.offset ?? 0) > start + match[0].length &&
          h.level <= own.level &&
          !END_MATTER_TITLE.test(h.text),
      );
      if (next?.offset !== undefined) end = next.offset;
    }
    out.push({ start, end, reason: 'bibliography' });
  }
  return out;
}
const END_MATTER_TITLE =
  /(bibliographie|webographie|sitographie|netographie|r[ée]f[ée]rences|sources|annexes?|bibliography|references|appendix)/iu;

/** The pages of the table of contents and the heading lines, from the reader's layout. */
export function layoutRanges(text: string, layout: Layout): Range[] {
  const out: Range[] = [];
  const offsets = layout.pageOffsets ?? [0];
  for (const page of layout.toc?.pages ?? []) {
    const start = offsets[page - 1];
    if (start === undefined) continue;
    out.push({ start, end: offsets[page] ?? text.length, reason: 'toc' });
  }
  for (const heading of layout.headings ?? []) {
    if (heading.offset === undefined) continue;
    const lineEnd = text.indexOf('\n', heading.offset);
    const end = Math.max(heading.offset + heading.text.length, lineEnd < 0 ? text.length : lineEnd);
    out.push({
      start: heading.offset,
      end: Math.min(end, heading.offset + 300),
      reason: 'heading',
    });
  }
  return out;
}

const MONTHS_AND_DAYS = new Set(
  (
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre ' +
    'janv fevr fev avr juil sept oct nov dec lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'january february march april june july august september october november december ' +
    'jan feb mar apr jun jul aug sep monday tuesday wednesday thursday friday saturday sunday ' +
    't1 t2 t3 t4 q1 q2 q3 q4 s1 s2'
  ).split(' '),
);
const LINE_WORD = /[\p{L}\p{N}]+/gu;
/** Most words a line of a table or a chart may hold and still be a cell or a label. */
const CELL_WORDS = 3;
/** Consecutive short lines that make a table, a chart's labels or a list of items. */
const CELL_LINES = 3;

/** Whether a word of a line is a number, a date part or a period (2019, 12, mars, T3). */
function isFigure(word: string): boolean {
  if (/\d/.test(word)) return true;
  const plain = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  return MONTHS_AND_DAYS.has(plain);
}

/**
 * Figures, not prose: lines where numbers, dates and periods make at least half the words
 * (a table row, an axis of years, a schedule), and runs of `CELL_LINES` or more consecutive
 * lines of at most `CELL_WORDS` words (table cells, chart labels, lists of items). Two
 * reports with a chart of years and a table of figures share digits, not sentences.
 */
export function figures(text: string): Range[] {
  const out: Range[] = [];
  let block: { start: number; end: number; lines: number } | undefined;
  const close = (): void => {
    if (block && block.lines >= CELL_LINES)
      out.push({ start: block.start, end: block.end, reason: 'figures' });
    block = undefined;
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const words = text.slice(start, end).match(LINE_WORD) ?? [];
    if (words.length > 0) {
      let numbers = 0;
      for (const word of words) if (isFigure(word)) numbers++;
      if (numbers > 0 && numbers * 2 >= words.length) {
        out.push({ start, end, reason: 'figures' });
        close();
      } else if (words.length <= CELL_WORDS) {
        if (block) {
          block.end = end;
          block.lines++;
        } else block = { start, end, lines: 1 };
      } else close();
    }
    start = end + 1;
  }
  close();
  return out;
}

/** Every exclusion of a text found in the text itself. Hidden text goes first: it is not prose at all. */
export function textExclusions(text: string, layout: Layout = {}): Range[] {
  return [
    ...(layout.hidden ?? []).map((h): Range => ({ start: h.start, end: h.end, reason: 'hidden' })),
    ...quotations(text),
    ...endMatter(text, layout),
    ...layoutRanges(text, layout),
    ...figures(text),
  ];
}

/**
 * A mask with one reason code per token (0 = own prose). A token is excluded when its first
 * character falls inside a range; the first range applied to a token wins.
 */
export function maskTokens(tokens: Tokens, ranges: readonly Range[]): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  for (const range of ranges) {
    const code = reasonCode(range.reason);
    let i = lowerBound(tokens.starts, range.start);
    while (i < tokens.count && (tokens.starts[i] ?? 0) < range.end) {
      if (mask[i] === 0) mask[i] = code;
      i++;
    }
  }
  return mask;
}

/** First index whose value is ≥ target in a sorted array. */
export function lowerBound(sorted: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
