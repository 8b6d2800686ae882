/**
 * `planSchedule`: the order of passage of a session, from its files to a checked schedule.
 * Loads the people, builds the demands, solves the MIP, places candidates in dated slots,
 * names every unscheduled candidate's blocking constraint, versions the result against the
 * published schedule and runs the independent checker. Writing is left to the caller.
 */
import { parse } from 'yaml';
import { Schedule } from '../../schemas/schedule.ts';
import { Errors, recevableError } from '../errors.ts';
import { loadSession, type LoadedSession } from '../session/load.ts';
import { place, toSlots } from './assemble.ts';
import { nextVersion } from './changelog.ts';
import { checkSchedule, type Violation } from './check.ts';
import { buildDemands } from './demand.ts';
import { diagnose } from './diagnose.ts';
import { readAdmissible, readSchedule, scheduleYaml } from './files.ts';
import { buildBlocks } from './grid.ts';
import { formJuries, type JuryOptions } from './juries.ts';
import type { Problem, Seat } from './model.ts';
import { solve, type SolveOptions, type StageReport } from './solve.ts';

export interface PlanOptions extends SolveOptions, JuryOptions {
  /** Plan every candidate, not only the admissible ones. */
  readonly all?: boolean;
}

/** Everything the command reports. */
export interface Plan {
  readonly loaded: LoadedSession;
  readonly schedule: Schedule;
  /** False when the published schedule is unchanged (same file, same version). */
  readonly changed: boolean;
  readonly violations: readonly Violation[];
  /** Result files that could not be read (their candidates are not planned). */
  readonly problems: readonly string[];
  readonly solver: {
    readonly maximise: StageReport;
    readonly optimise: StageReport;
    readonly juries: number;
    readonly variables: number;
  };
}

/** Plans the session in `dir`; throws a RecevableError for unusable input. */
export async function planSchedule(dir: string, options: PlanOptions = {}): Promise<Plan> {
  const loaded = await loadSession(dir);
  const { session, candidates, juries } = loaded;
  let codes: string[];
  let problems: string[] = [];
  if (options.all) codes = candidates.candidates.map((c) => c.code);
  else {
    const admissible = await readAdmissible(loaded.dir);
    if (admissible.files === 0) throw recevableError(Errors.ScheduleNoResults, dir);
    const known = new Set(candidates.candidates.map((c) => c.code));
    problems = [
      ...admissible.problems,
      ...admissible.codes
        .filter((c) => !known.has(c))
        .map((c) => `results: ${c} is not in candidates.yaml`),
    ];
    codes = admissible.codes.filter((c) => known.has(c));
  }
  const previous = await readSchedule(loaded.dir);
  const { defence, timezone } = session;
  const blocks = buildBlocks(defence, timezone);
  const seats: Seat[] = juries.members
    .filter((m) => !m.withdrawn)
    .map((m) => ({ id: m.id, expertise: m.expertise, days: new Set(m.available) }));
  const { demands, blocked, makeup } = buildDemands(loaded, codes, seats, blocks, previous);
  const specialisations = [...new Set(demands.map((d) => d.specialisation))].sort();
  let problem: Problem = {
    demands,
    members: seats,
    juries: formJuries(seats, defence.jurySize, specialisations, options),
    blocks,
    rooms: defence.rooms.length,
    maxPerDay: defence.maxDefencesPerMemberPerDay,
  };
  let solution = await solve(problem, options);
  let { placed, left } = place(solution, demands);
  const juryless = new Set(
    solution.structure.classes.filter((c) => c.units.length === 0).flatMap((c) => c.codes),
  );
  if (left.some((code) => juryless.has(code))) {
    // Someone has no jury while juries were restricted to a few partners: try every pairing.
    const every = formJuries(seats, defence.jurySize, specialisations, { maxJuries: Infinity });
    if (every.length > problem.juries.length) {
      problem = { ...problem, juries: every };
      solution = await solve(problem, options);
      ({ placed, left } = place(solution, demands));
    }
  }
  const reasons = [...blocked, ...(await diagnose(left, problem, solution, blocks, options))];
  const draft = {
    session: session.id,
    slots: toSlots(placed, defence, timezone, makeup, previous),
    unscheduled: reasons.sort((a, b) => a.candidate.localeCompare(b.candidate)),
  };
  const schedule = nextVersion(previous, draft, { juries, candidates, timeZone: timezone });
  return {
    loaded,
    schedule,
    changed: schedule !== previous,
    // The checker reads the schedule back from the YAML text that will be written.
    violations: checkSchedule(Schedule.parse(parse(scheduleYaml(schedule))), loaded),
    problems,
    solver: { ...solution.stages, juries: problem.juries.length, variables: solution.variables },
  };
}
