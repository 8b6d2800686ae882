/**
 * Passage alignment of two prepared texts: winnowed fingerprints of the first are looked up
 * among every k-gram of the second (seeds), each seed is extended word by word to a maximal
 * common run, and runs on the same course are merged across small gaps (an edited word, an
 * inserted one) into passages with exact character offsets in both texts.
 */
import { firstPosition, gramTable, type GramTable } from './gram-table.ts';
import { pageAt, type Prepared } from './prepare.ts';

/** Tuning of the aligner. */
export interface AlignOptions {
  /** Shortest passage reported, in words of the first text. */
  readonly minWords: number;
  /** Largest gap, in words on either side, bridged between two runs of one passage. */
  readonly gap: number;
  /** Largest move, in words of the second text, between two runs merged into one passage. */
  readonly jump: number;
  /** Repetitions of one k-gram in the second text followed as seeds. */
  readonly maxRepeats: number;
}

export const defaultAlign: AlignOptions = { minWords: 15, gap: 10, jump: 60, maxRepeats: 16 };

/** A passage found in both texts: token ranges, character offsets and pages. */
export interface Passage {
  /** First token, and token after the last, in the first text. */
  readonly aStart: number;
  readonly aEnd: number;
  /** Same in the second text. */
  readonly bStart: number;
  readonly bEnd: number;
  /** Character offsets in the original texts, end exclusive. */
  readonly aFrom: number;
  readonly aTo: number;
  readonly bFrom: number;
  readonly bTo: number;
  /** Pages (1-based) where the passage starts in each text. */
  readonly aPage: number;
  readonly bPage: number;
  /** Words matched exactly (the rest are bridged gaps). */
  readonly matched: number;
}

interface Run {
  a: number;
  b: number;
  len: number;
}

const tables = new WeakMap<Prepared, GramTable>();

/** Every k-gram of a text by hash, built once per prepared text. */
function tableOf(doc: Prepared): GramTable {
  let table = tables.get(doc);
  if (!table) {
    table = gramTable(doc.grams);
    tables.set(doc, table);
  }
  return table;
}

function maximalRuns(a: Prepared, b: Prepared, maxRepeats: number): Run[] {
  const table = tableOf(b);
  const wa = a.tokens.hashes;
  const wb = b.tokens.hashes;
  const k = a.k;
  const runs: Run[] = [];
  // Furthest end reached on each diagonal (a - b), so a seed inside a known run is skipped.
  const reached = new Map<number, number>();
  // A seed inside a run already found on another course only adds work on repeated text.
  let coveredEnd = 0;
  const { hashes, positions } = a.fingerprints;
  for (let f = 0; f < hashes.length; f++) {
    const i = positions[f] ?? 0;
    if (a.blocked[i]) continue;
    if (i + k <= coveredEnd) continue;
    let repeats = 0;
    for (let j = firstPosition(table, hashes[f] ?? 0); j !== -1; j = table.next[j] ?? -1) {
      if (++repeats > maxRepeats) break;
      const diagonal = i - j;
      if ((reached.get(diagonal) ?? -1) > i) continue;
      let same = true;
      for (let t = 0; t < k && same; t++) same = wa[i + t] === wb[j + t];
      if (!same) continue;
      let s = i;
      let t = j;
      while (s > 0 && t > 0 && wa[s - 1] === wb[t - 1]) {
        s--;
        t--;
      }
      let e = i + k;
      let u = j + k;
      while (e < a.tokens.count && u < b.tokens.count && wa[e] === wb[u]) {
        e++;
        u++;
      }
      reached.set(diagonal, e);
      coveredEnd = Math.max(coveredEnd, e);
      runs.push({ a: s, b: t, len: e - s });
    }
  }
  return runs;
}

/**
 * Weight of each run: its length plus the best chain of runs it can be merged with on both
 * sides. A text repeated in the second document then aligns on the copy that continues the
 * passage, not on an isolated repeat of the same words.
 */
