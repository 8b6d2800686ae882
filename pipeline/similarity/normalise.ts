/**
 * Word tokens of a text, normalised so that cosmetic differences do not hide a copy: case,
 * accents, œ/æ, French elisions (l', d', qu'…), curly apostrophes, NBSP/NNBSP, line-end
 * hyphenation, soft hyphens and digits; and the tricks meant to hide one: look-alike letters
 * of other scripts, invisible characters inside words, full-width and mathematical letters. Each token keeps the character offsets of the
 * original text, so passages are reported on the text as written.
 */

import { INVISIBLE, foldTricks } from './confusables.ts';

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

// Words are runs of letters, digits and soft hyphens; everything else (spaces of every width,
// punctuation, quotes) separates them.
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

/**
 * The normalised form of one word: look-alikes folded to Latin, invisible characters dropped,
 * lower case, no accents, ligatures and compatibility letters spelt out, digits → 0. A word of
 * invisible characters only normalises to ''.
 */
export function normaliseWord(raw: string): string {
  let word = raw;
  if (word.includes('\u00AD')) word = word.replaceAll('\u00AD', '');
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(word)) {
    word = foldTricks(word)
      .toLowerCase()
      .replace(/[œæßĳﬁﬂ]/g, (c) => LIGATURES[c] ?? c)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '');
  } else word = word.toLowerCase();
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

// Invisible characters are part of the word they sit in (« pla\u200Bgiat » is one word).
const WORD_CHAR = new RegExp(`^(?:[\\p{L}\\p{N}\\u00AD]|${INVISIBLE.source})$`, 'u');
// Word-character class of each UTF-16 code unit, filled on first sight: 0 unknown, 1 word, 2 not.
const unitKind = new Uint8Array(0x10000);

const isAsciiWordChar = (c: number): boolean =>
  ((c | 0x20) - 0x61) >>> 0 < 26 || (c - 0x30) >>> 0 < 10;

/** Length in code units of the word character at `i` (2 for an astral letter), 0 if none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiWordChar(c) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  let kind = unitKind[c] ?? 0;
  if (kind === 0) {
    kind = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    unitKind[c] = kind;
  }
  return kind === 1 ? 1 : 0;
}

const isApostrophe = (c: number): boolean =>
  c === 0x27 || c === 0x2019 || c === 0x02bc || c === 0x2018;
const isHyphen = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0xad;

/** A copy of `array` with twice its length. */
function grown(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const copy = new Uint32Array(array.length * 2);
  copy.set(array);
  return copy;
}

// Work arrays reused from one call to the next (tokenising is synchronous): fresh memory costs
// more to map and zero than the scan itself; each call copies out exactly what it found.
let work = {
  hashes: new Uint32Array(1 << 16),
  starts: new Uint32Array(1 << 16),
  ends: new Uint32Array(1 << 16),
};

/**
 * Splits `text` into normalised word tokens with their original character offsets. The hot
 * loop keeps its arrays in locals (no closure over them) and hashes ASCII words as it scans.
 */
export function tokenize(text: string): Tokens {
  const length = text.length;
  let { hashes, starts, ends } = work;
  let count = 0;
  const cache = new Map<string, number>();
  // -1 for a word that normalises to nothing (invisible characters alone): no token.
  const slowHash = (word: string): number => {
    let h = cache.get(word);
    if (h === undefined) {
      const normal = normaliseWord(word);
      h = normal === '' ? -1 : hashWord(normal);
      if (cache.size < 200_000) cache.set(word, h);
    }
    return h;
  };
  // A word cut by a line-end hyphen, waiting for its second half.
  let pendingStart = -1;
  let pendingWord = '';

  let i = 0;
  while (i < length) {
    const first = text.charCodeAt(i);
    if (first < 0x80 ? !isAsciiWordChar(first) : wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    // ASCII words, nearly all of them, are normalised and hashed here without a string:
    // lower case, each run of digits as one '0', FNV-1a as in hashWord.
    let ascii = true;
    let digits = false;
    let h = 0x811c9dc5;
    let c = first;
    for (;;) {
      if (c < 0x80) {
        const lower = c | 0x20;
        if ((lower - 0x61) >>> 0 < 26) {
          h = Math.imul(h ^ lower, 0x01000193);
          digits = false;
        } else if ((c - 0x30) >>> 0 < 10) {
          if (!digits) h = Math.imul(h ^ 0x30, 0x01000193);
          digits = true;
        } else break;
        i++;
      } else {
        const width = wordCharAt(text, i);
        if (width === 0) break;
        ascii = false;
        i += width;
      }
      if (i >= length) break;
      c = text.charCodeAt(i);
    }
    const end = i;
    const next = i < length ? c : -1;
    let from = start;
    let hash = h >>> 0;
    let word: string | undefined;
    if (pendingStart >= 0) {
      word = pendingWord + text.slice(start, end);
      from = pendingStart;
      pendingStart = -1;
    }
    if (next >= 0x80 || next === 0x2d || next === 0x27) {
      if (isHyphen(next) && HYPHEN_BREAK.test(text.slice(end, end + 12))) {
        pendingStart = from;
        pendingWord = word ?? text.slice(start, end);
        continue;
      }
      if (isApostrophe(next) && ELIDED.has((word ?? text.slice(start, end)).toLowerCase())) {
        const after = text[end + 1];
        if (after !== undefined && /\p{L}/u.test(after)) continue;
      }
    }
    if (word !== undefined || !ascii) {
      hash = slowHash(word ?? text.slice(start, end));
      if (hash === -1) continue;
    }
    if (count === hashes.length) {
      hashes = grown(hashes);
      starts = grown(starts);
      ends = grown(ends);
    }
    hashes[count] = hash;
    starts[count] = from;
    ends[count] = end;
    count++;
  }
  if (pendingStart >= 0) {
    if (count === hashes.length) {
      hashes = grown(hashes);
      starts = grown(starts);
      ends = grown(ends);
    }
    hashes[count] = slowHash(pendingWord) >>> 0;
    starts[count] = pendingStart;
    ends[count] = pendingStart + pendingWord.length;
    count++;
  }
  work = { hashes, starts, ends };
  return {
    count,
    hashes: hashes.slice(0, count),
    starts: starts.slice(0, count),
    ends: ends.slice(0, count),
  };
}
