/** `recevable paperwork <session-dir> [--collect <pdfs…>]`: the jury's sheets and PVs, and reading them back. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import type { Io } from '../output.ts';
import type { CollectProblem } from '../paperwork/index.ts';

function printProblems(io: Io, problems: readonly CollectProblem[]): void {
  for (const p of problems) {
    const level = io.style(p.level === 'error' ? 'red' : 'yellow', p.level);
    io.say(`${level} ${p.message} ${io.style('dim', `[${p.code}]`)}`);
    io.say(`  ${io.style('cyan', 'fix:')} ${p.fix}`);
  }
}

/** The PDFs to collect: files as given, folders as the `.pdf` files in them (sorted). */
async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.pdf')).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

async function sessionDir(dir: string): Promise<void> {
  const ok = await stat(join(dir, 'session.yaml')).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!ok) throw recevableError(Errors.NotADirectory, dir);
}

export const command: Command = {
  name: 'paperwork',
  summary: 'the jury’s evaluation sheets and PVs as fillable PDFs; --collect reads filled ones',
  usage: [
    'recevable paperwork <session-dir> [--force] [--json]',
    'recevable paperwork <session-dir> --collect <filled PDFs or folders…> [--json]',
    '',
    'Writes <session>/paperwork/ (staff only: it holds names): fiches/<code>.pdf, one evaluation',
    'sheet per defence of schedule.yaml, and proces-verbaux/<day>-jury-<label>.pdf, one PV per jury',
    'and day. The grid comes from evaluation.grid in session.yaml. Only changed files are rewritten;',
    'a file a juror has filled in is kept unless --force.',
    '',
    'With --collect, reads the form fields of filled sheets and PVs and writes the final-exam part of',
    'outcomes.yaml (dossier and oral results, motivation, reasons, recommendations, grid); then run',
    '`recevable outcomes`. A PDF of another session, a « non validé » without reasons or two papers',
    'that disagree for one candidate are refused, naming the file and the field; the rest is collected.',
    '',
    '  --collect   read the PDFs given after the session folder (a folder: every .pdf in it)',
    '  --force     replace or remove filled files under paperwork/',
    '  --json      print { files | collected, problems } on stdout',
    '',
    'Exit codes: 0 done; 1 invalid data (a file refused); 2 usage.',
  ].join('\n'),
  options: { collect: { type: 'boolean' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
  run: async (args, io) => {
    const [dir, ...rest] = args.positionals;
    const collect = args.values['collect'] === true;
    if (dir === undefined)
      throw recevableError(Errors.BadArguments, 'paperwork', 'expected a <session-dir>');
    if (!collect && rest.length > 0) {
      throw recevableError(
        Errors.BadArguments,
        'paperwork',
        `unexpected ${rest.join(' ')} (did you mean --collect?)`,
      );
    }
    if (collect && rest.length === 0) {
      throw recevableError(
        Errors.BadArguments,
        'paperwork',
        '--collect expects the filled PDFs after the session folder',
      );
    }
    await sessionDir(dir);
    // pdf-lib and fontkit load only when the command runs, not for `recevable --help`.
    const { collectPaperwork, paperworkDir, writePaperwork } =
      await import('../paperwork/index.ts');
    if (collect) {
      const run = await collectPaperwork(dir, await expand(rest));
      printProblems(io, run.problems);
      for (const c of run.collected) {
        const parts = `dossier ${c.dossier ?? '-'}, oral ${c.oral ?? '-'}`;
        io.say(`${c.candidate}  ${parts}  ${io.style('dim', c.change)}  ${c.files.join(', ')}`);
      }
      const errors = run.problems.filter((p) => p.level === 'error').length;
      io.say(
        `\n${run.collected.length} candidates collected, ${errors} problem${errors === 1 ? '' : 's'}; ` +
          `${run.written ? 'outcomes.yaml updated' : 'outcomes.yaml unchanged'}.`,
      );
      if (args.values['json']) {
        io.json({ collected: run.collected, problems: run.problems, written: run.written });
      }
      return errors > 0 ? Exit.invalid : Exit.ok;
    }
    const run = await writePaperwork(dir, { force: args.values['force'] === true });
    printProblems(io, run.problems);
    const count = (s: string) => run.files.filter((f) => f.status === s).length;
    const sheets = run.files.filter(
      (f) => f.kind === 'evaluation' && f.status !== 'removed',
    ).length;
    const minutes = run.files.filter((f) => f.kind === 'minutes' && f.status !== 'removed').length;
    io.say(
      `${sheets} evaluation sheets, ${minutes} PVs in ${paperworkDir(dir)} (staff only): ` +
        `${count('written')} written, ${count('unchanged')} unchanged, ${count('removed')} removed, ${count('kept')} kept.`,
    );
    if (args.values['json']) io.json({ files: run.files, problems: run.problems });
    return Exit.ok;
  },
};
