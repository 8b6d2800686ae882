/**
 * A first-fit schedule used as the solver's starting point: classes with the fewest usable
 * units first, each candidate into an open unit with room left, else into a new unit whose
 * members are free that day, whose day still has a room, and whose members have sat least. When it places everyone, stage 1
 * is proven optimal without the MIP (no schedule can place more than every candidate).
 */
import type { Structure } from './model.ts';

/** Values of the model's n and z columns, by name, and how many candidates they place. */
export function firstFit(
  structure: Structure,
  rooms: number,
): { values: Map<string, number>; placed: number } {
  const { units, classes } = structure;
  const remaining = new Map<number, number>();
  const busy = new Set<string>();
  const opened = new Map<string, number>();
  const sat = new Map<string, number>();
  const values = new Map<string, number>();
  let placed = 0;
  const order = classes
    .map((_, k) => k)
    .sort((a, b) => classes[a]!.units.length - classes[b]!.units.length || a - b);
  for (const k of order) {
    const cls = classes[k]!;
    for (let i = 0; i < cls.codes.length; i++) {
      let target = cls.units.find((u) => (remaining.get(u) ?? 0) > 0);
      if (target === undefined) {
        // Open the unit whose members have sat the fewest days so far: a balanced start.
        let best: number | undefined;
        let bestCost = Infinity;
        for (const u of cls.units) {
          const unit = units[u]!;
          if (remaining.has(u) || (opened.get(unit.block.id) ?? 0) >= rooms) continue;
          if (unit.jury.some((m) => busy.has(`${m}@${unit.block.id}`))) continue;
          const days = unit.jury.map((m) => sat.get(m) ?? 0);
          const cost = Math.max(...days) * 1000 + days.reduce((a, b) => a + b, 0);
          if (cost < bestCost) {
            bestCost = cost;
            best = u;
          }
        }
        target = best;
        if (target === undefined) break;
        const unit = units[target]!;
        remaining.set(target, unit.capacity);
        opened.set(unit.block.id, (opened.get(unit.block.id) ?? 0) + 1);
        for (const m of unit.jury) {
          busy.add(`${m}@${unit.block.id}`);
          sat.set(m, (sat.get(m) ?? 0) + 1);
        }
        values.set(`z${target}`, 1);
      }
      remaining.set(target, remaining.get(target)! - 1);
      values.set(`n${k}_${target}`, (values.get(`n${k}_${target}`) ?? 0) + 1);
      placed++;
    }
  }
  return { values, placed };
}
