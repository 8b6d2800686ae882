import { describe, expect, it } from 'vitest';
import { fingerprintIndex } from '../../pipeline/similarity/fingerprint-index.ts';
import { kgramHashes, winnow } from '../../pipeline/similarity/fingerprint.ts';
import { tokenize } from '../../pipeline/similarity/normalise.ts';
import { prose, random as seeded } from './prose.ts';

/** Random hashes drawn from a small range, so that documents share and repeat them. */
function randomDocs(seed: number, count: number, range: number): Uint32Array[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () =>
    Uint32Array.from({ length: Math.floor(random() * 60) }, () =>
      // Both ends of the 32-bit range, where signed and unsigned readings differ.
      random() < 0.05 ? (random() < 0.5 ? 0 : 0xffffffff) : Math.floor(random() * range) * 0x1_0001,
    ),
  );
}

describe('fingerprint index (in memory)', () => {
  it('lists, for every hash, the documents holding it, ascending and once each', () => {
    for (const [seed, range] of [
      [1, 50],
      [2, 5000],
      [3, 2 ** 16],
    ] as const) {
      const docs = randomDocs(seed, 80, range);
      const expected = new Map<number, Set<number>>();
      for (const [d, hashes] of docs.entries())
        for (const h of hashes) expected.set(h, (expected.get(h) ?? new Set()).add(d));
      const index = fingerprintIndex(docs);
      expect(index.size).toBe(80);
      expect([...index.hashes].sort((a, b) => a - b)).toEqual(
        [...expected.keys()].sort((a, b) => a - b),
      );
      for (const [h, holders] of expected) {
        const seen: number[] = [];
        index.eachDocument(h, (d) => seen.push(d));
        expect(seen).toEqual([...holders].sort((a, b) => a - b));
        expect(index.frequency(h)).toBe(holders.size);
      }
      const absent = 0x7fff_fffe;
      expect(expected.has(absent)).toBe(false);
      index.eachDocument(absent, () => expect.fail('no document holds it'));
      expect(index.frequency(absent)).toBe(0);
    }
  });

  it('indexes no document, and empty documents, without failing', () => {
    expect(fingerprintIndex([]).hashes.length).toBe(0);
    const index = fingerprintIndex([new Uint32Array(0), Uint32Array.of(7, 7), new Uint32Array(0)]);
    expect(index.frequency(7)).toBe(1);
    const seen: number[] = [];
    index.eachDocument(7, (d) => seen.push(d));
    expect(seen).toEqual([1]);
  });
});

/** Robust winnowing written the slow, obvious way: the rightmost minimum of each window. */
function naiveWinnow(grams: Uint32Array, w: number): number[] {
  const window = Math.min(w, grams.length);
  const out: number[] = [];
  for (let end = window - 1; end < grams.length; end++) {
    let min = end;
    for (let i = end - 1; i > end - window; i--) if ((grams[i] ?? 0) < (grams[min] ?? 0)) min = i;
    if (out.at(-1) !== min) out.push(min);
  }
  return out;
}

describe('winnowing against the obvious implementation', () => {
  it('keeps the same k-grams on random, tied, rising and falling hashes', () => {
    const random = seeded(9);
    const inputs = [
      Uint32Array.from({ length: 3000 }, () => Math.floor(random() * 40)),
      Uint32Array.from({ length: 3000 }, () => Math.floor(random() * 2 ** 32)),
      Uint32Array.from({ length: 500 }, (_, i) => i),
      Uint32Array.from({ length: 500 }, (_, i) => 500 - i),
      Uint32Array.of(4, 4, 4, 4, 4, 4, 4, 4, 4, 1),
      Uint32Array.of(3, 1, 2),
    ];
    for (const grams of inputs)
      for (const w of [1, 2, 3, 8, 17, 5000]) {
        const { hashes, positions } = winnow(grams, w);
        const expected = naiveWinnow(grams, w);
        expect([...positions]).toEqual(expected);
        expect([...hashes]).toEqual(expected.map((i) => grams[i]));
      }
  });

  it('returns arrays of its own: a later call does not change an earlier result', () => {
    const first = winnow(kgramHashes(tokenize(prose(5, 4000)), 8), 8);
    const tokens = tokenize(prose(6, 3000));
    const copy = {
      hashes: [...first.hashes],
      starts: [...tokens.starts],
      words: [...tokens.hashes],
    };
    winnow(kgramHashes(tokenize(prose(7, 9000)), 8), 8);
    expect([...first.hashes]).toEqual(copy.hashes);
    expect([...tokens.starts]).toEqual(copy.starts);
    expect([...tokens.hashes]).toEqual(copy.words);
  });
});
