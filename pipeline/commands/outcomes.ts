/** `recevable outcomes <session-dir> [--json]`: total / partial / refusal / incomplete per candidate. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import type { Io } from '../output.ts';
import type { OutcomeDecision } from '../outcomes/decide.ts';
import type { OutcomeProblem as Problem } from '../outcomes/problems.ts';
import { REPORTS_DIR, runOutcomes, type OutcomesRun } from '../outcomes/run.ts';

const COLOURS = { total: 'green', partial: 'yellow', refusal: 'red', incomplete: 'blue' } as const;

function printProblems(io: Io, problems: readonly Problem[]): void {
  for (const p of problems) {
    const where = `${p.file}:${p.line}:${p.column}`;
    const level = io.style(p.level === 'error' ? 'red' : 'yellow', p.level);
    io.say(`${level} ${where} ${p.message} ${io.style('dim', `[${p.code}]`)}`);
    io.say(`  ${io.style('cyan', 'fix:')} ${p.fix}`);
  }
}

function printTable(io: Io, run: OutcomesRun, dir: string): void {
  const rows = run.outcomes.map((o) => [
    o.candidate,
    o.decision,
    o.validatedBlocks.join(' ') || '-',
    o.appealUntil ?? '-',
    o.missing ? `missing ${o.missing.join(' ')}` : '',
  ]);
  const header = ['candidate', 'decision', 'validated', 'appeal until', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  if (rows.length > 0) io.say(io.style('bold', line(header)));
  run.outcomes.forEach((o, i) => {
    const cells = rows[i] ?? [];
    const padded = line(cells);
    io.say(padded.replace(o.decision, io.style(COLOURS[o.decision], o.decision)));
  });
  for (const o of run.outcomes) {
    for (const r of o.reasons) {
      if (r.level === 'warning' && r.code !== 'missing-results' && r.code !== 'no-results') {
        io.say(`${io.style('yellow', 'warning')} ${o.candidate}: ${r.message}`);
      }
    }
  }
  const count = (d: OutcomeDecision['decision']) =>
    run.outcomes.filter((o) => o.decision === d).length;
  io.say(
    `\n${run.outcomes.length} candidates: ${count('total')} total, ${count('partial')} partial, ` +
      `${count('refusal')} refusal, ${count('incomplete')} incomplete.`,
  );
  const lacking = run.tutoring?.filter((t) => t.lacks.length > 0).length;
  if (lacking !== undefined) io.say(`${lacking} candidates lack tutor meetings.`);
  io.say(`Documents in ${join(dir, REPORTS_DIR)} (staff only, not published).`);
}

export const command: Command = {
  name: 'outcomes',
  summary: 'decide total / partial / refusal per candidate; attestations and staff pages',
  usage: [
    'recevable outcomes <session-dir> [--json]',
    '',
    'Reads outcomes.yaml (block and final exam results) and tutoring.yaml (optional) beside',
    'session.yaml, decides each candidate, and writes reports/outcomes/: index.html,',
    'tutoring.html and attestations/<code>.html for total and partial outcomes.',
    '',
    '  --json   print { "outcomes": [ { candidate, decision, validatedBlocks, appealUntil } ], "problems": [...] }',
    '',
    'Exit codes: 0 done; 1 invalid data (outcomes.yaml or tutoring.yaml problems); 2 usage.',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  run: async (args, io) => {
    const [dir, ...extra] = args.positionals;
    if (dir === undefined || extra.length > 0) {
      throw recevableError(Errors.BadArguments, 'outcomes', 'expected exactly one <session-dir>');
    }
    const isSession = await stat(join(dir, 'session.yaml')).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isSession) throw recevableError(Errors.NotADirectory, dir);
    const run = await runOutcomes(dir);
    printProblems(io, run.problems);
    if (run.problems.length > 0) io.say();
    printTable(io, run, dir);
    if (args.values['json']) {
      io.json({
        outcomes: run.outcomes.map((o) => ({
          candidate: o.candidate,
          decision: o.decision,
          validatedBlocks: o.validatedBlocks,
          ...(o.appealUntil ? { appealUntil: o.appealUntil } : {}),
          ...(o.missing ? { missing: o.missing } : {}),
        })),
        problems: run.problems,
      });
    }
    return run.problems.some((p) => p.level === 'error') ? Exit.invalid : Exit.ok;
  },
};
