/**
 * `scheduleSession`: what `recevable schedule` (and `recevable run`) do, as a function — plan,
 * check, then write schedule.yaml (only when it changed) and the convocations. Nothing is
 * written when the checker finds a violation, nor in a dry run.
 */
import { join } from 'node:path';
import { writeConvocations, type ConvocationReport } from '../convocations/write.ts';
import { writeIfChanged } from '../files/atomic.ts';
import { scheduleYaml } from './files.ts';
import { planSchedule, type Plan, type PlanOptions } from './plan.ts';

export interface PublishOptions extends PlanOptions {
  /** Plan and check, write nothing. */
  readonly dryRun?: boolean;
}

export interface Published {
  readonly plan: Plan;
  /** Undefined when the checker refused the schedule (then nothing was written). */
  readonly convocations: ConvocationReport | undefined;
  /** False on a checker violation, an unreadable result or a convocation error (exit 1). */
  readonly ok: boolean;
}

/** Plans the session in `dir` and writes its order of passage and convocations. */
export async function scheduleSession(
  dir: string,
  options: PublishOptions = {},
): Promise<Published> {
  const plan = await planSchedule(dir, options);
  const checked = plan.violations.length === 0;
  const write = checked && !options.dryRun;
  if (write && plan.changed) {
    await writeIfChanged(join(plan.loaded.dir, 'schedule.yaml'), scheduleYaml(plan.schedule));
  }
  const convocations = checked
    ? await writeConvocations(plan.loaded, plan.schedule, { dryRun: !write })
    : undefined;
  const ok = checked && plan.problems.length === 0 && (convocations?.problems.length ?? 0) === 0;
  return { plan, convocations, ok };
}
