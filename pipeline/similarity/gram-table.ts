/**
 * Positions of every k-gram of a text by hash, in flat typed arrays: an open-addressing table
 * of hashes, each pointing at its first position, positions chained in increasing order.
 * No object per k-gram, so building one per compared text costs little and leaves no garbage.
 */

/** The positions of each k-gram hash of one text. */
export interface GramTable {
  /** Positions (ascending) where the k-gram `hash` starts, at most `limit` of them. */
  positions(hash: number, limit: number): number[];
}

/** Builds the table of `grams` (hash of the k-gram starting at each token). */
export function gramTable(grams: Uint32Array): GramTable {
  const n = grams.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  // First position of each slot's hash, -1 for an empty slot.
  const heads = new Int32Array(size).fill(-1);
  const next = new Int32Array(n);
  const slotOf = (hash: number): number => {
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
    while (heads[slot] !== -1 && keys[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  };
  // From the end, so that prepending leaves each chain in increasing order.
  for (let i = n - 1; i >= 0; i--) {
    const hash = grams[i] ?? 0;
    const slot = slotOf(hash);
    keys[slot] = hash;
    next[i] = heads[slot] ?? -1;
    heads[slot] = i;
  }
  return {
    positions(hash, limit) {
      const out: number[] = [];
      for (let i = heads[slotOf(hash)] ?? -1; i !== -1 && out.length < limit; i = next[i] ?? -1)
        out.push(i);
      return out;
    },
  };
}
