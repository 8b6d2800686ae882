/**
 * What a cross-file rule sees: the validated data of each file, and a way to report a
 * problem at a path of a file. Rules run only on files that passed their schema, so they
 * read typed data; a rule whose files are missing or invalid simply has nothing to check.
 */
import { Errors, type ErrorDef } from '../../errors.ts';
import type { DataOf, SessionFileKey } from '../files.ts';
import { locate, type Target, type YamlPath } from '../locate.ts';
import { listNames, problem, type Problem } from '../problem.ts';
import type { ParsedYaml } from '../read.ts';

/** A file that passed its schema. */
export interface ValidFile {
  /** Path relative to the session folder. */
  readonly file: string;
  readonly key: string;
  readonly parsed: ParsedYaml;
  readonly data: unknown;
}

/** A cross-file rule: reports through the context, never throws. */
export type Rule = (ctx: RuleContext) => void;

export class RuleContext {
  readonly problems: Problem[] = [];
  readonly #files: readonly ValidFile[];

  constructor(files: readonly ValidFile[]) {
    this.#files = files;
  }

  /** Every valid file of `key` with its data (many for `results`). */
  all<K extends SessionFileKey>(key: K): { file: string; data: DataOf<K> }[] {
    return this.#files
      .filter((f) => f.key === key)
      .map((f) => ({ file: f.file, data: f.data as DataOf<K> }));
  }

  /** The single valid file of `key`, if any. */
  one<K extends SessionFileKey>(key: K): { file: string; data: DataOf<K> } | undefined {
    return this.all(key)[0];
  }

  /** Line of `path` in `file`, for messages naming an earlier occurrence. */
  line(file: string, path: YamlPath): number {
    const f = this.#files.find((v) => v.file === file);
    return f ? locate(f.parsed.doc, f.parsed.lines, path).line : 1;
  }

  /** Reports a problem at `path` of `file`. */
  report<A extends unknown[]>(
    file: string,
    path: YamlPath,
    def: ErrorDef<A>,
    args: A,
    options: { expected?: string; target?: Target } = {},
  ): void {
    const f = this.#files.find((v) => v.file === file);
    const pos = f
      ? locate(f.parsed.doc, f.parsed.lines, path, options.target)
      : { line: 1, column: 1 };
    this.problems.push(problem({ file, ...pos }, def, args, options.expected));
  }

  /** Reports every repeated `id(item)` in `items`, found at `path` + index + `field`. */
  duplicates<T>(
    file: string,
    path: YamlPath,
    items: readonly T[],
    field: string,
    what: string,
    id: (item: T) => string,
  ): void {
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const value = id(item);
      const seen = first.get(value);
      if (seen === undefined) {
        first.set(value, index);
        return;
      }
      const firstLine = this.line(file, [...path, seen, field]);
      this.report(file, [...path, index, field], Errors.SessionDuplicateId, [
        what,
        value,
        firstLine,
      ]);
    });
  }

  /** Reports `value` at `path` when it is not in `known`. */
  reference(
    file: string,
    path: YamlPath,
    value: string,
    known: ReadonlySet<string>,
    what: string,
    source: string,
  ): boolean {
    if (known.has(value)) return true;
    const names = listNames([...known].sort());
    this.report(file, path, Errors.SessionUnknownReference, [what, value, names, source]);
    return false;
  }
}
