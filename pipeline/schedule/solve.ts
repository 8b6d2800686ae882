/**
 * Runs the two stages of the model with HiGHS (WebAssembly, single-threaded, deterministic for
 * the same model text) and turns the solution into per-class unit counts.
 */
import loadHighs from 'highs';
import { buildStructure, writeLp, type Problem, type Relax, type Structure } from './model.ts';

/** How a stage ended. */
export interface StageReport {
  /** `optimal` (proven), `time-limit` (best found, not proven) or `infeasible`. */
  readonly status: 'optimal' | 'time-limit' | 'infeasible';
  readonly objective: number;
  readonly seconds: number;
}

export interface Solution {
  readonly structure: Structure;
  /** counts[k] maps a unit index to the number of class-k candidates placed there. */
  readonly counts: readonly ReadonlyMap<number, number>[];
  readonly scheduled: number;
  readonly stages: { readonly maximise: StageReport; readonly optimise: StageReport };
  readonly variables: number;
}

export interface SolveOptions {
  /** Seconds per stage before HiGHS returns its best solution (default 60). */
  readonly timeLimit?: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;
const solver = () => (highs ??= loadHighs());

interface Run {
  report: StageReport;
  values: Map<string, number>;
}

async function run(lp: string, timeLimit: number): Promise<Run> {
  const began = performance.now();
  const result = (await solver()).solve(lp, {
    output_flag: false,
    time_limit: timeLimit,
    mip_rel_gap: 0,
    // Objectives are integer combinations of integers: a gap below 1 is a proof.
    mip_abs_gap: 0.5,
    random_seed: 0,
  });
  const seconds = (performance.now() - began) / 1000;
  const values = new Map<string, number>();
  if (result.Status === 'Optimal' || result.Status === 'Time limit reached') {
    for (const [name, column] of Object.entries(result.Columns)) {
      if ('Primal' in column) values.set(name, Math.round(column.Primal));
    }
  }
  const status =
    result.Status === 'Optimal'
      ? 'optimal'
      : result.Status === 'Time limit reached' && values.size > 0
        ? 'time-limit'
        : 'infeasible';
  return { report: { status, objective: result.ObjectiveValue, seconds }, values };
}

const empty: StageReport = { status: 'optimal', objective: 0, seconds: 0 };

/** Stage 1 alone: the most candidates that can be scheduled (used by the diagnosis). */
export async function maximise(
  problem: Problem,
  relax: Relax = {},
  options: SolveOptions = {},
): Promise<number> {
  const structure = buildStructure(problem);
  if (structure.classes.every((c) => c.units.length === 0)) return 0;
  const { values } = await run(
    writeLp(problem, structure, { goal: 'count', relax }),
    options.timeLimit ?? 60,
  );
  return sumCounts(structure, values);
}

function sumCounts(structure: Structure, values: Map<string, number>): number {
  let total = 0;
  structure.classes.forEach((cls, k) =>
    cls.units.forEach((u) => (total += values.get(`n${k}_${u}`) ?? 0)),
  );
  return total;
}

function merge(reports: readonly StageReport[]): StageReport {
  return {
    status: reports.some((r) => r.status === 'infeasible')
      ? 'infeasible'
      : reports.some((r) => r.status === 'time-limit')
        ? 'time-limit'
        : 'optimal',
    objective: reports.at(-1)?.objective ?? 0,
    seconds: reports.reduce((sum, r) => sum + r.seconds, 0),
  };
}

/** Stage 1 (most candidates scheduled), then stage 2 (fewest moves, compact juries, balanced loads). */
export async function solve(problem: Problem, options: SolveOptions = {}): Promise<Solution> {
  const structure = buildStructure(problem);
  const variables = structure.classes.reduce((sum, c) => sum + c.units.length, 0);
  if (variables === 0) {
    return {
      structure,
      counts: structure.classes.map(() => new Map()),
      scheduled: 0,
      stages: { maximise: empty, optimise: empty },
      variables,
    };
  }
  const limit = options.timeLimit ?? 60;
  const first = await run(writeLp(problem, structure, { goal: 'count' }), limit);
  const count = sumCounts(structure, first.values);
  const pinned = structure.classes.some((c) => c.pinned.size > 0);
  const moved = pinned
    ? await run(writeLp(problem, structure, { goal: 'moves', count }), limit)
    : undefined;
  const moves = moved ? Math.round(moved.report.objective) : undefined;
  const compact = await run(writeLp(problem, structure, { goal: 'blocks', count, moves }), limit);
  const blocks = Math.round(compact.report.objective);
  const last = await run(
    writeLp(problem, structure, { goal: 'load', count, moves, blocks }),
    limit,
  );
  const best = last.values.size > 0 ? last : first;
  const counts = structure.classes.map((cls, k) => {
    const map = new Map<number, number>();
    for (const u of cls.units) {
      const value = best.values.get(`n${k}_${u}`) ?? 0;
      if (value > 0) map.set(u, value);
    }
    return map;
  });
  const second = [moved?.report, compact.report, last.report].filter((r) => r !== undefined);
  return {
    structure,
    counts,
    scheduled: sumCounts(structure, best.values),
    stages: { maximise: first.report, optimise: merge(second) },
    variables,
  };
}
