/**
 * Reads an optional YAML file of a session (outcomes.yaml, tutoring.yaml) against its schema.
 * Never throws: a missing file is `absent`; broken YAML, a wrong type or an unknown key
 * becomes problems that name the file, line and column, and the fix.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { Errors, type ErrorDef } from '../errors.ts';

/** Files larger than this are refused: no session needs megabytes of results. */
export const MAX_BYTES = 2 * 1024 * 1024;

/** A problem found in a file: where, what, and what to do. */
export interface Problem {
  /** Stable code: `OUTCOMES_…`. */
  readonly code: string;
  /** `error`: the data cannot be used as is; `warning`: used, but staff should look. */
  readonly level: 'error' | 'warning';
  /** File name inside the session folder, e.g. `outcomes.yaml`. */
  readonly file: string;
  /** 1-based line and column, when known. */
  readonly line?: number;
  readonly column?: number;
  /** What is wrong, in English. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
}

/** A problem built from a catalogue entry, placed in a file. */
export function problemOf<A extends unknown[]>(
  def: ErrorDef<A>,
  level: Problem['level'],
  file: string,
  at: { line?: number; column?: number },
  ...args: A
): Problem {
  const place = Object.fromEntries(Object.entries(at).filter(([, v]) => v !== undefined));
  return {
    code: def.code,
    level,
    file,
    ...place,
    message: def.message(...args),
    hint: def.hint(...args),
  };
}

/** Finds the line and column of a path in a parsed file. */
export type Locate = (
  path: readonly PropertyKey[],
  key?: string,
) => { line?: number; column?: number };

/** The outcome of reading one optional file. */
export type ReadResult<T> =
  | { readonly status: 'absent' }
  | { readonly status: 'invalid'; readonly problems: Problem[] }
  | { readonly status: 'ok'; readonly data: T; readonly locate: Locate };

function locator(doc: Document, lines: LineCounter): Locate {
  return (path, key) => {
    let node = doc.getIn(path as unknown[], true);
    if (key !== undefined && isMap(node)) {
      node = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.key;
    }
    const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (offset === undefined) return {};
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

/** Reads `dir/file` and validates it with `schema`. */
export async function readSessionYaml<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
): Promise<ReadResult<z.infer<S>>> {
  const path = join(dir, file);

  const problem = (detail: string, fix: string, at: { line?: number; column?: number } = {}) =>
    problemOf(Errors.OutcomesFileInvalid, 'error', file, at, file, detail, fix);
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      return {
        status: 'invalid',
        problems: [problem('it is not a file.', `Replace it with a YAML file.`)],
      };
    }
    if (info.size > MAX_BYTES) {
      const hint = `Keep one entry per candidate; the file must stay under ${MAX_BYTES / 1024 / 1024} MB.`;
      return {
        status: 'invalid',
        problems: [problem(`it is ${info.size} bytes, over the limit.`, hint)],
      };
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent' };
    return {
      status: 'invalid',
      problems: [problem('it cannot be read.', 'Check its permissions.')],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      status: 'invalid',
      problems: doc.errors.map((e) =>
        problem(
          `invalid YAML: ${e.message.split('\n')[0] ?? e.code}`,
          'Fix the YAML syntax at this place (indentation, brackets, quotes).',
          { line: e.linePos?.[0].line, column: e.linePos?.[0].col },
        ),
      ),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      status: 'invalid',
      problems: [problem((error as Error).message, 'Remove the aliases.')],
    };
  }
  if (value === null || value === undefined) {
    const hint = `Write at least the top-level keys; see schemas/${file.replace('.yaml', '.ts')}.`;
    return { status: 'invalid', problems: [problem('the file is empty.', hint)] };
  }
  const locate = locator(doc, lines);
  const result = schema.safeParse(value);
  if (!result.success) {
    return {
      status: 'invalid',
      problems: result.error.issues.map((issue) => {
        const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        return problem(
          `at ${where}: ${issue.message}.`,
          issue.code === 'unrecognized_keys'
            ? `Remove or rename the key; the allowed keys are documented in schemas/${file.replace('.yaml', '.ts')}.`
            : `Fix the value; each field is documented in schemas/${file.replace('.yaml', '.ts')}.`,
          locate(issue.path, key),
        );
      }),
    };
  }
  return { status: 'ok', data: result.data, locate };
}
