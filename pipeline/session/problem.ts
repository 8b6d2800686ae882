/**
 * A problem found in a session folder: where it is (file, line, column), what is wrong, what
 * was expected and how to fix it. Problems are findings: validation collects them all and
 * never throws.
 */
import type { ErrorDef } from '../errors.ts';

/** One problem, as `recevable validate --json` prints it. */
export interface Problem {
  /** Path of the file relative to the session folder, `/`-separated, e.g. `results/C001.yaml`. */
  readonly file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  readonly line: number;
  /** 1-based column; 1 when the problem concerns the whole file. */
  readonly column: number;
  /** Stable code from the error catalogue, e.g. `SESSION_UNKNOWN_KEY`. */
  readonly code: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** What was expected there, when the problem is about a value. */
  readonly expected?: string;
  /** What to do about it. */
  readonly fix: string;
  /**
   * `false` when the data stays usable despite the problem: `validate` still reports it, but
   * commands load the session and decide the entry themselves (a submission from an unknown
   * candidate becomes a finding of `check`, and the other dossiers are still decided).
   */
  readonly blocking?: false;
  /** `warning`: worth fixing, not an error (`validate` still exits 0); absent for errors. */
  readonly level?: 'warning';
}

/** A position in a file. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Builds a problem from a catalogue entry. */
export function problem<A extends unknown[]>(
  place: Place,
  def: ErrorDef<A>,
  args: A,
  expected?: string,
): Problem {
  return {
    file: place.file,
    line: place.line,
    column: place.column,
    code: def.code,
    message: def.message(...args),
    ...(expected === undefined ? {} : { expected }),
    fix: def.hint(...args),
  };
}

/** Sorts problems by the registry order of their files, then file, line, column and code. */
export function sortProblems(
  problems: readonly Problem[],
  rank: (file: string) => number,
): Problem[] {
  return [...problems].sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      compare(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compare(a.code, b.code) ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops problems reported twice at the same place with the same message. */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.code}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Quotes a list of names for a message: `a`, `b` and 8 more. */
export function listNames(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max).map((n) => `\`${n}\``);
  if (names.length > max) return `${shown.join(', ')} and ${names.length - max} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1) ?? ''}`;
}
