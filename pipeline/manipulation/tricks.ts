/**
 * The text-manipulation tricks of one dossier, each counted by page: letters swapped for
 * look-alikes of other scripts, invisible characters inside words (both found in the text), and
 * hidden text (white, tiny, covered, invisible, vanished: found by the reader in the file).
 * Pages whose text was recognised by OCR are left out of the character tricks: a recogniser's
 * mistakes are not the candidate's.
 */
import type { Document } from '../../schemas/document.ts';
import { INVISIBLE, usesLookAlikes } from '../similarity/confusables.ts';

/** The tricks, by stable name. */
export const Tricks = [
  'look-alike-letters',
  'invisible-characters',
  'white-text',
  'tiny-text',
  'covered-text',
  'invisible-text',
  'vanished-text',
] as const;
export type Trick = (typeof Tricks)[number];

/** One trick found in a dossier. */
export interface TrickFound {
  readonly trick: Trick;
  /** Words (look-alikes, hidden text) or characters (invisible characters) concerned. */
  readonly count: number;
  readonly unit: 'words' | 'characters';
  /** Pages, with the count on each, in page order. */
  readonly pages: { page: number; count: number }[];
  /** A few of the words concerned, to see them (invisible characters shown as U+XXXX). */
  readonly samples: string[];
  /** True when some pages are estimated (a Word file not laid out). */
  readonly pagesEstimated?: boolean;
}

const HIDDEN: Record<NonNullable<Document['hidden']>[number]['kind'], Trick> = {
  white: 'white-text',
  tiny: 'tiny-text',
  covered: 'covered-text',
  invisible: 'invisible-text',
  vanish: 'vanished-text',
};

const SAMPLES = 5;
// A word with the invisible characters it may hold.
const WORD = new RegExp(`(?:[\\p{L}\\p{M}\\p{N}]|${INVISIBLE.source})+`, 'gu');
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

const shown = (word: string): string =>
  word.replace(
    INVISIBLE_ALL,
    (c) => `<U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}>`,
  );

const spelled = (word: string): string =>
  [...word]
    .map((c) =>
      /\p{Script=Latin}|\P{L}/u.test(c)
        ? c
        : `${c}<U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}>`,
    )
    .join('');

/** Counts by page, in page order. */
function byPage(counts: Map<number, number>): { page: number; count: number }[] {
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([page, count]) => ({ page, count }));
}

/** Every trick found in the Document, in the order of `Tricks`. */
export function findTricks(document: Document): TrickFound[] {
  const { text, pageOffsets } = document;
  const ocr = new Set((document.pageText ?? []).map((p) => p.page));
  const looks = new Map<number, number>();
  const invisible = new Map<number, number>();
  const lookSamples: string[] = [];
  const invisibleSamples: string[] = [];
  let page = 1;
  for (const match of text.matchAll(WORD)) {
    while (page < pageOffsets.length && (pageOffsets[page] ?? Infinity) <= match.index) page++;
    if (ocr.has(page)) continue;
    const word = match[0];
    const letters = word.replace(INVISIBLE_ALL, '');
    if (letters.length >= 2 && usesLookAlikes(letters)) {
      looks.set(page, (looks.get(page) ?? 0) + 1);
      if (lookSamples.length < SAMPLES) lookSamples.push(spelled(letters));
    }
    // Inside the word: an invisible character at an end only separates words.
    const inner = word.replace(/^(?:\P{L})+|(?:\P{L})+$/gu, '');
    const hidden = inner.match(INVISIBLE_ALL)?.length ?? 0;
    if (hidden > 0 && /\p{L}/u.test(inner)) {
      invisible.set(page, (invisible.get(page) ?? 0) + hidden);
      if (invisibleSamples.length < SAMPLES) invisibleSamples.push(shown(inner));
    }
  }
  const found: TrickFound[] = [];
  const add = (
    trick: Trick,
    unit: TrickFound['unit'],
    counts: Map<number, number>,
    samples: string[],
    estimated = false,
  ): void => {
    let count = 0;
    for (const n of counts.values()) count += n;
    if (count > 0)
      found.push({
        trick,
        count,
        unit,
        pages: byPage(counts),
        samples,
        ...(estimated ? { pagesEstimated: true } : {}),
      });
  };
  add('look-alike-letters', 'words', looks, lookSamples);
  add('invisible-characters', 'characters', invisible, invisibleSamples);
  for (const [kind, trick] of Object.entries(HIDDEN)) {
    const runs = (document.hidden ?? []).filter((h) => h.kind === kind);
    const counts = new Map<number, number>();
    for (const run of runs) counts.set(run.page, (counts.get(run.page) ?? 0) + run.words);
    add(
      trick,
      'words',
      counts,
      runs.slice(0, SAMPLES).map((r) => r.sample),
      runs.some((r) => r.pageEstimated),
    );
  }
  return found;
}
