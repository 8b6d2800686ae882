/**
 * The MIP of the order of passage. Candidates who are interchangeable for every constraint
 * (same specialisation, same excluded members, same allowed days) form a class; a jury sits
 * for a whole day, so a unit is (jury, day) with a capacity of min(slots, maxDefencesPerMemberPerDay). Variables:
 *   z[u] ∈ {0,1}  the jury of unit u sits that day (it then holds a room for the day);
 *   n[k,u] ∈ ℕ    how many candidates of class k defend in unit u.
 * Rows: class size; unit capacity · z; one jury per member per day; rooms per day;
 * defences per member per day. Goals, solved one after the other, each keeping the optima of
 * the previous ones: most candidates scheduled (stage 1); then (stage 2) fewest published
 * defences moved, the fewest days for the busiest member (balanced loads, counted in the days
 * members come), and the fewest jury-days (full days: no idle slot between defences).
 * Each goal alone has a tight LP bound, which is why they are not merged into one weighted sum.
 */
import type { Block } from './grid.ts';

/** One candidate to plan, as the model sees it. */
export interface Demand {
  readonly code: string;
  readonly specialisation: string;
  /** Members who may not sit (company, tutor). */
  readonly excluded: ReadonlySet<string>;
  /** Blocks the candidate may defend in. */
  readonly blocks: readonly string[];
  /** Published defence to keep if possible: jury key (`J01+J07`) and block id. */
  readonly pin?: { readonly jury: string; readonly block: string };
}

/** A member as the model sees it. */
export interface Seat {
  readonly id: string;
  readonly expertise: readonly string[];
  readonly days: ReadonlySet<string>;
}

export interface Problem {
  readonly demands: readonly Demand[];
  readonly members: readonly Seat[];
  /** Juries the model may form, each a sorted list of member ids. */
  readonly juries: readonly (readonly string[])[];
  readonly blocks: readonly Block[];
  readonly rooms: number;
  readonly maxPerDay: number;
}

/** Which constraint families are in force (the diagnosis relaxes them one at a time). */
export interface Relax {
  readonly rooms?: boolean;
  readonly perDay?: boolean;
}

export interface Unit {
  readonly name: string;
  readonly jury: readonly string[];
  readonly block: Block;
  readonly capacity: number;
}

interface CandidateClass {
  readonly key: string;
  /** Codes, sorted. */
  readonly codes: readonly string[];
  readonly demand: Demand;
  /** Indexes into `units`. */
  readonly units: readonly number[];
  /** Published defences of the class per unit index. */
  readonly pinned: ReadonlyMap<number, number>;
}

export interface Structure {
  readonly units: readonly Unit[];
  readonly classes: readonly CandidateClass[];
}

export const juryKey = (jury: readonly string[]) => jury.join('+');

