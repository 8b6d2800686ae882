/** An Io that records what a command prints, for in-process CLI tests. */
import type { Io } from '../../pipeline/output.ts';

/** What a command said (stderr lines) and printed (stdout lines and JSON documents). */
export interface CapturedIo extends Io {
  /** Lines written for people, on stderr. */
  readonly err: string[];
  /** Lines printed on stdout (`--version`, `--help`). */
  readonly printed: string[];
  /** JSON documents written on stdout, as values. */
  readonly out: unknown[];
  /** stderr as one text. */
  readonly stderr: string;
  /** stdout as the CLI would print it: the printed lines, then one JSON text per document. */
  readonly stdout: string;
}

/** A fresh recorder: no colours, not a TTY. */
export function captureIo(): CapturedIo {
  const err: string[] = [];
  const printed: string[] = [];
  const out: unknown[] = [];
  return {
    err,
    printed,
    out,
    say: (line = '') => void err.push(line),
    print: (line = '') => void printed.push(line),
    style: (_format, text) => text,
    json: (value) => void out.push(value),
    tty: false,
    get stderr() {
      return err.join('\n');
    },
    get stdout() {
      return [...printed, ...out.map((value) => JSON.stringify(value))].join('\n');
    },
  };
}
