/**
 * Positions of every k-gram of a text by hash, in flat typed arrays: an open-addressing table
 * of hashes, each pointing at its first position, positions chained in increasing order.
 * No object per k-gram, and walking a chain allocates nothing, so building one per compared
 * text costs little and leaves no garbage. The table is plain data walked by module functions,
 * so the aligner's hot loop calls one function, which the engine can inline.
 */

/** The positions of each k-gram hash of one text. */
export interface GramTable {
  readonly mask: number;
  readonly keys: Uint32Array;
  /** First position of each slot's hash, -1 for an empty slot. */
  readonly heads: Int32Array;
  /** Next position of the same hash after each position, -1 after the last. */
  readonly next: Int32Array;
}

function slotOf(table: GramTable, hash: number): number {
  const { mask, keys, heads } = table;
  let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
  while (heads[slot] !== -1 && keys[slot] !== hash) slot = (slot + 1) & mask;
  return slot;
}

/** Builds the table of `grams` (hash of the k-gram starting at each token). */
export function gramTable(grams: Uint32Array): GramTable {
  const n = grams.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const table: GramTable = {
    mask: size - 1,
    keys: new Uint32Array(size),
    heads: new Int32Array(size).fill(-1),
    next: new Int32Array(n),
  };
  const { keys, heads, next } = table;
  // From the end, so that prepending leaves each chain in increasing order.
  for (let i = n - 1; i >= 0; i--) {
    const hash = grams[i] ?? 0;
    const slot = slotOf(table, hash);
    keys[slot] = hash;
    next[i] = heads[slot] ?? -1;
    heads[slot] = i;
  }
  return table;
}

/** First position where the k-gram `hash` starts, -1 when it does not occur. */
export function firstPosition(table: GramTable, hash: number): number {
  return table.heads[slotOf(table, hash)] ?? -1;
}
