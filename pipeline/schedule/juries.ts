/**
 * The juries the model may form. Every combination of `jurySize` active members who share a
 * day is a candidate jury; on large sessions each member keeps only its `partners` best
 * partners (complementary expertise, then most shared days, then ids), which keeps the MIP
 * small. The optimum is then proven over those juries, not over every possible pairing.
 */
import type { Seat } from './model.ts';
import { combinations } from './people.ts';

export interface JuryOptions {
  /** Above this many combinations, restrict each member to its best partners (default 240). */
  readonly maxJuries?: number;
  /** Partners kept per member when restricting (default 4). */
  readonly partners?: number;
}

const shared = (a: Seat, b: Seat) => [...a.days].filter((d) => b.days.has(d)).length;

/** Sorted candidate juries (each a sorted list of member ids). */
export function formJuries(
  members: readonly Seat[],
  size: number,
  specialisations: readonly string[],
  options: JuryOptions = {},
): string[][] {
  const sorted = [...members].sort((a, b) => a.id.localeCompare(b.id));
  const useful = (jury: Seat[]) =>
    [...jury[0]!.days].some((d) => jury.every((m) => m.days.has(d))) &&
    specialisations.some((s) => jury.some((m) => m.expertise.includes(s)));
  let juries = combinations(sorted, size).filter(useful);
  if (size === 2 && juries.length > (options.maxJuries ?? 240)) {
    const keep = new Set<string>();
    const partners = options.partners ?? 4;
    for (const member of sorted) {
      const coverage = (other: Seat) =>
        specialisations.filter((s) => member.expertise.includes(s) || other.expertise.includes(s))
          .length;
      const ranked = sorted
        .filter((o) => o !== member && useful([member, o]))
        .sort(
          (a, b) =>
            coverage(b) - coverage(a) ||
            shared(member, b) - shared(member, a) ||
            a.id.localeCompare(b.id),
        );
      for (const other of ranked.slice(0, partners))
        keep.add([member.id, other.id].sort().join('+'));
    }
    juries = juries.filter((jury) => keep.has(jury.map((m) => m.id).join('+')));
  }
  return juries.map((jury) => jury.map((m) => m.id));
}
