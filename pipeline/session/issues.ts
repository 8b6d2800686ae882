/**
 * Turns zod issues into problems people can act on: each at the line and column of the YAML
 * node concerned, with what was found, what was expected and the fix. Unions report the
 * branch closest to what was written; unknown keys get a "did you mean".
 */
import type { z } from 'zod';
import { Errors } from '../errors.ts';
import { locate, sourceAt, type Target, type YamlPath } from './locate.ts';
import { listNames, problem, type Problem } from './problem.ts';
import type { ParsedYaml } from './read.ts';
import { suggest } from './suggest.ts';

type Issue = z.core.$ZodIssue;

interface Located {
  readonly issue: Issue;
  readonly path: YamlPath;
  readonly target: Target;
}

/** One problem per place: the issues of `schema.safeParse(parsed.value)`, positioned in `file`. */
export function issuesToProblems(
  issues: readonly Issue[],
  schema: z.ZodType,
  parsed: ParsedYaml,
  file: string,
): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const all = flatten(issues, []);
  const renamed = misspeltKeys(all, schema);
  for (const located of all) {
    if (isMissing(located, parsed.value) && renamed.has(pathKey(located.path))) continue;
    const key = pathKey(located.path);
    if (seen.has(key)) continue; // a value that fails two ways is reported once
    seen.add(key);
    const pos = locate(parsed.doc, parsed.lines, located.path, located.target);
    problems.push(toProblem(located, schema, parsed, { file, ...pos }));
  }
  return problems;
}

/**
 * Paths of the keys that an unknown key of the same mapping misspells (`dealine` for
 * `deadline`): the missing key is then not reported, the unknown one says it all.
 */
function misspeltKeys(all: readonly Located[], schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  for (const { issue, path } of all) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = path.slice(0, -1);
    const meant = suggest(String(path.at(-1)), keysAt(schema, parent));
    if (meant !== undefined) keys.add(pathKey([...parent, meant]));
  }
  return keys;
}

function isMissing({ issue, path }: Located, root: unknown): boolean {
  return issue.code === 'invalid_type' && valueAt(root, path) === undefined;
}

function pathKey(path: YamlPath): string {
  return path.map(String).join('\u0000');
}

/** Full paths; unrecognized keys one by one; for a union, the branch with the fewest issues. */
function flatten(issues: readonly Issue[], prefix: YamlPath): Located[] {
  return issues.flatMap((issue): Located[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ issue, path: [...path, k], target: 'key' as const }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((branch) => flatten(branch, path));
      return branches.reduce((best, b) => (b.length < best.length ? b : best));
    }
    return [{ issue, path, target: 'value' }];
  });
}

function toProblem(
  { issue, path }: Located,
  schema: z.ZodType,
  parsed: ParsedYaml,
  place: { file: string; line: number; column: number },
): Problem {
  const root = parsed.value;
  const found = valueAt(root, path);
  const written = sourceAt(parsed.doc, path);
  const last = path.at(-1);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = String(last);
      const allowed = keysAt(schema, path.slice(0, -1));
      const present = Object.keys(asRecord(valueAt(root, path.slice(0, -1))));
      const hint = suggest(
        key,
        allowed.filter((k) => !present.includes(k)),
      );
      const expected = `one of the keys ${listNames(allowed)}`;
      return problem(place, Errors.SessionUnknownKey, [key, hint, listNames(allowed)], expected);
    }
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      if (found === undefined) {
        const parent = path.length > 1 ? `\`${pathText(path.slice(0, -1))}\`` : 'the file';
        return problem(place, Errors.SessionMissingKey, [String(last), parent, expected], expected);
      }
      return problem(
        place,
        Errors.SessionWrongType,
        [describe(found, written), expected, typeFix(issue.expected, found, written)],
        expected,
      );
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const expected = `one of ${listNames(values)}`;
      const close = typeof found === 'string' ? suggest(found, values) : undefined;
      const fix = close ? `Replace it with \`${close}\`.` : `Use ${expected}.`;
      return problem(place, Errors.SessionInvalidValue, [describe(found), expected, fix], expected);
    }
    case 'too_small':
    case 'too_big': {
      const expected = sizeText(issue);
      const fix = `Change it to ${expected}.`;
      return problem(place, Errors.SessionInvalidValue, [describe(found), expected, fix], expected);
    }
    default: {
      const { expected, fix } = customText(issue);
      return problem(place, Errors.SessionInvalidValue, [describe(found), expected, fix], expected);
    }
  }
}

