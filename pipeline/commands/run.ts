/**
 * `recevable run <session-dir>`: the whole job — validate → check → schedule → build the site
 * (and serve it with `--serve`). Each step is the command of the same name, so its output and
 * exit code mean the same thing here; under `--json` their documents are gathered into one.
 * With `--copy-to`, every step works on a fresh copy of the session, which stays untouched.
 */
import { once } from 'node:events';
import { Exit, type Args, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import type { Io } from '../output.ts';
import { refreshWorkingCopy } from '../files/working-copy.ts';
import { buildSite, previewSite } from '../site/build.ts';
import { command as check } from './check.ts';
import { command as schedule } from './schedule.ts';
import { command as validate } from './validate.ts';

type Values = Args['values'];

/** Runs one step with its own options, collecting its JSON document under `--json`. */
async function step(
  io: Io,
  name: string,
  sub: Command,
  dir: string,
  values: Values,
  collected: Record<string, unknown>,
): Promise<number> {
  io.say(io.style('bold', `\n── ${name} ──`));
  const stepIo: Io = { ...io, json: (value) => (collected[name] = value) };
  return sub.run({ positionals: [dir], values }, stepIo);
}

export const command: Command = {
  name: 'run',
  summary: 'The whole job: validate, check, schedule, then build (and serve) the site',
  usage: [
    'recevable run <session-dir> [--copy-to <dir>] [--json] [--strict] [--no-libreoffice] [--out <dir>]',
    '              [--serve] [--port <n>]',
    '',
    '  --copy-to <dir>   run on a copy of the session made afresh in <dir>, leaving the session',
    '                    folder as it is (npm start: the committed demo); relative paths of',
    '                    session.yaml (similarity.corpus) then resolve from <dir>',
    '  --json            one JSON document: { copy?, validate, check, schedule, site, exitCode }',
    '  --strict          exit 3 when a dossier is not admissible, needs review or is in error',
    '  --no-libreoffice  do not render DOCX with LibreOffice (page counts become estimates)',
    '  --out <dir>       where the static site goes (default dist/)',
    '  --serve           serve the built site on 127.0.0.1 until interrupted',
    '  --port <n>        port for --serve (default 4321; 0 picks a free one)',
    '',
    'Stops after validate when the data is invalid (exit 1). A failing schedule still builds the',
    'site from the published data, and the run exits 1.',
  ].join('\n'),
  options: {
    'copy-to': { type: 'string' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    'no-libreoffice': { type: 'boolean' },
    out: { type: 'string' },
    serve: { type: 'boolean' },
    port: { type: 'string' },
  },
  run: async (args, io) => {
    const [session, ...extra] = args.positionals;
    if (session === undefined || extra.length > 0) {
      throw recevableError(Errors.BadArguments, 'run', 'expected exactly one session folder');
    }
    const port = Number(args.values['port'] ?? 4321);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw recevableError(
        Errors.BadArguments,
        'run',
        `--port expects 0–65535, got "${String(args.values['port'])}"`,
      );
    }
    const json = args.values['json'] === true;
    const collected: Record<string, unknown> = {};
    const finish = (exitCode: number): number => {
      if (json) io.json({ ...collected, exitCode });
      return exitCode;
    };

    let dir = session;
    const copyTo = args.values['copy-to'];
    if (typeof copyTo === 'string') {
      collected['copy'] = await refreshWorkingCopy(session, copyTo);
      dir = copyTo;
      io.say(`Working on a copy of ${session} in ${copyTo}; ${session} is left as it is.`);
    }

    if ((await step(io, 'validate', validate, dir, { json }, collected)) !== Exit.ok) {
      return finish(Exit.invalid);
    }
    const checked = await step(
      io,
      'check',
      check,
      dir,
      { json, strict: args.values['strict'], 'no-libreoffice': args.values['no-libreoffice'] },
      collected,
    );
    const scheduled = await step(io, 'schedule', schedule, dir, { json }, collected);

    io.say(io.style('bold', '\n── site ──'));
    const out = args.values['out'];
    const site = await buildSite({
      sessionDir: dir,
      ...(typeof out === 'string' ? { outDir: out } : {}),
    });
    collected['site'] = site;
    io.say(`${site.pages} pages built in ${(site.ms / 1000).toFixed(1)} s → ${site.outDir}`);

    const exitCode = scheduled !== Exit.ok ? Exit.invalid : checked;
    if (args.values['serve'] !== true) return finish(exitCode);
    finish(exitCode);
    const server = await previewSite({ outDir: site.outDir, port });
    io.say(`Serving ${server.url} — press Ctrl+C to stop.`);
    await once(process, 'SIGINT');
    await server.close();
    return exitCode;
  },
};
