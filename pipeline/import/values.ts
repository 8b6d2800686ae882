/**
 * Cell values as people type them → the values of the YAML files. Dates are read day first
 * (25/08/2023, 25.08.2023, 25-08-23), ISO (2023-08-25), as a spreadsheet date cell, or as a
 * serial number (45163, days since 1899-12-30, or since 1904-01-01 in a 1904 workbook); each
 * read says which format it was, for the import's report.
 */
import { z } from 'zod';
import { isRealDate } from '../../schemas/common.ts';
import { normaliseHeader } from './fields.ts';
import type { CellValue } from './table.ts';

/** How a date cell was read, as the report names it. */
export type DateFormat = 'DD/MM/YYYY' | 'DD/MM/YY' | 'YYYY-MM-DD' | 'date cell' | 'serial number';

/** A value read from a cell, or why it cannot be. */
export type Read<T> =
  | { readonly value: T; readonly format?: DateFormat }
  | { readonly problem: string; readonly expected: string };

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

/** A cell as text (numbers without a trailing `.0`). */
export function text(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Days since 1899-12-30 (or 1904-01-01) → `YYYY-MM-DD`. */
function fromSerial(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** A calendar day from a cell. */
export function readDay(value: CellValue, date1904 = false): Read<string> {
  const expected = 'a date such as 25/08/2023, 2023-08-25 or a spreadsheet date';
  if (value instanceof Date) {
    // read-excel-file gives date cells as UTC midnights.
    const text = day(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return { value: text, format: 'date cell' };
  }
  const serial =
    typeof value === 'number' ? value : /^\d{5}$/.test(text(value)) ? Number(text(value)) : NaN;
  if (Number.isFinite(serial)) {
    // 1 (1900-01-01) … 2958465 (9999-12-31); staff dates are after 1950 (serial 18264).
    if (serial < 18264 || serial > 2958465)
      return {
        problem: `${value} is not a date (as a spreadsheet serial number it is too far from today)`,
        expected,
      };
    return { value: fromSerial(serial, date1904), format: 'serial number' };
  }
  const written = text(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$/.exec(written);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(written);
  let parts: [number, number, number] | undefined;
  let format: DateFormat | undefined;
  if (iso) {
    parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    format = 'YYYY-MM-DD';
  } else if (french) {
    const year = french[3]!.length === 2 ? 2000 + Number(french[3]) : Number(french[3]);
    parts = [year, Number(french[2]), Number(french[1])];
    format = french[3]!.length === 2 ? 'DD/MM/YY' : 'DD/MM/YYYY';
  }
  if (!parts || !format) return { problem: `"${written}" is not a date`, expected };
  const result = day(...parts);
  if (!isRealDate(result)) {
    const why = parts[1] > 12 ? ` (month ${parts[1]}: dates are read day first, 25/08/2023)` : '';
    return { problem: `"${written}" is not a day of the calendar${why}`, expected };
  }
  return { value: result, format };
}

/** A list in one cell: `20/09/2023; 21/09/2023`, `B4, B5`, one per line. */
export function splitList(value: CellValue): CellValue[] {
  if (typeof value !== 'string') return [value];
  return value
    .split(/[;,\n]|\s+et\s+|\s+and\s+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

const emailSchema = z.email();

export function readEmail(value: CellValue): Read<string> {
  const written = text(value).replace(/^mailto:/i, '');
  return emailSchema.safeParse(written).success
    ? { value: written }
    : {
        problem: `"${written}" is not an e-mail address`,
        expected: 'an e-mail address such as camille.martin@example.org',
      };
}

/** A block id from `B4`, `b4`, `Bloc 4`, `4`, or the block's title. */
export function readBlock(
  value: CellValue,
  blocks: readonly { id: string; title: string }[],
): Read<string> {
  const written = text(value);
  const wanted = normaliseHeader(written);
  const number = /^(?:bloc|block|b)?\s*(\d+)$/.exec(wanted.replace(/\s+/g, ' '));
  const found = blocks.find(
    (b) =>
      normaliseHeader(b.id) === wanted ||
      normaliseHeader(b.title) === wanted ||
      (number !== null && normaliseHeader(b.id) === `b${number[1]}`),
  );
  return found
    ? { value: found.id }
    : {
        problem: `"${written}" is not a block of session.yaml`,
        expected: `one of ${blocks.map((b) => b.id).join(', ')}`,
      };
}

const ALTERNANCE = [
  'alternance',
  'alternant',
  'alternante',
  'apprentissage',
  'apprenti',
  'apprentie',
  'contrat d apprentissage',
  'contrat de professionnalisation',
  'contrat pro',
  'professionnalisation',
  'apprenticeship',
  'work study',
];
const STAGE = ['stage', 'stagiaire', 'convention de stage', 'internship', 'intern'];

/** `alternance` or `stage` from the contract types people write. */
export function readPathway(value: CellValue): Read<'alternance' | 'stage'> {
  const wanted = normaliseHeader(text(value));
  if (ALTERNANCE.includes(wanted)) return { value: 'alternance' };
  if (STAGE.includes(wanted)) return { value: 'stage' };
  return {
    problem: `"${text(value)}" is not a type of contract recevable knows`,
    expected: 'alternance (apprentissage, contrat de professionnalisation) or stage',
  };
}
