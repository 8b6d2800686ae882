/** An Io that records what a command prints, for in-process CLI tests. */
import type { Io } from '../../pipeline/output.ts';

/** What a command said (stderr lines) and printed (stdout JSON documents). */
export interface CapturedIo extends Io {
  /** Lines written for people, on stderr. */
  readonly err: string[];
  /** JSON documents written on stdout, as values. */
  readonly out: unknown[];
  /** stderr as one text. */
  readonly stderr: string;
  /** stdout as the CLI would print it (one JSON text per document). */
  readonly stdout: string;
}

/** A fresh recorder: no colours, not a TTY. */
export function captureIo(): CapturedIo {
  const err: string[] = [];
  const out: unknown[] = [];
  return {
    err,
    out,
    say: (line = '') => void err.push(line),
    style: (_format, text) => text,
    json: (value) => void out.push(value),
    tty: false,
    get stderr() {
      return err.join('\n');
    },
    get stdout() {
      return out.map((value) => JSON.stringify(value)).join('\n');
    },
  };
}
