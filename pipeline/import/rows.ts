/**
 * Table → one record per filled row: finds the header row (title rows above it are skipped),
 * names each column's field, reads every cell, and reports each unreadable cell by its name
 * (`Feuil1!C7`). Never throws for bad cells: they are problems, all reported at once.
 */
import type { Block } from '../../schemas/session.ts';
import type { Tutor } from '../../schemas/candidates.ts';
import { Errors, recevableError, type ErrorDef } from '../errors.ts';
import { headerMap, normaliseHeader, type FieldDef, type Target } from './fields.ts';
import { cellName, columnName, isEmpty, type CellValue, type Table } from './table.ts';
import {
  readBlock,
  readDay,
  readEmail,
  readPathway,
  splitList,
  text,
  type DateFormat,
  type Read,
} from './values.ts';

/** A problem of the spreadsheet, at a cell. */
export interface ImportProblem {
  /** `Feuil1!C7`, or `candidates.yaml:12:5` for what the merged file would break. */
  readonly cell: string;
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

export const problemAt = <A extends unknown[]>(
  cell: string,
  def: ErrorDef<A>,
  ...args: A
): ImportProblem => ({
  cell,
  code: def.code,
  message: def.message(...args),
  fix: def.hint(...args),
});

/** A column of the sheet and the field it fills, if any. */
export interface Column {
  /** `C`. */
  readonly column: string;
  readonly header: string;
  readonly field?: string;
}

/** A filled row: its values by field key (`pathway.from`), and the cell of each. */
export interface RowRecord {
  /** 0-based row. */
  readonly row: number;
  readonly values: Record<string, unknown>;
  readonly cells: Record<string, string>;
  /** A cell of the row could not be read (already a problem): the row is not merged. */
  readonly failed: boolean;
}

/** How many date cells of a field were read in each format, with the first cell of each. */
export interface DatesRead {
  readonly field: string;
  readonly format: DateFormat;
  readonly count: number;
  /** First cell read so, its text and the day it became. */
  readonly example: { cell: string; written: string; read: string };
}

/** What the rows of a sheet hold. */
export interface Rows {
  /** 0-based header row. */
  readonly headerRow: number;
  readonly columns: Column[];
  readonly records: RowRecord[];
  readonly problems: ImportProblem[];
  readonly dates: DatesRead[];
}

/** What reading a cell may need from the session. */
export interface RowContext {
  readonly blocks: readonly Block[];
  readonly tutors: readonly Tutor[];
  readonly date1904: boolean;
}

const HEADER_SEARCH = 20;

function findHeader(table: Table, fields: Map<string, FieldDef>): number | undefined {
  for (let r = 0; r < Math.min(table.rows.length, HEADER_SEARCH); r++) {
    const row = table.rows[r] ?? [];
    const known = row.filter((v) => !isEmpty(v) && fields.has(normaliseHeader(text(v))));
    if (known.length >= 2) return r;
  }
  return undefined;
}

function resolveTutor(value: CellValue, tutors: readonly Tutor[]): Read<string> {
  const written = text(value);
  const wanted = normaliseHeader(written);
  const found = tutors.find(
    (t) =>
      t.id.toLowerCase() === written.toLowerCase() ||
      t.email.toLowerCase() === written.toLowerCase() ||
      normaliseHeader(t.name) === wanted,
  );
  if (found) return { value: found.id };
  return { problem: written, expected: tutors.map((t) => `${t.id} (${t.name})`).join(', ') };
}

/** Reads the records of `table` for `target`. Throws only when there is no header row at all. */
export function readRows(
  table: Table,
  target: Target,
  map: string | undefined,
  file: string,
  context: RowContext,
): Rows {
  const fields = headerMap(target, map);
  const headerRow = findHeader(table, fields);
  if (headerRow === undefined) {
    const expected = target.fields.map((f) => f.headers[0]).join(', ');
    throw recevableError(Errors.ImportNoHeader, file, table.sheet, expected);
  }
  const problems: ImportProblem[] = [];
  const header = table.rows[headerRow] ?? [];
  const columns: Column[] = [];
  const byColumn = new Map<number, FieldDef>();
  const seen = new Map<string, number>();
  header.forEach((v, c) => {
    if (isEmpty(v)) return;
    const field = fields.get(normaliseHeader(text(v)));
    columns.push({
      column: columnName(c),
      header: text(v),
      ...(field ? { field: field.key } : {}),
    });
    if (!field) return;
    const first = seen.get(field.key);
    if (first !== undefined) {
      const at = cellName(table.sheet, headerRow, c);
      problems.push(
        problemAt(
          at,
          Errors.ImportDuplicateColumn,
          field.key,
          cellName(table.sheet, headerRow, first),
        ),
      );
      return;
    }
    seen.set(field.key, c);
    byColumn.set(c, field);
  });

  const dates = new Map<string, DatesRead>();
  const noteDate = (
    field: string,
    format: DateFormat | undefined,
    cell: string,
    v: CellValue,
    read: string,
  ) => {
    if (!format) return;
    const key = `${field} ${format}`;
    const previous = dates.get(key);
    if (previous) dates.set(key, { ...previous, count: previous.count + 1 });
    else dates.set(key, { field, format, count: 1, example: { cell, written: text(v), read } });
  };

  const records: RowRecord[] = [];
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    if (![...byColumn.keys()].some((c) => !isEmpty(row[c]))) continue; // empty row
    const values: Record<string, unknown> = {};
    const cells: Record<string, string> = {};
    let failed = false;
    for (const [c, field] of byColumn) {
      const v = row[c];
      if (isEmpty(v)) continue;
      const cell = cellName(table.sheet, r, c);
      const read = readCell(field, v, context, (format, day) =>
        noteDate(field.key, format, cell, v, day),
      );
      if ('problem' in read) {
        if (field.type === 'tutor')
          problems.push(problemAt(cell, Errors.ImportUnknownTutor, read.problem, read.expected));
        else problems.push(problemAt(cell, Errors.ImportBadValue, read.problem, read.expected));
        failed = true;
        continue;
      }
      values[field.key] = read.value;
      cells[field.key] = cell;
    }
    // « Nom » and « Prénom » in two columns make one name; « Nom » alone is the full name.
    const last = values['lastName'];
    const first = values['firstName'];
    if (values['name'] === undefined && (last !== undefined || first !== undefined)) {
      values['name'] = [first, last].filter((p): p is string => typeof p === 'string').join(' ');
      cells['name'] = cells['lastName'] ?? cells['firstName']!;
    }
    delete values['lastName'];
    delete values['firstName'];
    records.push({ row: r, values, cells, failed });
  }
  return { headerRow, columns, records, problems, dates: [...dates.values()] };
}

function readCell(
  field: FieldDef,
  v: CellValue,
  context: RowContext,
  note: (format: DateFormat | undefined, day: string) => void,
): Read<unknown> {
  switch (field.type) {
    case 'email':
      return readEmail(v);
    case 'block':
      return readBlock(
        v,
        context.blocks.filter((b) => b.kind === 'specialisation'),
      );
    case 'blocks':
      return readList(v, (item) => readBlock(item, context.blocks));
    case 'tutor':
      return resolveTutor(v, context.tutors);
    case 'pathway':
      return readPathway(v);
    case 'day': {
      const read = readDay(v, context.date1904);
      if ('value' in read) note(read.format, read.value);
      return read;
    }
    case 'days':
      return readList(v, (item) => {
        const read = readDay(item, context.date1904);
        if ('value' in read) note(read.format, read.value);
        return read;
      });
    default:
      return { value: text(v) };
  }
}

function readList(v: CellValue, each: (item: CellValue) => Read<string>): Read<string[]> {
  const out: string[] = [];
  for (const item of splitList(v)) {
    const read = each(item);
    if ('problem' in read) return read;
    if (!out.includes(read.value)) out.push(read.value);
  }
  return { value: out };
}
