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

const WORD_CHAR = /^[\p{L}\p{N}\u00AD]$/u;
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

/** Splits `text` into normalised word tokens with their original character offsets. */
export function tokenize(text: string): Tokens {
  const capacity = Math.max(16, Math.ceil(text.length / 4));
  let hashes = new Uint32Array(capacity);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let count = 0;
  const cache = new Map<string, number>();
  let pending: { start: number; word: string } | undefined;

  const push = (start: number, end: number, h: number): void => {
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
    hashes[count] = h;
    starts[count] = start;
    ends[count] = end;
    count++;
  };
  const slowHash = (word: string): number => {
    let h = cache.get(word);
    if (h === undefined) {
      h = hashWord(normaliseWord(word));
      if (cache.size < 200_000) cache.set(word, h);
    }
    return h;
  };

  const length = text.length;
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
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (((c | 0x20) - 0x61) >>> 0 < 26) {
          h = Math.imul(h ^ (c | 0x20), 0x01000193);
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
    }
    const end = i;
    let from = start;
    let word: string | undefined;
    if (pending) {
      word = pending.word + text.slice(start, end);
      from = pending.start;
      pending = undefined;
    }
    const next = text.charCodeAt(end);
    if (isHyphen(next) && HYPHEN_BREAK.test(text.slice(end, end + 12))) {
      pending = { start: from, word: word ?? text.slice(start, end) };
      continue;
    }
    if (isApostrophe(next) && ELIDED.has((word ?? text.slice(start, end)).toLowerCase())) {
      const after = text[end + 1];
      if (after !== undefined && /\p{L}/u.test(after)) continue;
    }
    push(
      from,
      end,
      word === undefined && ascii ? h >>> 0 : slowHash(word ?? text.slice(start, end)),
    );
  }
  if (pending) push(pending.start, pending.start + pending.word.length, slowHash(pending.word));
  return {
    count,
    hashes: hashes.subarray(0, count),
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
  };
}
