/**
 * Why a candidate who passed the pre-checks is still unscheduled: no complete jury can be
 * formed for them, or capacity. For capacity, stage 1 is solved again with one constraint
 * family relaxed at a time (rooms, defences per member per day); the families whose
 * relaxation schedules more candidates are named.
 */
import type { Block } from './grid.ts';
import type { Problem } from './model.ts';
import { maximise, type Solution, type SolveOptions } from './solve.ts';
import type { Blocked } from './demand.ts';

export async function diagnose(
  left: readonly string[],
  problem: Problem,
  solution: Solution,
  blocks: readonly Block[],
  options: SolveOptions,
): Promise<Blocked[]> {
  if (left.length === 0) return [];
  const days = new Map(blocks.map((b) => [b.id, b.day]));
  const classOf = new Map(
    solution.structure.classes.flatMap((c) => c.codes.map((code) => [code, c] as const)),
  );
  const capacity = left.filter((code) => (classOf.get(code)?.units.length ?? 0) > 0);
  const limits: string[] = [];
  if (capacity.length > 0) {
    const rooms = await maximise(problem, { rooms: true }, options);
    if (rooms > solution.scheduled)
      limits.push(
        `${rooms - solution.scheduled} more would fit with more rooms (${problem.rooms})`,
      );
    const perDay = await maximise(
      { ...problem, maxPerDay: Number.MAX_SAFE_INTEGER },
      { perDay: true },
      options,
    );
    if (perDay > solution.scheduled) {
      limits.push(
        `${perDay - solution.scheduled} more would fit with a higher maxDefencesPerMemberPerDay (${problem.maxPerDay})`,
      );
    }
  }
  return left.map((code) => {
    const cls = classOf.get(code);
    const spec = cls?.demand.specialisation ?? '?';
    const their = [...new Set((cls?.demand.blocks ?? []).map((b) => days.get(b)))].join(', ');
    if (!cls || cls.units.length === 0) {
      return {
        candidate: code,
        reason: `jury: no complete jury with ${spec} expertise and without excluded members can sit on their days (${their}): too few other members available`,
      };
    }
    const detail =
      limits.length > 0
        ? limits.join('; ')
        : 'the members who can assess them sit in one jury at a time';
    return {
      candidate: code,
      reason: `capacity: every jury that can assess ${spec} on their days (${their}) is full; ${detail}`,
    };
  });
}
