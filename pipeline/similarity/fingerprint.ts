/**
 * Word k-gram hashes and winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003): in every window
 * of `w` consecutive k-grams the smallest hash is kept, so any run of `k + w - 1` common words
 * shares at least one kept fingerprint with the other text, whatever surrounds it.
 */
import type { Tokens } from './normalise.ts';

/** Parameters of the fingerprints. */
export interface FingerprintOptions {
  /** Words per k-gram. */
  readonly k: number;
  /** Window of k-grams from which the minimum is kept. */
  readonly w: number;
}

/** Defaults: every common run of 15 words or more is found. */
export const defaultFingerprint: FingerprintOptions = { k: 8, w: 8 };

/** Selected fingerprints of a text: hash and index of the k-gram's first token. */
export interface Fingerprints {
  readonly hashes: Uint32Array;
  readonly positions: Uint32Array;
}

const BASE = 0x9e3779b1;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of every k-gram of words (index i = k-gram starting at token i), rolling. */
export function kgramHashes(tokens: Tokens, k: number): Uint32Array {
  const n = tokens.count - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const words = tokens.hashes;
  let top = 1;
  for (let j = 1; j < k; j++) top = Math.imul(top, BASE);
  let h = 0;
  for (let j = 0; j < k; j++) h = (Math.imul(h, BASE) + (words[j] ?? 0)) | 0;
  const out = new Uint32Array(n);
  out[0] = mix(h);
  for (let i = 1; i < n; i++) {
    h = (h - Math.imul(words[i - 1] ?? 0, top)) | 0;
    h = (Math.imul(h, BASE) + (words[i + k - 1] ?? 0)) | 0;
    out[i] = mix(h);
  }
  return out;
}

let work = { hashes: new Uint32Array(1 << 14), positions: new Uint32Array(1 << 14) };

/**
 * Robust winnowing of k-gram hashes: the rightmost minimum of each window, recorded once.
 * A text shorter than one window keeps its single smallest k-gram.
 */
export function winnow(grams: Uint32Array, w: number): Fingerprints {
  const n = grams.length;
  if (n === 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  const window = Math.min(w, n);
  // Robust winnowing keeps at most one fingerprint per k-gram (about 2 / (w + 1) of them on
  // prose), written to work arrays reused from call to call and copied out at the end.
  if (work.hashes.length < n) work = { hashes: new Uint32Array(n), positions: new Uint32Array(n) };
  const { hashes, positions } = work;
  let count = 0;
  // Monotonic deque (a ring of the window's size) of k-grams whose hashes increase; the
  // front is the window's minimum.
  let ringSize = 1;
  while (ringSize <= window) ringSize *= 2;
  const ring = ringSize - 1;
  const dequeAt = new Int32Array(ringSize);
  const dequeHash = new Uint32Array(ringSize);
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const value = grams[i] ?? 0;
    while (tail !== head && (dequeHash[(tail - 1) & ring] ?? 0) >= value) tail = (tail - 1) & ring;
    dequeAt[tail] = i;
    dequeHash[tail] = value;
    tail = (tail + 1) & ring;
    if ((dequeAt[head] ?? 0) <= i - window) head = (head + 1) & ring;
    if (i >= window - 1) {
      const min = dequeAt[head] ?? 0;
      if (min !== last) {
        hashes[count] = dequeHash[head] ?? 0;
        positions[count++] = min;
        last = min;
      }
    }
  }
  return { hashes: hashes.slice(0, count), positions: positions.slice(0, count) };
}

/** Fingerprints of a token stream with the given parameters. */
export function fingerprint(
  tokens: Tokens,
  options: FingerprintOptions = defaultFingerprint,
): Fingerprints {
  return winnow(kgramHashes(tokens, options.k), options.w);
}
