/**
 * Runs the two stages of the model with HiGHS (WebAssembly, single-threaded, deterministic for
 * the same model text) and turns the solution into per-class unit counts.
 */
import loadHighs from 'highs';
import { firstFit } from './greedy.ts';
import { buildStructure, writeLp, type Problem, type Relax, type Structure } from './model.ts';

/** How a stage ended. */
export interface StageReport {
  /**
   * `optimal` (proven), `node-limit` (best found within the deterministic node budget of a
   * soft goal, not proven), `time-limit` (best found when time ran out: machine-dependent)
   * or `infeasible`.
   */
  readonly status: 'optimal' | 'node-limit' | 'time-limit' | 'infeasible';
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
  /**
   * Branch-and-bound nodes for each soft goal (balance, compactness) before the best solution
   * found is kept (default 500). Unlike time, a node budget gives the same schedule on any machine.
   */
  readonly nodes?: number;
}

// highs ships CommonJS types for an ES module build: TypeScript sees the namespace, Node the function.
const load = loadHighs as unknown as (typeof import('highs'))['default'];
type Highs = Awaited<ReturnType<typeof load>>;
let highs: Promise<Highs> | undefined;
const solver = () => (highs ??= load());

interface Run {
  report: StageReport;
  values: Map<string, number>;
}

async function run(
  lp: string,
  timeLimit: number,
  start?: ReadonlyMap<string, number>,
  nodes?: number,
): Promise<Run> {
  const began = performance.now();
  const highs = await solver();
  const model = highs.createModel({ format: 'lp', data: lp });
  const values = new Map<string, number>();
  try {
    model.options.set({
      output_flag: false,
      time_limit: timeLimit,
      // Probing thousands of binaries costs seconds and removes nothing on this model.
      presolve: 'off',
      mip_rel_gap: 0,
      // Objectives are integer combinations of integers: a gap below 1 is a proof.
      mip_abs_gap: 0.5,
      random_seed: 0,
      ...(nodes === undefined ? {} : { mip_max_nodes: nodes }),
    });
    const count = model.getDimensions().numCols;
    const names = Array.from({ length: count }, (_, i) => model.getColName(i));
    if (start) {
      const indices: number[] = [];
      const values: number[] = [];
      names.forEach((name, i) => {
        indices.push(i);
        values.push(start.get(name) ?? 0);
      });
      model.setSolution({ indices: Int32Array.from(indices), values: Float64Array.from(values) });
    }
    model.run();
    const status = model.getModelStatus();
    const { modelStatus } = highs.constants;
    // 2 = a feasible primal solution exists (HiGHS solution status).
    const found = status === modelStatus.optimal || model.info.get('primal_solution_status') === 2;
    if (found) {
      const { colValue } = model.getSolution();
      names.forEach((name, i) => values.set(name, Math.round(colValue[i]!)));
    }
    const report: StageReport = {
      status:
        status === modelStatus.optimal
          ? 'optimal'
          : !found
            ? 'infeasible'
            : status === modelStatus.timeLimit
              ? 'time-limit'
              : 'node-limit',
      objective: found ? Math.round(model.getObjectiveValue()) : 0,
      seconds: (performance.now() - began) / 1000,
    };
    return { report, values };
  } finally {
    model.dispose();
  }
}

/** The start of a later stage: the previous solution, with moves and load recomputed. */
function carry(structure: Structure, values: ReadonlyMap<string, number>): Map<string, number> {
  const start = new Map(values);
  structure.classes.forEach((cls, k) => {
    for (const [u, count] of cls.pinned)
      start.set(`mv${k}_${u}`, Math.max(0, count - (values.get(`n${k}_${u}`) ?? 0)));
  });
  const sits = new Map<string, number>();
  structure.units.forEach((unit, u) => {
    if (values.get(`z${u}`) === 1) for (const m of unit.jury) sits.set(m, (sits.get(m) ?? 0) + 1);
  });
  start.set('lmax', Math.max(0, ...sits.values()));
  return start;
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
  const greedy = firstFit(structure, relax.rooms ? Number.MAX_SAFE_INTEGER : problem.rooms);
  if (greedy.placed === totalOf(structure)) return greedy.placed;
  const { values } = await run(
    writeLp(problem, structure, { goal: 'count', relax }),
    options.timeLimit ?? 60,
    greedy.values,
  );
  return sumCounts(structure, values);
}

/** Candidates who have at least one usable unit: no schedule places more. */
function totalOf(structure: Structure): number {
  return structure.classes.reduce((sum, c) => sum + (c.units.length > 0 ? c.codes.length : 0), 0);
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
        : reports.some((r) => r.status === 'node-limit')
          ? 'node-limit'
          : 'optimal',
    objective: reports.at(-1)?.objective ?? 0,
    seconds: reports.reduce((sum, r) => sum + r.seconds, 0),
  };
}

/** Stage 1 (most candidates scheduled), then stage 2 (fewest moves, balanced loads, compact juries). */
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
  const budget = options.nodes ?? 500;
  const total = totalOf(structure);
  const greedy = firstFit(structure, problem.rooms);
  const first: Run =
    greedy.placed === total
      ? { report: { status: 'optimal', objective: total, seconds: 0 }, values: greedy.values }
      : await run(writeLp(problem, structure, { goal: 'count' }), limit, greedy.values);
  const count = sumCounts(structure, first.values);
  const pinned = structure.classes.some((c) => c.pinned.size > 0);
  const moved = pinned
    ? await run(
        writeLp(problem, structure, { goal: 'moves', count }),
        limit,
        carry(structure, first.values),
      )
    : undefined;
  const moves = moved?.report.objective;
  const balanced = await run(
    writeLp(problem, structure, { goal: 'load', count, moves }),
    limit,
    carry(structure, (moved ?? first).values),
    budget,
  );
  const load = balanced.report.objective;
  const last = await run(
    writeLp(problem, structure, { goal: 'blocks', count, moves, load }),
    limit,
    carry(structure, balanced.values),
    budget,
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
  const second = [moved?.report, balanced.report, last.report].filter((r) => r !== undefined);
  return {
    structure,
    counts,
    scheduled: sumCounts(structure, best.values),
    stages: { maximise: first.report, optimise: merge(second) },
    variables,
  };
}
