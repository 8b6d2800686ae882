/**
 * "Did you mean …?": the closest known name to a misspelt one. Sørensen–Dice similarity of
 * bigrams catches missing or extra letters (`keyDate` → `keyDates`); an edit distance that
 * counts a swap of two letters as one edit catches transpositions, which Dice scores poorly
 * (`tilte`/`title` = 0.25).
 */
import { diceCoefficient } from 'dice-coefficient';

/** Below this similarity two names are unrelated. */
const THRESHOLD = 0.6;

/** The known name closest to `word`, or undefined when none is close enough. */
export function suggest(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = THRESHOLD;
  const lower = word.toLowerCase();
  for (const name of [...new Set(known)].sort()) {
    if (name === word) continue;
    const other = name.toLowerCase();
    const edits = 1 - distance(lower, other) / Math.max(lower.length, other.length);
    const score = Math.max(diceCoefficient(lower, other), edits);
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const cell = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, cell(i - 2, j - 2) + 1);
      }
      rows[i]![j] = d;
    }
  }
  return cell(a.length, b.length);
}
