/** `recevable report <session-dir>`: the staff-only similarity report, one HTML page per candidate. */
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { writeReports } from '../similarity/report.ts';

export const command: Command = {
  name: 'report',
  summary: 'Writes the staff similarity report (HTML, side by side) into <session>/reports/',
  usage: 'recevable report <session-dir> [--json]',
  options: { json: { type: 'boolean' } },
  run: async ({ positionals, values }, io) => {
    const [dir, ...rest] = positionals;
    if (!dir || rest.length > 0)
      throw recevableError(Errors.BadArguments, 'report', 'expected one session folder');
    const summary = await writeReports(dir);
    if (values['json'] === true) io.json(summary);
    else {
      io.say(
        `${summary.pages.length} page(s) written to ${summary.dir} (staff only, not for the public site)`,
      );
      for (const u of summary.unreadable)
        io.say(`  ${io.style('yellow', 'skipped')} ${u.candidate} ${u.file}: ${u.reason}`);
    }
    return Exit.ok;
  },
};
