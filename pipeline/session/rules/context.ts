/**
 * What a cross-file rule sees, and how it reports a problem at a path of a file.
 *
 * Two views of each parsed file: `one`/`all` give the typed data of files that passed their
 * schema (for rules that need it whole, such as bounds in order); `items`/`ids` read lists
 * of mappings from any parsed file, valid or not, so that references and duplicates are
 * still checked when an unrelated field of the same file is wrong (a bad date in
 * candidates.yaml must not hide a submission from an unknown candidate).
 */
import { Errors, type ErrorDef } from '../../errors.ts';
import type { DataOf, SessionFileKey } from '../files.ts';
import { locate, type Target, type YamlPath } from '../locate.ts';
import { listNames, problem, type Problem } from '../problem.ts';
import type { ParsedYaml } from '../read.ts';

/** A file that parsed as YAML. */
export interface ParsedFile {
  /** Path relative to the session folder. */
  readonly file: string;
  readonly key: string;
  readonly parsed: ParsedYaml;
  /** The schema's output, present only when the file passed its schema. */
  readonly data?: unknown;
}

/** A file that passed its schema (`data` set). */
export type ValidFile = ParsedFile & { readonly data: unknown };

/** One mapping of a list, with its index there. */
export interface Item {
  readonly index: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A cross-file rule: reports through the context, never throws. */
export type Rule = (ctx: RuleContext) => void;

export class RuleContext {
  readonly problems: Problem[] = [];
  readonly #files: readonly ParsedFile[];
  readonly #names = new WeakMap<ReadonlySet<string>, string>();

  constructor(files: readonly ParsedFile[]) {
    this.#files = files;
  }

  /** Every file of `key` that passed its schema, with its data (many for `results`). */
  all<K extends SessionFileKey>(key: K): { file: string; data: DataOf<K> }[] {
    return this.#files
      .filter((f) => f.key === key && f.data !== undefined)
      .map((f) => ({ file: f.file, data: f.data as DataOf<K> }));
  }

  /** The single file of `key` that passed its schema, if any. */
  one<K extends SessionFileKey>(key: K): { file: string; data: DataOf<K> } | undefined {
    return this.all(key)[0];
  }

  /** The raw value of each parsed file of `key`, valid or not. */
  raw(key: SessionFileKey): { file: string; value: unknown }[] {
    return this.#files
      .filter((f) => f.key === key)
      .map((f) => ({ file: f.file, value: f.parsed.value }));
  }

  /** The Markdown text of each parsed page of `key`, valid or not, with the line it starts on. */
  markdown(key: SessionFileKey): { file: string; body: string; line: number }[] {
    return this.#files.flatMap((f) =>
      f.key === key && f.parsed.markdown ? [{ file: f.file, ...f.parsed.markdown }] : [],
    );
  }

  /** The mappings of the list at `path` in the parsed file of `key`, valid or not. */
  items(key: SessionFileKey, path: readonly string[]): { file: string; items: Item[] } | undefined {
    const found = this.raw(key)[0];
    if (!found) return undefined;
    let value = found.value;
    for (const segment of path) value = isRecord(value) ? value[segment] : undefined;
    if (!Array.isArray(value)) return undefined;
    const items = value.flatMap((v: unknown, index) => (isRecord(v) ? [{ index, fields: v }] : []));
    return { file: found.file, items };
  }

  /** The text values of `field` in the list at `path` of `key`; undefined when unreadable. */
  ids(key: SessionFileKey, path: readonly string[], field: string): Set<string> | undefined {
    const list = this.items(key, path);
    if (!list) return undefined;
    return new Set(list.items.flatMap(({ fields }) => text(fields[field])));
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
    options: { expected?: string; target?: Target; blocking?: false; level?: 'warning' } = {},
  ): void {
    const f = this.#files.find((v) => v.file === file);
    const pos = f
      ? locate(f.parsed.doc, f.parsed.lines, path, options.target)
      : { line: 1, column: 1 };
    const found = problem({ file, ...pos }, def, args, options.expected);
    // A warning never blocks: the data is usable, staff should still see it.
    if (options.level === 'warning')
      this.problems.push({ ...found, blocking: false, level: 'warning' });
    else this.problems.push(options.blocking === false ? { ...found, blocking: false } : found);
  }

  /** Reports every repeated text value of `field` in the list at `path` of `key`. */
  duplicates(key: SessionFileKey, path: readonly string[], field: string, what: string): void {
    const list = this.items(key, path);
    if (!list) return;
    const first = new Map<string, number>();
    for (const { index, fields } of list.items) {
      for (const value of text(fields[field])) {
        const seen = first.get(value);
        if (seen === undefined) {
          first.set(value, index);
          continue;
        }
        const firstLine = this.line(list.file, [...path, seen, field]);
        const at = [...path, index, field];
        this.report(list.file, at, Errors.SessionDuplicateId, [what, value, firstLine]);
      }
    }
  }

  /** Reports `value` at `path` when it is a text not in `known`; true when it is known. */
  reference(
    file: string,
    path: YamlPath,
    value: unknown,
    known: ReadonlySet<string>,
    what: string,
    source: string,
    options: { blocking?: false } = {},
  ): boolean {
    if (typeof value !== 'string') return false; // the schema reports the wrong type
    if (known.has(value)) return true;
    let names = this.#names.get(known);
    if (names === undefined) {
      names = listNames([...known].sort());
      this.#names.set(known, names);
    }
    const args: [string, string, string, string] = [what, value, names, source];
    this.report(file, path, Errors.SessionUnknownReference, args, {
      expected: `one of ${names}`,
      ...options,
    });
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `[value]` when it is text, else `[]` (the schema reports other types). */
export function text(value: unknown): string[] {
  return typeof value === 'string' ? [value] : [];
}
