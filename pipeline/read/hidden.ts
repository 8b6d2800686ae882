/**
 * Hidden runs found by the PDF and DOCX passes (hidden-text.ts, hidden-docx.ts), placed in the
 * Document's text: each run is searched for, spaces aside, from where the previous one was
 * found on its page, so that the similarity check can leave it out of the candidate's prose.
 */
import type { HiddenText } from '../../schemas/document.ts';

/** A run to place: its kind, its page when known, and its text. */
export interface RunToPlace {
  readonly kind: HiddenText['kind'];
  readonly page?: number;
  readonly text: string;
}

const SAMPLE_WORDS = 12;

/** The text without white space, and the offset in the text of each of its characters. */
function compact(text: string, from: number, to: number): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) continue;
    chars += c;
    at.push(i);
  }
  return { chars, at };
}

const pageOf = (pageOffsets: readonly number[], offset: number): number => {
  let page = 1;
  for (let i = 0; i < pageOffsets.length; i++) if ((pageOffsets[i] ?? 0) <= offset) page = i + 1;
  return page;
};

/**
 * The hidden text of a Document from its runs. A run without a page (a Word file) gets the
 * page of its offset when the text has pages, else one estimated from its place in the text
 * over `pageCount`.
 */
export function placeHidden(
  text: string,
  pageOffsets: readonly number[],
  runs: readonly RunToPlace[],
  pageCount: number,
): HiddenText[] {
  const out: HiddenText[] = [];
  const pages = new Map<number, { chars: string; at: number[]; cursor: number }>();
  const whole = (page: number | undefined) => {
    const key = page ?? 0;
    let found = pages.get(key);
    if (!found) {
      const from = page ? (pageOffsets[page - 1] ?? 0) : 0;
      const to = page ? (pageOffsets[page] ?? text.length) : text.length;
      found = { ...compact(text, from, to), cursor: 0 };
      pages.set(key, found);
    }
    return found;
  };
  for (const run of runs) {
    const words = run.text.split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const sample = words.slice(0, SAMPLE_WORDS).join(' ');
    const needle = run.text.replace(/\s+/g, '');
    const hay = whole(run.page);
    let index = hay.chars.indexOf(needle, hay.cursor);
    if (index < 0) index = hay.chars.indexOf(needle);
    const placed: HiddenText = { kind: run.kind, page: run.page ?? 1, words: words.length, sample };
    if (index >= 0) {
      const start = hay.at[index] ?? 0;
      const end = (hay.at[index + needle.length - 1] ?? start) + 1;
      hay.cursor = index + needle.length;
      placed.start = start;
      placed.end = end;
      if (run.page === undefined) {
        if (pageOffsets.length > 1) placed.page = pageOf(pageOffsets, start);
        else if (pageCount > 1) {
          placed.page = Math.min(
            pageCount,
            1 + Math.floor((start / Math.max(1, text.length)) * pageCount),
          );
          placed.pageEstimated = true;
        }
      }
    } else if (run.page === undefined && pageCount > 1) placed.pageEstimated = true;
    out.push(placed);
  }
  return out;
}
