/**
 * Chooses, among the candidates, the place of each section: the heaviest chain of candidates in
 * plan order and document order (strong outweighs weak, a chapter outweighs a sub-section), then,
 * for each section left out of the chain, its best candidate elsewhere: that section is out of
 * order.
 */
import type { Candidate } from './plan-candidates.ts';

/** The place chosen for each section, and the sections found out of order. */
export interface Assignment {
  /** Chosen candidate by section index. */
  readonly picks: ReadonlyMap<number, Candidate>;
  /** Sections found only out of order. */
  readonly late: ReadonlySet<number>;
}

type IsTop = (candidate: Candidate) => boolean;

const weight = (candidate: Candidate, isTop: IsTop) =>
  (candidate.strength === 'strong' ? 10 : 3) + candidate.confidence + (isTop(candidate) ? 0.5 : 0);

/** Document order of two candidates. */
export const position = (a: Candidate, b: Candidate): number =>
  a.at.offset - b.at.offset || (a.at.page ?? 0) - (b.at.page ?? 0) || a.at.index - b.at.index;

export function assign(
  candidates: readonly Candidate[],
  /** True for a chapter (a heading at the document's top level, or the table of contents). */
  isTop: IsTop,
): Assignment {
  const sorted = [...candidates].sort(position);
  const best = sorted.map(() => 0);
  const previous = sorted.map(() => -1);
  sorted.forEach((candidate, i) => {
    const own = weight(candidate, isTop);
    best[i] = own;
    for (let j = 0; j < i; j++) {
      const before = sorted[j]!;
      if (before.section >= candidate.section || position(before, candidate) >= 0) continue;
      if (before.at.index >= 0 && before.at.index === candidate.at.index) continue;
      if (best[j]! + own > best[i]) [best[i], previous[i]] = [best[j]! + own, j];
    }
  });
  const picks = new Map<number, Candidate>();
  const used = new Set<number>();
  let end = best.indexOf(Math.max(-1, ...best));
  for (; end !== -1; end = previous[end]!) {
    const candidate = sorted[end]!;
    picks.set(candidate.section, candidate);
    if (candidate.at.index >= 0) used.add(candidate.at.index);
  }
  const late = new Set<number>();
  // A section the chain found only weakly, but found beyond doubt elsewhere, is out of order there
  // (« Valorisation des compétences » before the environment, and a « Bloc 1 » sub-section after).
  for (const [section, pick] of [...picks]) {
    if (pick.strength === 'strong') continue;
    const sure = sorted
      .filter((c) => c.section === section && c.strength === 'strong' && !used.has(c.at.index))
      .sort((a, b) => weight(b, isTop) - weight(a, isTop) || position(a, b))[0];
    if (!sure) continue;
    picks.set(section, sure);
    late.add(section);
    used.delete(pick.at.index);
    used.add(sure.at.index);
  }
  const rest = [...sorted]
    .filter((c) => !picks.has(c.section) && !(c.at.index >= 0 && used.has(c.at.index)))
    .sort((a, b) => weight(b, isTop) - weight(a, isTop) || position(a, b));
  for (const candidate of rest) {
    // Out of order and weak: nothing there plays the section.
    if (picks.has(candidate.section) || candidate.strength === 'weak') continue;
    if (candidate.at.index >= 0 && used.has(candidate.at.index)) continue;
    picks.set(candidate.section, candidate);
    late.add(candidate.section);
    if (candidate.at.index >= 0) used.add(candidate.at.index);
  }
  return { picks, late };
}