/** Messages of schemas/common.ts and zod formats, with the fix each calls for. */
function customText(issue: Issue): { expected: string; fix: string } {
  if (issue.code === 'invalid_format' && issue.format === 'email') {
    return { expected: 'an e-mail address', fix: 'Write an address such as name@example.org.' };
  }
  if (issue.code === 'invalid_format' && issue.format === 'url') {
    return { expected: 'a web address', fix: 'Write a full address such as https://example.org/.' };
  }
  if (issue.message === 'this day does not exist in the calendar') {
    return {
      expected: 'a day that exists in the calendar',
      fix: 'Correct the day or the month: February has 28 or 29 days; April, June, September and November 30.',
    };
  }
  if (issue.message.startsWith('expected an IANA timezone')) {
    return {
      expected: 'an IANA timezone such as Europe/Paris',
      fix: 'Use a zone name of the IANA database, e.g. Europe/Paris, America/Montreal or UTC.',
    };
  }
  const expected = issue.message.replace(/^expected /, '');
  return { expected, fix: `Rewrite the value as ${expected}.` };
}

function sizeText(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const strict = issue.inclusive === false;
  if (issue.origin === 'array') {
    const n = strict ? bound + (small ? 1 : -1) : bound;
    return `${small ? 'at least' : 'at most'} ${n} item${n === 1 ? '' : 's'}`;
  }
  if (issue.origin === 'string') {
    if (small && bound === 1) return 'some text (it is empty)';
    return `${small ? 'at least' : 'at most'} ${bound} characters`;
  }
  return `a number ${small ? (strict ? '>' : '≥') : strict ? '<' : '≤'} ${bound}`;
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys to values',
    record: 'a mapping of keys to values',
    tuple: 'a list',
  };
  return names[expected] ?? expected;
}

function typeFix(expected: string, found: unknown, written: string | undefined): string {
  if (expected === 'string') {
    if (typeof found === 'number' || typeof found === 'boolean') {
      return `Put the value in quotes: "${written ?? String(found)}".`;
    }
    return 'Write a single text value here.';
  }
  if (expected === 'boolean') return 'Write true or false, without quotes.';
  if (expected === 'number' || expected === 'int') return 'Write a number without quotes, e.g. 50.';
  if (expected === 'array' || expected === 'tuple') {
    return 'Write a list: [a, b] on one line, or one "- item" per line.';
  }
  return 'Write indented `key: value` lines here, as in content/demo-2023.';
}

/** How a value found in the YAML is named in a message. */
function describe(value: unknown, written?: string): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
  }
  if (typeof value === 'number') return `the number ${written ?? value}`;
  if (typeof value === 'boolean') return `\`${value}\``;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** `keyDates[2].at` */
function pathText(path: YamlPath): string {
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i > 0 ? '.' : ''}${String(s)}`))
    .join('');
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly items?: readonly z.ZodType[];
  readonly valueType?: z.ZodType;
}

/** Keys the schema allows for the object at `path`, across union branches. */
export function keysAt(schema: z.ZodType, path: YamlPath): string[] {
  const keys = new Set<string>();
  const walk = (s: z.ZodType | undefined, rest: YamlPath): void => {
    if (!s) return;
    const def = (s as unknown as { _zod: { def: Def } })._zod.def;
    const [head, ...tail] = rest;
    if (def.innerType) return walk(def.innerType, rest);
    if (def.in) return walk(def.in, rest);
    if (def.options) return def.options.forEach((o) => walk(o, rest));
    if (head === undefined) {
      if (def.shape) Object.keys(def.shape).forEach((k) => keys.add(k));
      return;
    }
    if (def.shape) return walk(def.shape[String(head)], tail);
    if (def.element) return walk(def.element, tail);
    if (def.items) return walk(def.items[Number(head)], tail);
    if (def.valueType) return walk(def.valueType, tail);
  };
  walk(schema, path);
  return [...keys];
}
