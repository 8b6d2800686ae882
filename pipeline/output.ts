/**
 * Where the CLI writes: human output on stderr (colours unless NO_COLOR or not a TTY),
 * one JSON document on stdout with `--json`, and on stdout too the text asked for by
 * `--version` and `--help`, so that it can be piped.
 */
import { styleText } from 'node:util';
import { RecevableError } from './errors.ts';

type Style = Parameters<typeof styleText>[0];

/** The command's view of the terminal. */
export interface Io {
  /** A line for people, on stderr. */
  say(line?: string): void;
  /** A line that is the answer asked for (`--version`, `--help`), on stdout. */
  print(line?: string): void;
  /** Colours text for stderr when colours are allowed. */
  style(format: Style, text: string): string;
  /** The single JSON document of a `--json` run, on stdout. */
  json(value: unknown): void;
  /** True when stderr is a terminal (progress bars only then). */
  readonly tty: boolean;
}

export function createIo(
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): Io {
  // NO_COLOR wins over FORCE_COLOR (no-color.org); otherwise styleText decides from the stream.
  const plain = Boolean(process.env['NO_COLOR']);
  return {
    say: (line = '') => stderr.write(`${line}\n`),
    print: (line = '') => stdout.write(`${line}\n`),
    style: (format, text) => (plain ? text : styleText(format, text, { stream: stderr })),
    json: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    tty: Boolean(stderr.isTTY),
  };
}

/** Prints an error as a person should read it: code, message, hint — never a stack trace. */
export function reportError(io: Io, error: unknown): void {
  if (error instanceof RecevableError) {
    io.say(`${io.style('red', 'error')} ${error.message} ${io.style('dim', `[${error.code}]`)}`);
    io.say(`  ${io.style('cyan', 'fix:')} ${error.hint}`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.say(`${io.style('red', 'internal error')} ${message}`);
  io.say('  This is a bug in recevable; please report it with the command you ran.');
  if (process.env['RECEVABLE_DEBUG'] && error instanceof Error) io.say(error.stack);
}
