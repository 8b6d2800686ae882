/**
 * Fingerprints of many documents held in memory, for comparisons made in one run (a session's
 * dossiers against each other, a screening of many texts against many sources): for each hash,
 * the documents holding it. Flat typed arrays (an open-addressing table of hashes, postings
 * chained per hash), no object per fingerprint and no sort: one pass over the hashes builds it.
 * The corpus of past years lives on disk instead (corpus-index.ts).
 */

/** Which documents hold which fingerprint. Documents are numbered by their place in the input. */
export interface FingerprintIndex {
  /** Number of documents indexed. */
  readonly size: number;
  /** Distinct hashes, in no particular order. */
  readonly hashes: Uint32Array;
  /** Calls `visit` with each document holding `hash`, in ascending order, each once. */
  eachDocument(hash: number, visit: (doc: number) => void): void;
  /** How many documents hold `hash`. */
  frequency(hash: number): number;
}

const EMPTY = new Uint32Array(0);

// Slot fields, interleaved so that one probe touches one cache line.
const KEY = 0;
/** Last document posted in the slot, -1 for an empty slot (a hash met twice in one document is posted once). */
const LAST = 1;
const COUNT = 2;
/** First posting of the slot's chain. */
const HEAD = 3;
const STRIDE = 4;

/** Indexes the fingerprint hashes of each document (`docs[i]` is document i). */
export function fingerprintIndex(docs: readonly Uint32Array[]): FingerprintIndex {
  let total = 0;
  for (const hashes of docs) total += hashes.length;
  let slots = 16;
  while (slots < total * 2) slots *= 2;
  const mask = slots - 1;
  const table = new Int32Array(slots * STRIDE);
  for (let at = LAST; at < table.length; at += STRIDE) table[at] = -1;
  // Postings chained per slot; documents are read from the last, so each chain ascends.
  const postingDoc = new Uint32Array(total);
  const postingNext = new Int32Array(total);
  /** Offset in `table` of the slot of `hash`, used or not. */
  const slotOf = (hash: number): number => {
    const key = hash | 0;
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const at = slot * STRIDE;
      if (table[at + LAST] === -1 || table[at + KEY] === key) return at;
      slot = (slot + 1) & mask;
    }
  };

  let distinct = 0;
  let posted = 0;
  for (let d = docs.length - 1; d >= 0; d--) {
    const hashes = docs[d] ?? EMPTY;
    for (let i = 0; i < hashes.length; i++) {
      const hash = hashes[i] ?? 0;
      const at = slotOf(hash);
      const last = table[at + LAST] ?? -1;
      if (last === d) continue;
      if (last === -1) {
        table[at + KEY] = hash | 0;
        table[at + HEAD] = -1;
        distinct++;
      }
      table[at + LAST] = d;
      table[at + COUNT] = (table[at + COUNT] ?? 0) + 1;
      postingDoc[posted] = d;
      postingNext[posted] = table[at + HEAD] ?? -1;
      table[at + HEAD] = posted++;
    }
  }

  const distinctHashes = new Uint32Array(distinct);
  for (let at = 0, k = 0; at < table.length; at += STRIDE)
    if (table[at + LAST] !== -1) distinctHashes[k++] = table[at + KEY] ?? 0;

  return {
    size: docs.length,
    hashes: distinctHashes,
    eachDocument(hash, visit) {
      const at = slotOf(hash);
      if (table[at + LAST] === -1) return;
      for (let p = table[at + HEAD] ?? -1; p !== -1; p = postingNext[p] ?? -1)
        visit(postingDoc[p] ?? 0);
    },
    frequency(hash) {
      const at = slotOf(hash);
      return table[at + LAST] === -1 ? 0 : (table[at + COUNT] ?? 0);
    },
  };
}
