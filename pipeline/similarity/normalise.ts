/**
 * Word tokens of a text, normalised so that cosmetic differences do not hide a copy: case,
 * accents, œ/æ, French elisions (l', d', qu'…), curly apostrophes, NBSP/NNBSP, line-end
 * hyphenation, soft hyphens and digits. Each token keeps the character offsets of the
 * original text, so passages are reported on the text as written.
 */

/** Tokens of one text, as parallel typed arrays (no object per word). */
export interface Tokens {
  /** Number of tokens. */
  readonly count: number;
  /** 32-bit hash of each normalised word. */
  readonly hashes: Uint32Array;
  /** Offset in the original text of the first character of each token. */
  readonly starts: Uint32Array;
  /** Offset in the original text just after the last character of each token. */
  readonly ends: Uint32Array;
}

// Runs of letters, digits and soft hyphens; everything else (spaces of every width,
// punctuation, quotes) separates words.
const WORD = /[\p{L}\p{N}\u00AD]+/gu;
const APOSTROPHES = new Set(["'", '\u2019', '\u02BC', '\u2018']);
const ELIDED = new Set([
  'l',
  'd',
  'j',
  'n',
  's',
  'c',
  'm',
  't',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ĳ: 'ij', ﬁ: 'fi', ﬂ: 'fl' };
const HYPHEN_BREAK = /^[-\u2010\u00AD][ \t]*\r?\n[ \t]*(?=\p{Ll})/u;

/** The normalised form of one word: lower case, no accents, ligatures spelt out, digits → 0. */
export function normaliseWord(raw: string): string {
  let word = raw.toLowerCase();
  if (word.includes('\u00AD')) word = word.replaceAll('\u00AD', '');
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(word)) {
    word = word
      .replace(/[œæßĳﬁﬂ]/g, (c) => LIGATURES[c] ?? c)
      .normalize('NFD')
      .replace(/\p{M}+/gu, '');
  }
  return /\d/.test(word) ? word.replace(/\d+/g, '0') : word;
}

/** FNV-1a over UTF-16 code units, 32 bits. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Splits `text` into normalised word tokens with their original character offsets. */
export function tokenize(text: string): Tokens {
  const capacity = Math.max(16, Math.ceil(text.length / 4));
  let hashes = new Uint32Array(capacity);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let count = 0;
  const cache = new Map<string, number>();
  let pending: { start: number; word: string } | undefined;

  const push = (start: number, end: number, word: string): void => {
    if (count === hashes.length) {
      const grow = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      hashes = grow(hashes);
      starts = grow(starts);
      ends = grow(ends);
    }
    let h = cache.get(word);
    if (h === undefined) {
      h = hashWord(normaliseWord(word));
      if (cache.size < 200_000) cache.set(word, h);
    }
    hashes[count] = h;
    starts[count] = start;
    ends[count] = end;
    count++;
  };

  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    let word = match[0];
    let from = start;
    if (pending) {
      word = pending.word + word;
      from = pending.start;
      pending = undefined;
    }
    const next = text[end];
    if (
      (next === '-' || next === '\u2010' || next === '\u00AD') &&
      HYPHEN_BREAK.test(text.slice(end, end + 12))
    ) {
      pending = { start: from, word };
      continue;
    }
    if (next !== undefined && APOSTROPHES.has(next) && ELIDED.has(word.toLowerCase())) {
      const after = text[end + 1];
      if (after !== undefined && /\p{L}/u.test(after)) continue;
    }
    push(from, end, word);
  }
  if (pending) push(pending.start, pending.start + pending.word.length, pending.word);
  return {
    count,
    hashes: hashes.subarray(0, count),
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
  };
}
