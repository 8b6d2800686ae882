/** The shape every CLI command has; `cli.ts` only parses argv and dispatches. */
import type { ParseArgsOptionsConfig } from 'node:util';
import type { Io } from './output.ts';

/** Exit codes of DESIGN.md. */
export const Exit = {
  /** The run completed (inadmissible dossiers are a normal result). */
  ok: 0,
  /** Invalid input data (schema errors, unreadable file for `inspect`). */
  invalid: 1,
  /** Usage error. */
  usage: 2,
  /** `--strict`: some dossier is not admissible or needs review. */
  strict: 3,
} as const;

/** Parsed arguments handed to a command. */
export interface Args {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
}

/** A command of `recevable`. */
export interface Command {
  /** `validate`, `corpus` … */
  readonly name: string;
  /** One line for `recevable --help`. */
  readonly summary: string;
  /** Usage lines for `recevable <name> --help`. */
  readonly usage: string;
  /** Options besides `--help` (node:util parseArgs format). */
  readonly options: ParseArgsOptionsConfig;
  /** Runs the command; returns the exit code. Throws only RecevableError for usage or bad input. */
  run(args: Args, io: Io): Promise<number>;
}
