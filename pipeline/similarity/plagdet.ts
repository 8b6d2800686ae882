/**
 * PAN's detection measure (Potthast et al., "An Evaluation Framework for Plagiarism
 * Detection", COLING 2010): character-level macro precision and recall, granularity, and
 * plagdet = F1 / log2(1 + granularity). A detection detects a case when both their suspicious
 * ranges and their source ranges overlap, in the same pair of documents.
 */

/** A plagiarism case or a detection: a range of the suspicious text and one of the source. */
export interface Annotation {
  readonly suspicious: string;
  readonly source: string;
  readonly thisOffset: number;
  readonly thisLength: number;
  readonly sourceOffset: number;
  readonly sourceLength: number;
}

/** The measures of a set of detections against the truth. */
export interface PlagdetScore {
  readonly precision: number;
  readonly recall: number;
  readonly granularity: number;
  readonly plagdet: number;
  readonly cases: number;
  readonly detections: number;
}

type Interval = readonly [number, number];

function overlap(a: Interval, b: Interval): Interval | undefined {
  const from = Math.max(a[0], b[0]);
  const to = Math.min(a[1], b[1]);
  return from < to ? [from, to] : undefined;
}

function unionLength(intervals: Interval[]): number {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of sorted) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

const thisRange = (a: Annotation): Interval => [a.thisOffset, a.thisOffset + a.thisLength];
const sourceRange = (a: Annotation): Interval => [a.sourceOffset, a.sourceOffset + a.sourceLength];

function detects(r: Annotation, s: Annotation): boolean {
  return (
    r.suspicious === s.suspicious &&
    r.source === s.source &&
    overlap(thisRange(r), thisRange(s)) !== undefined &&
    overlap(sourceRange(r), sourceRange(s)) !== undefined
  );
}

/** Characters of `whole` covered by the parts of `others` that detect (or are detected by) it. */
function coveredShare(whole: Annotation, others: readonly Annotation[]): number {
  const inThis: Interval[] = [];
  const inSource: Interval[] = [];
  for (const other of others) {
    const t = overlap(thisRange(whole), thisRange(other));
    const s = overlap(sourceRange(whole), sourceRange(other));
    if (t) inThis.push(t);
    if (s) inSource.push(s);
  }
  const size = whole.thisLength + whole.sourceLength;
  return size === 0 ? 0 : (unionLength(inThis) + unionLength(inSource)) / size;
}

/** Scores detections against the truth, pooled over every pair of documents. */
export function plagdet(
  cases: readonly Annotation[],
  detections: readonly Annotation[],
): PlagdetScore {
  const byPair = new Map<string, Annotation[]>();
  const key = (a: Annotation): string => `${a.suspicious}\u0000${a.source}`;
  for (const s of cases) byPair.set(key(s), [...(byPair.get(key(s)) ?? []), s]);
  const detectionsByPair = new Map<string, Annotation[]>();
  for (const r of detections)
    detectionsByPair.set(key(r), [...(detectionsByPair.get(key(r)) ?? []), r]);

  let precisionSum = 0;
  for (const r of detections) {
    const hits = (byPair.get(key(r)) ?? []).filter((s) => detects(r, s));
    precisionSum += coveredShare(r, hits);
  }
  let recallSum = 0;
  let detected = 0;
  let granularitySum = 0;
  for (const s of cases) {
    const hits = (detectionsByPair.get(key(s)) ?? []).filter((r) => detects(r, s));
    recallSum += coveredShare(s, hits);
    if (hits.length > 0) {
      detected++;
      granularitySum += hits.length;
    }
  }
  const precision = detections.length === 0 ? 0 : precisionSum / detections.length;
  const recall = cases.length === 0 ? 0 : recallSum / cases.length;
  const granularity = detected === 0 ? 1 : granularitySum / detected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    granularity,
    plagdet: f1 / Math.log2(1 + granularity),
    cases: cases.length,
    detections: detections.length,
  };
}
