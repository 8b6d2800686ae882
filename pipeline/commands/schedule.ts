/** `recevable schedule <session-dir>`: order of passage, convocations and jury mailings. */
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { scheduleSession } from '../schedule/publish.ts';

export const command: Command = {
  name: 'schedule',
  summary: 'Plan the order of passage (MIP), check it, write schedule.yaml and the convocations',
  usage: [
    'Usage: recevable schedule <session-dir> [--all] [--json] [--dry-run] [--time-limit <s>]',
    '',
    'Plans every admissible candidate of results/*.yaml (or every candidate with --all),',
    'checks the schedule independently, writes schedule.yaml and convocations/.',
    '  --all              plan every candidate, before the admissibility checks',
    '  --dry-run          plan and check, write nothing',
    '  --json             one JSON document on stdout',
    '  --time-limit <s>   seconds per solver stage (default 60); beyond it the best schedule found is used',
  ].join('\n'),
  options: {
    all: { type: 'boolean' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'time-limit': { type: 'string' },
  },
  run: async (args, io) => {
    const [dir, ...extra] = args.positionals;
    if (!dir || extra.length > 0)
      throw recevableError(Errors.BadArguments, 'schedule', 'expected exactly one <session-dir>');
    const limitText = args.values['time-limit'];
    const timeLimit = typeof limitText === 'string' ? Number(limitText) : undefined;
    if (timeLimit !== undefined && !(timeLimit > 0)) {
      throw recevableError(
        Errors.BadArguments,
        'schedule',
        `--time-limit expects a positive number of seconds, got "${String(limitText)}"`,
      );
    }
    const dryRun = args.values['dry-run'] === true;
    const {
      plan,
      convocations: mail,
      ok: passed,
    } = await scheduleSession(dir, {
      all: args.values['all'] === true,
      dryRun,
      ...(timeLimit ? { timeLimit } : {}),
    });
    const { schedule, violations, solver } = plan;
    const ok = violations.length === 0;
    const failed = !passed;
    if (args.values['json']) {
      io.json({
        ok: !failed,
        dryRun,
        changed: plan.changed,
        schedule,
        violations,
        problems: plan.problems,
        solver,
        convocations: mail,
      });
    }
    const proof = (s: { status: string; seconds: number }) =>
      `${s.status} in ${s.seconds.toFixed(1)} s`;
    io.say(
      `${schedule.slots.length} defences planned, ${schedule.unscheduled.length} unscheduled — version ${schedule.version}${plan.changed ? '' : ' (unchanged)'}${dryRun ? ' (dry run: nothing written)' : ''}`,
    );
    io.say(
      `  solver: stage 1 (most scheduled) ${proof(solver.maximise)}; stage 2 (moves, balance, compact juries) ${proof(solver.optimise)}; ${solver.juries} candidate juries, ${solver.variables} assignment variables`,
    );
    const statuses = [solver.maximise.status, solver.optimise.status];
    if (statuses.includes('time-limit')) {
      io.say(
        `  ${io.style('yellow', 'warning')} the time limit stopped the solver: the schedule is valid but not proven optimal, and may differ on a faster machine (raise --time-limit)`,
      );
    } else if (statuses.includes('node-limit')) {
      io.say(
        `  ${io.style('yellow', 'note')} balance or compactness stopped at its node budget: the schedule is valid and reproducible, not proven optimal on those goals`,
      );
    }
    for (const u of schedule.unscheduled)
      io.say(`  ${io.style('yellow', 'unscheduled')} ${u.candidate}: ${u.reason}`);
    for (const change of schedule.changelog.find((c) => c.version === schedule.version)?.changes ??
      []) {
      io.say(`  ${change.kind} ${change.candidate}: ${change.reason}`);
    }
    for (const p of plan.problems)
      io.say(`  ${io.style('red', 'error')} ${p} (fix or re-run \`recevable check\`)`);
    for (const v of violations)
      io.say(`  ${io.style('red', 'violation')} [${v.rule}] ${v.message}`);
    if (!ok) io.say('  The schedule breaks hard constraints and was not written.');
    if (mail) {
      io.say(
        `  convocations: ${mail.files.length} files${mail.removed.length > 0 ? `, ${mail.removed.length} stale removed` : ''}`,
      );
      for (const p of mail.problems) io.say(`  ${io.style('red', 'error')} ${p.message}`);
    }
    return failed ? Exit.invalid : Exit.ok;
  },
};