function chainWeights(runs: Run[], gap: number): Float64Array {
  const n = runs.length;
  const forward = new Float64Array(n);
  const backward = new Float64Array(n);
  const joins = (p: Run, r: Run): boolean => {
    const gapA = r.a - (p.a + p.len);
    const gapB = r.b - (p.b + p.len);
    return gapA >= 0 && gapA <= gap && gapB >= 0 && gapB <= gap;
  };
  for (let i = 0; i < n; i++) {
    const r = runs[i] as Run;
    let best = 0;
    for (let j = i - 1; j >= 0; j--) {
      const p = runs[j] as Run;
      if (r.a - (p.a + p.len) > gap + r.len + p.len) break;
      if (joins(p, r)) best = Math.max(best, forward[j] ?? 0);
    }
    forward[i] = r.len + best;
  }
  for (let i = n - 1; i >= 0; i--) {
    const r = runs[i] as Run;
    let best = 0;
    for (let j = i + 1; j < n; j++) {
      const q = runs[j] as Run;
      if (q.a - (r.a + r.len) > gap) break;
      if (joins(r, q)) best = Math.max(best, backward[j] ?? 0);
    }
    backward[i] = r.len + best;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (forward[i] ?? 0) + (backward[i] ?? 0) - (runs[i]?.len ?? 0);
  return out;
}

/** Keeps the best-chained runs that do not overlap in the first text. */
function disjointRuns(runs: Run[], count: number, gap: number): Run[] {
  runs.sort((x, y) => x.a - y.a || x.b - y.b);
  const weight = chainWeights(runs, gap);
  const order = runs.map((_, i) => i);
  order.sort(
    (x, y) =>
      (weight[y] ?? 0) - (weight[x] ?? 0) || (runs[y]?.len ?? 0) - (runs[x]?.len ?? 0) || x - y,
  );
  const taken: Run[] = [];
  const used = new Uint8Array(count);
  for (const index of order) {
    const run = runs[index] as Run;
    let free = true;
    for (let i = run.a; i < run.a + run.len && free; i++) free = used[i] === 0;
    if (!free) continue;
    used.fill(1, run.a, run.a + run.len);
    taken.push(run);
  }
  return taken.sort((x, y) => x.a - y.a);
}

/** Where the band search for the next anchor of a passage looks, and what it takes. */
const CONFIRM = 3;

/**
 * Extends a course forward from its end (`e` in the first text, `u` in the second, both
 * exclusive) across light edits: the nearest run of `CONFIRM` common words within `gap` words
 * on each side (fewest skipped words first) continues the course, then it runs exactly as far
 * as it goes. Returns the new ends and the words matched on the way.
 */
function extendForward(
  wa: Uint32Array,
  wb: Uint32Array,
  e: number,
  u: number,
  gap: number,
): { e: number; u: number; matched: number } {
  const na = wa.length;
  const nb = wb.length;
  let matched = 0;
  for (;;) {
    let ni = -1;
    let nj = -1;
    search: for (let cost = 1; cost <= 2 * gap; cost++) {
      for (let da = Math.max(0, cost - gap); da <= Math.min(gap, cost); da++) {
        const i = e + da;
        const j = u + cost - da;
        if (i + CONFIRM > na || j + CONFIRM > nb) continue;
        if (wa[i] === wb[j] && wa[i + 1] === wb[j + 1] && wa[i + 2] === wb[j + 2]) {
          ni = i;
          nj = j;
          break search;
        }
      }
    }
    if (ni < 0) return { e, u, matched };
    let i = ni + CONFIRM;
    let j = nj + CONFIRM;
    while (i < na && j < nb && wa[i] === wb[j]) {
      i++;
      j++;
    }
    matched += i - ni;
    e = i;
    u = j;
  }
}

/** The same as `extendForward`, towards the start: `s` and `t` are the first words of the course. */
function extendBackward(
  wa: Uint32Array,
  wb: Uint32Array,
  s: number,
  t: number,
  gap: number,
): { s: number; t: number; matched: number } {
  let matched = 0;
  for (;;) {
    let ni = -1;
    let nj = -1;
    search: for (let cost = 1; cost <= 2 * gap; cost++) {
      for (let da = Math.max(0, cost - gap); da <= Math.min(gap, cost); da++) {
        // The confirming run ends just before s - da and t - db.
        const i = s - da;
        const j = t - (cost - da);
        if (i - CONFIRM < 0 || j - CONFIRM < 0) continue;
        if (wa[i - 1] === wb[j - 1] && wa[i - 2] === wb[j - 2] && wa[i - 3] === wb[j - 3]) {
          ni = i;
          nj = j;
          break search;
        }
      }
    }
    if (ni < 0) return { s, t, matched };
    let i = ni - CONFIRM;
    let j = nj - CONFIRM;
    while (i > 0 && j > 0 && wa[i - 1] === wb[j - 1]) {
      i--;
      j--;
    }
    matched += ni - i;
    s = i;
    t = j;
  }
}

interface Course {
  a: number;
  aEnd: number;
  b: number;
  bEnd: number;
  matched: number;
  /** Where the first run starts and the last run ends, in both texts: the ends of the course. */
  headA: number;
  headB: number;
  tailA: number;
  tailB: number;
}

/** Aligns `a` against `b`: passages of `a` found in `b`, in the order of `a`. */
export function align(a: Prepared, b: Prepared, options: AlignOptions = defaultAlign): Passage[] {
  const runs = disjointRuns(maximalRuns(a, b, options.maxRepeats), a.tokens.count, options.gap);
  const merged: Course[] = [];
  const near = (last: Course, b0: number, b1: number): boolean =>
    b1 >= last.b - options.jump && b0 <= last.bEnd + options.jump;
  for (const run of runs) {
    const last = merged.at(-1);
    const gapA = run.a - (last?.aEnd ?? 0);
    // Within a passage the copied paragraphs may come in another order than in the source.
    if (last && near(last, run.b, run.b + run.len) && gapA <= options.gap) {
      last.aEnd = run.a + run.len;
      last.b = Math.min(last.b, run.b);
      last.bEnd = Math.max(last.bEnd, run.b + run.len);
      last.matched += run.len;
      last.tailA = run.a + run.len;
      last.tailB = run.b + run.len;
    } else {
      merged.push({
        a: run.a,
        aEnd: run.a + run.len,
        b: run.b,
        bEnd: run.b + run.len,
        matched: run.len,
        headA: run.a,
        headB: run.b,
        tailA: run.a + run.len,
        tailB: run.b + run.len,
      });
    }
  }
  // Light edits (a word replaced, dropped or inserted every few words) break the exact runs:
  // each course is carried on from both its ends through the edits, then courses that meet join.
  const wa = a.tokens.hashes;
  const wb = b.tokens.hashes;
  const courses: Course[] = [];
  for (const m of merged) {
    const back = extendBackward(wa, wb, m.headA, m.headB, options.gap);
    const forth = extendForward(wa, wb, m.tailA, m.tailB, options.gap);
    const grown: Course = {
      ...m,
      a: Math.min(m.a, back.s),
      b: Math.min(m.b, back.t),
      aEnd: Math.max(m.aEnd, forth.e),
      bEnd: Math.max(m.bEnd, forth.u),
      matched: m.matched + back.matched + forth.matched,
      tailA: forth.e,
      tailB: forth.u,
    };
    const last = courses.at(-1);
    if (last && grown.a <= last.aEnd + options.gap && near(last, grown.b, grown.bEnd)) {
      // Words covered by both are counted once, as the later course's own.
      const overlap = Math.max(0, last.aEnd - grown.a);
      last.aEnd = Math.max(last.aEnd, grown.aEnd);
      last.b = Math.min(last.b, grown.b);
      last.bEnd = Math.max(last.bEnd, grown.bEnd);
      last.matched = Math.min(last.aEnd - last.a, last.matched + grown.matched - overlap);
    } else courses.push(grown);
  }
  const out: Passage[] = [];
  for (const m of courses) {
    if (m.aEnd - m.a < options.minWords) continue;
    const aFrom = a.tokens.starts[m.a] ?? 0;
    const bFrom = b.tokens.starts[m.b] ?? 0;
    out.push({
      aStart: m.a,
      aEnd: m.aEnd,
      bStart: m.b,
      bEnd: m.bEnd,
      aFrom,
      aTo: a.tokens.ends[m.aEnd - 1] ?? aFrom,
      bFrom,
      bTo: b.tokens.ends[m.bEnd - 1] ?? bFrom,
      aPage: pageAt(a.pageOffsets, aFrom),
      bPage: pageAt(b.pageOffsets, bFrom),
      matched: m.matched,
    });
  }
  return out;
}
