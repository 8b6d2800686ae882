/** `recevable <command>`: parses argv, dispatches to a command, maps errors to exit codes. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Exit, type Command } from './command.ts';
import { Errors, RecevableError, recevableError } from './errors.ts';
import { createIo, reportError, type Io } from './output.ts';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  validate: () => import('./commands/validate.ts'),
  inspect: () => import('./commands/inspect.ts'),
  check: () => import('./commands/check.ts'),
  corpus: () => import('./commands/corpus.ts'),
  compare: () => import('./commands/compare.ts'),
  report: () => import('./commands/report.ts'),
  schedule: () => import('./commands/schedule.ts'),
  outcomes: () => import('./commands/outcomes.ts'),
  send: () => import('./commands/send.ts'),
  paperwork: () => import('./commands/paperwork.ts'),
  run: () => import('./commands/run.ts'),
  import: () => import('./commands/import.ts'),
  intake: () => import('./commands/intake.ts'),
  merge: () => import('./commands/merge.ts'),
};

/** The version in package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The list of commands: on stdout when asked for, on stderr after a bare `recevable`. */
async function help(write: (line: string) => void): Promise<void> {
  write('Usage: recevable <command> [options]\n');
  write('Commands:');
  for (const load of Object.values(commands)) {
    const { command } = await load();
    write(`  ${command.name.padEnd(10)} ${command.summary}`);
  }
  write('\nEvery command has --help. Global: --version, --help.');
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io = createIo()): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === '--version' || name === '-v') {
      io.print(version());
      return Exit.ok;
    }
    if (name === undefined) {
      await help((line) => io.say(line));
      return Exit.usage;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      await help((line) => io.print(line));
      return Exit.ok;
    }
    const load = commands[name];
    if (!load) throw recevableError(Errors.UnknownCommand, name);
    const { command } = await load();
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw recevableError(Errors.BadArguments, name, (error as Error).message);
    }
    if (parsed.values.help) {
      io.print(`${command.summary}\n\n${command.usage}`);
      return Exit.ok;
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values }, io);
  } catch (error) {
    reportError(io, error);
    // `--json` promises one JSON document on stdout, failures included.
    if (rest.includes('--json')) {
      io.json({
        error:
          error instanceof RecevableError
            ? error.toJSON()
            : { code: 'INTERNAL', message: String(error), hint: 'Report this bug.' },
      });
    }
    return error instanceof RecevableError && error.code.startsWith('USAGE_')
      ? Exit.usage
      : Exit.invalid;
  }
}
