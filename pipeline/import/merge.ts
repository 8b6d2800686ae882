/**
 * Records → entries of the YAML list: a row updates the entry of its code (or id), else of its
 * e-mail, else adds one. Cells left empty change nothing; fields without a column are kept.
 * Two rows for one entry, an e-mail that already belongs to another entry, and a new entry
 * missing a required field are problems naming the cells.
 */
import type { z } from 'zod';
import { Candidate, Tutor } from '../../schemas/candidates.ts';
import { JuryMember } from '../../schemas/juries.ts';
import { Errors } from '../errors.ts';
import type { Kind, Target } from './fields.ts';
import { problemAt, type ImportProblem, type RowRecord } from './rows.ts';

type Entry = Record<string, unknown>;

const SCHEMAS: Readonly<Record<Kind, z.ZodType>> = {
  candidates: Candidate,
  tutors: Tutor,
  juries: JuryMember,
};

/** What the merge changes. */
export interface Merge {
  /** New content of existing entries, by index in the list. */
  readonly updates: Map<number, Entry>;
  /** Entries to append, in row order. */
  readonly additions: Entry[];
  /** Per entry key: `added`, or the fields changed. */
  readonly changes: { key: string; row: number; added: boolean; fields: string[] }[];
  /** Rows that change nothing. */
  readonly unchanged: number;
  readonly problems: ImportProblem[];
}

const valueAt = (entry: Entry, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Entry)[String(k)] : undefined),
    entry,
  );
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

/** The entry with a row's values set (`pathway.from` sets inside `pathway`). */
function apply(entry: Entry, values: Record<string, unknown>): Entry {
  const out: Entry = structuredClone(entry);
  for (const [key, value] of Object.entries(values)) {
    const [head, tail] = key.split('.') as [string, string?];
    if (tail === undefined) out[head] = value;
    else {
      const inner = out[head];
      out[head] = { ...(inner && typeof inner === 'object' ? inner : {}), [tail]: value };
    }
  }
  return out;
}

/** A new entry's fields in the order of the schema (`code`, `name`, `email`…). */
function ordered(entry: Entry, target: Target): Entry {
  const order = target.fields.map((f) =>
    f.key === 'firstName' || f.key === 'lastName' ? 'name' : f.key.split('.')[0]!,
  );
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(Object.entries(entry).sort(([a], [b]) => rank(a) - rank(b)));
}

export function merge(
  records: readonly RowRecord[],
  existing: readonly Entry[],
  target: Target,
): Merge {
  const problems: ImportProblem[] = [];
  const updates = new Map<number, Entry>();
  const additions: Entry[] = [];
  const changes: Merge['changes'] = [];
  let unchanged = 0;
  const byKey = new Map<string, { row: RowRecord }>();
  const byEmail = new Map<string, { row: RowRecord; key: unknown }>();
  const schema = SCHEMAS[target.kind];

  for (const record of records) {
    if (record.failed) continue;
    const key = record.values[target.id];
    const email = lower(record.values['email']);
    const firstCell = Object.values(record.cells)[0] ?? '';
    const keyCell = record.cells[target.id] ?? firstCell;
    if (typeof key === 'string') {
      const before = byKey.get(key);
      if (before) {
        problems.push(
          problemAt(
            keyCell,
            Errors.ImportDuplicate,
            target.id,
            key,
            before.row.cells[target.id] ?? '',
          ),
        );
        continue;
      }
      byKey.set(key, { row: record });
    }
    if (email) {
      const before = byEmail.get(email);
      if (before && before.key !== key) {
        problems.push(
          problemAt(
            record.cells['email'] ?? firstCell,
            Errors.ImportConflict,
            String(record.values['email']),
            `row ${before.row.row + 1} (${before.row.cells['email']})`,
          ),
        );
        continue;
      }
      byEmail.set(email, { row: record, key });
    }
    let index = typeof key === 'string' ? existing.findIndex((e) => e[target.id] === key) : -1;
    if (index === -1 && key === undefined && email)
      index = existing.findIndex((e) => lower(e['email']) === email);
    if (email) {
      const other = existing.findIndex((e, i) => i !== index && lower(e['email']) === email);
      if (other !== -1) {
        const owner = String(existing[other]?.[target.id]);
        problems.push(
          problemAt(
            record.cells['email'] ?? firstCell,
            Errors.ImportConflict,
            String(record.values['email']),
            `${target.id} ${owner} in ${target.file}`,
          ),
        );
        continue;
      }
    }
    if (index === -1 && key === undefined) {
      problems.push(
        problemAt(firstCell, Errors.ImportMissingValue, target.id, record.row + 1, target.kind),
      );
      continue;
    }
    const before = index === -1 ? {} : (existing[index] as Entry);
    const after = apply(before, record.values);
    const parsed = schema.safeParse(after);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        const field =
          path.length > 1 && record.cells[path.slice(0, 2).join('.')]
            ? path.slice(0, 2).join('.')
            : (path[0] ?? '');
        const cell = record.cells[field] ?? firstCell;
        if (valueAt(after, issue.path) === undefined)
          problems.push(
            problemAt(cell, Errors.ImportMissingValue, path.join('.'), record.row + 1, target.kind),
          );
        else
          problems.push(
            problemAt(
              cell,
              Errors.ImportBadValue,
              `${path.join('.')}: ${issue.message}`,
              'a value the schema accepts',
            ),
          );
      }
      continue;
    }
    const fields = Object.keys(after).filter((k) => !same(before[k], after[k]));
    const label = String(after[target.id]);
    if (index === -1) {
      additions.push(ordered(after, target));
      changes.push({ key: label, row: record.row, added: true, fields });
    } else if (fields.length > 0) {
      updates.set(index, after);
      changes.push({ key: label, row: record.row, added: false, fields });
    } else unchanged += 1;
  }
  return { updates, additions, changes, unchanged, problems };
}
