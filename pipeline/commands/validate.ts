/** `recevable validate <session-dir>`: every problem of a session folder, with its place and fix. */
import { join } from 'node:path';
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import type { Io } from '../output.ts';
import type { Problem } from '../session/problem.ts';
import { validateSession } from '../session/validate.ts';

export const command: Command = {
  name: 'validate',
  summary: 'Check every YAML file of a session folder; each problem with file:line:column and fix',
  usage: [
    'recevable validate <session-dir> [--json]',
    '',
    '  --json   print { "valid": bool, "problems": [...] } on stdout',
    '',
    'Exit codes: 0 valid, 1 invalid data, 2 usage (no such folder, no session.yaml).',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  run: async (args, io) => {
    const [dir, ...extra] = args.positionals;
    if (dir === undefined || extra.length > 0) {
      throw recevableError(Errors.BadArguments, 'validate', 'expected exactly one session folder');
    }
    const { problems } = await validateSession(dir);
    // Warnings (level: warning) are shown but leave the session valid.
    const valid = problems.every((p) => p.level === 'warning');
    if (args.values['json'] === true) io.json({ valid, problems });
    else printProblems(io, dir, problems);
    return valid ? Exit.ok : Exit.invalid;
  },
};

/** `file:line:column  message  (fix: …)`, one line per problem, a blank line between files. */
function printProblems(io: Io, dir: string, problems: readonly Problem[]): void {
  let previous: string | undefined;
  for (const p of problems) {
    if (previous !== undefined && previous !== p.file) io.say();
    previous = p.file;
    const place = `${join(dir, p.file)}:${p.line}:${p.column}`;
    const level = p.level === 'warning' ? `${io.style('yellow', 'warning')} ` : '';
    io.say(
      `${io.style('cyan', place)}  ${level}${p.message}  ${io.style('dim', `(fix: ${p.fix})`)}`,
    );
  }
  const warnings = problems.filter((p) => p.level === 'warning').length;
  if (warnings === problems.length && warnings > 0) {
    io.say();
    io.say(
      `${io.style('green', '✔')} ${dir} is valid, with ${warnings} warning${warnings === 1 ? '' : 's'}.`,
    );
    return;
  }
  const files = new Set(problems.map((p) => p.file)).size;
  if (problems.length === 0) {
    io.say(`${io.style('green', '✔')} ${dir} is valid.`);
  } else {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.say();
    io.say(
      `${io.style('red', '✖')} ${plural(problems.length, 'problem')} in ${plural(files, 'file')}.`,
    );
  }
}