/** Groups the candidates into classes and lists the units each class may use. */
export function buildStructure(problem: Problem): Structure {
  const seats = new Map(problem.members.map((m) => [m.id, m]));
  const units: Unit[] = [];
  const unitIndex = new Map<string, number>();
  for (const block of problem.blocks) {
    for (const jury of problem.juries) {
      if (!jury.every((id) => seats.get(id)?.days.has(block.day))) continue;
      const name = `${juryKey(jury)}@${block.id}`;
      unitIndex.set(name, units.length);
      units.push({ name, jury, block, capacity: Math.min(block.starts.length, problem.maxPerDay) });
    }
  }
  const groups = new Map<string, Demand[]>();
  for (const demand of problem.demands) {
    const key = `${demand.specialisation}|${[...demand.excluded].sort().join(',')}|${[...demand.blocks].sort().join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), demand]);
  }
  const classes: CandidateClass[] = [];
  for (const [key, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const demand = members[0]!;
    const allowed = new Set(demand.blocks);
    const usable: number[] = [];
    units.forEach((unit, index) => {
      if (!allowed.has(unit.block.id)) return;
      if (unit.jury.some((id) => demand.excluded.has(id))) return;
      if (!unit.jury.some((id) => seats.get(id)?.expertise.includes(demand.specialisation))) return;
      usable.push(index);
    });
    const pinned = new Map<number, number>();
    for (const d of members) {
      const index = d.pin && unitIndex.get(`${d.pin.jury}@${d.pin.block}`);
      if (index !== undefined && usable.includes(index))
        pinned.set(index, (pinned.get(index) ?? 0) + 1);
    }
    const codes = members.map((d) => d.code).sort();
    classes.push({ key, codes, demand, units: usable, pinned });
  }
  return { units, classes };
}

const n = (k: number, u: number) => `n${k}_${u}`;
const z = (u: number) => `z${u}`;

/** What a solve optimises; earlier goals' optima are passed back as bounds. */
export interface Stage {
  readonly goal: 'count' | 'moves' | 'load' | 'blocks';
  readonly relax?: Relax;
  /** Optima of the earlier goals, kept as constraints. */
  readonly count?: number;
  readonly moves?: number;
  readonly load?: number;
}

/** The model in CPLEX LP format (needs at least one n variable). */
export function writeLp(problem: Problem, structure: Structure, stage: Stage): string {
  const { units, classes } = structure;
  const rows: string[] = [];
  const used = new Set<number>();
  const byUnit = new Map<number, string[]>();
  const all: string[] = [];
  classes.forEach((cls, k) => {
    const vars = cls.units.map((u) => n(k, u));
    if (vars.length > 0) rows.push(`class${k}: ${vars.join(' + ')} <= ${cls.codes.length}`);
    cls.units.forEach((u) => {
      used.add(u);
      byUnit.set(u, [...(byUnit.get(u) ?? []), n(k, u)]);
      all.push(n(k, u));
    });
  });
  const usedUnits = [...used].sort((a, b) => a - b);
  for (const u of usedUnits)
    rows.push(`cap${u}: ${byUnit.get(u)!.join(' + ')} - ${units[u]!.capacity} ${z(u)} <= 0`);
  const perMemberBlock = new Map<string, number[]>();
  const perMemberDay = new Map<string, number[]>();
  const perBlock = new Map<string, number[]>();
  for (const u of usedUnits) {
    const unit = units[u]!;
    perBlock.set(unit.block.id, [...(perBlock.get(unit.block.id) ?? []), u]);
    for (const m of unit.jury) {
      const mb = `${m}@${unit.block.id}`;
      perMemberBlock.set(mb, [...(perMemberBlock.get(mb) ?? []), u]);
      const md = `${m}@${unit.block.day}`;
      perMemberDay.set(md, [...(perMemberDay.get(md) ?? []), u]);
    }
  }
  let r = 0;
  for (const list of perMemberBlock.values())
    if (list.length > 1) rows.push(`one${r++}: ${list.map(z).join(' + ')} <= 1`);
  if (!stage.relax?.rooms) {
    for (const list of perBlock.values())
      if (list.length > problem.rooms)
        rows.push(`room${r++}: ${list.map(z).join(' + ')} <= ${problem.rooms}`);
  }
  for (const list of perMemberDay.values()) {
    const vars = list.flatMap((u) => byUnit.get(u)!);
    const capacity = list.reduce((sum, u) => sum + units[u]!.capacity, 0);
    if (!stage.relax?.perDay && capacity > problem.maxPerDay)
      rows.push(`day${r++}: ${vars.join(' + ')} <= ${problem.maxPerDay}`);
  }
  const bounds: string[] = [];
  for (const [k, cls] of classes.entries())
    for (const u of cls.units)
      bounds.push(`0 <= ${n(k, u)} <= ${Math.min(cls.codes.length, units[u]!.capacity)}`);
  const moves: string[] = [];
  if (stage.goal !== 'count') {
    rows.push(`scheduled: ${all.join(' + ')} >= ${stage.count ?? 0}`);
    for (const [k, cls] of classes.entries()) {
      for (const [u, count] of cls.pinned) {
        const mv = `mv${k}_${u}`;
        rows.push(`pin${k}_${u}: ${mv} + ${n(k, u)} >= ${count}`);
        bounds.push(`${mv} >= 0`);
        moves.push(mv);
      }
    }
    if (stage.moves !== undefined && moves.length > 0)
      rows.push(`moves: ${moves.join(' + ')} <= ${stage.moves}`);
  }
  if (stage.goal === 'load' || stage.goal === 'blocks') {
    const sits = new Map<string, number[]>();
    for (const u of usedUnits)
      for (const m of units[u]!.jury) sits.set(m, [...(sits.get(m) ?? []), u]);
    for (const [member, list] of [...sits].sort(([a], [b]) => a.localeCompare(b))) {
      rows.push(`load_${member}: ${list.map(z).join(' + ')} - lmax <= 0`);
    }
    bounds.push(stage.load === undefined ? 'lmax >= 0' : `0 <= lmax <= ${stage.load}`);
  }
  const objective = {
    count: `Maximize\n obj: ${all.join(' + ')}`,
    moves: `Minimize\n obj: ${moves.length > 0 ? moves.join(' + ') : '0 z0'}`,
    load: 'Minimize\n obj: lmax',
    blocks: `Minimize\n obj: ${usedUnits.map(z).join(' + ')}`,
  }[stage.goal];
  return [
    objective,
    'Subject To',
    ...rows.map((row) => ` ${row}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'Generals',
    // Integral moves and load let HiGHS round its bound up: a bound of 3.4 proves a load of 4.
    ...chunk([
      ...all,
      ...moves,
      ...(stage.goal === 'load' || stage.goal === 'blocks' ? ['lmax'] : []),
    ]),
    'Binaries',
    ...chunk(usedUnits.map(z)),
    'End',
    '',
  ].join('\n');
}

function chunk(names: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 20) lines.push(` ${names.slice(i, i + 20).join(' ')}`);
  return lines;
}
