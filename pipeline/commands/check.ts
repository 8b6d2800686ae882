/** `recevable check <session-dir>`: admissibility of every submission → results/*.yaml. */
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { checkSession, type CheckSessionOptions, type SessionCheck } from '../checks/index.ts';
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { onOcrProgress } from '../read/ocr-progress.ts';
import { printTable, reportToCi } from '../results/report.ts';
import { shardCommand } from '../shard/command.ts';
import { checkSimilarity } from '../similarity/check.ts';
import { similarityInputs } from '../similarity/inputs.ts';

export const command: Command = {
  name: 'check',
  summary: 'Decide the admissibility of every submission and write results/*.yaml',
  usage: [
    'recevable check <session-dir> [--json] [--strict] [--only C001,C002] [--no-libreoffice] [--no-ocr]',
    'recevable check <session-dir> --shard i/n [--out <dir>] [--json] [--no-libreoffice]',
    '',
    '  --json            print { "results": [...], "summary": {...}, "stats": {...} } on stdout',
    '  --strict          exit 3 when a dossier is not admissible, needs review or is in error',
    '  --only <codes>    check only these candidates (comma-separated codes)',
    '  --no-libreoffice  do not render DOCX with LibreOffice (page counts become estimates)',
    '  --no-ocr          do not recognise the text of scanned pages (they go to review)',
    '  --shard i/n       decide shard i of n (candidates by code, round-robin) into --out (default',
    '                    <session>/.cache/shards/<i>-of-<n>/); `recevable merge` joins the shards',
    '',
    'Each result is written as soon as it is decided; a run that was stopped resumes where it',
    'stopped, keeping the results whose dossier and settings did not change.',
    '',
    'Exit codes: 0 the run completed, 1 invalid session data, 2 usage, 3 --strict gate.',
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    only: { type: 'string' },
    'no-libreoffice': { type: 'boolean' },
    'no-ocr': { type: 'boolean' },
    shard: { type: 'string' },
    out: { type: 'string' },
  },
  run: async (args, io) => {
    const [dir, ...extra] = args.positionals;
    if (dir === undefined || extra.length > 0) {
      throw recevableError(Errors.BadArguments, 'check', 'expected exactly one session folder');
    }
    const onlyText = args.values['only'];
    const only =
      typeof onlyText === 'string'
        ? onlyText
            .split(',')
            .map((code) => code.trim())
            .filter(Boolean)
        : undefined;
    if (only?.length === 0) {
      throw recevableError(Errors.BadArguments, 'check', '--only needs candidate codes');
    }
    const bar = io.tty
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            // Until the first dossier is read the total is unknown: only the OCR is told.
            format: (options, params, payload) =>
              cliProgress.Format.Formatter(
                {
                  ...options,
                  format:
                    params.total > 0
                      ? 'reading {bar} {value}/{total} {candidate}{ocr}'
                      : 'reading{ocr}',
                },
                params,
                payload,
              ),
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    let active = false;
    const options: CheckSessionOptions = {
      ...(only ? { only } : {}),
      libreoffice: args.values['no-libreoffice'] !== true,
      ...(args.values['no-ocr'] === true ? { ocr: false } : {}),
      sessionChecks: (loaded): Record<string, SessionCheck> =>
        loaded.session.rules.similarity ? { similarity: checkSimilarity } : {},
      sessionInputs: { similarity: similarityInputs },
      onProgress: (done, total, candidate) => {
        if (!bar) return;
        if (!active) bar.start(total, 0, { candidate, ocr: '' });
        active = true;
        bar.setTotal(total);
        bar.update(done, { candidate, ocr: '' });
      },
    };
    // OCR takes seconds a page: the bar tells which page of which scan is being recognised.
    const unlisten = bar
      ? onOcrProgress(({ path, done, total }) => {
          if (!active) bar.start(0, 0, { candidate: '', ocr: '' });
          active = true;
          bar.update({
            ocr: done < total ? ` (OCR of ${basename(path)}: page ${done + 1}/${total})` : '',
          });
        })
      : undefined;
    const stop = (): void => {
      unlisten?.();
      if (active) bar?.stop();
    };
    if (args.values['shard'] !== undefined || args.values['out'] !== undefined)
      return shardCommand(dir, args, options, io).finally(stop);
    const report = await checkSession(dir, options).finally(stop);

    const { results, summary, stats } = report;
    if (args.values['json']) io.json({ results, summary, stats });
    printTable(io, results, summary);
    io.say(
      io.style(
        'dim',
        `${stats.read} dossiers read, ${stats.cached} from the cache, ${stats.kept} results kept, ${stats.written} files written.`,
      ),
    );
    const gate = await reportToCi(results, summary, dir, io);
    return args.values['strict'] && gate ? Exit.strict : Exit.ok;
  },
};
