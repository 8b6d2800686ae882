/**
 * A sheet as the importer sees it: rows of cell values from A1, whatever the file format, and
 * the names people use for cells (`Feuil1!C7`, `'Liste 2023'!B2`).
 */

/** A cell's value: text, number (a spreadsheet date is a serial number unless typed as a date), boolean, or a date cell. */
export type CellValue = string | number | boolean | Date;

/** One sheet read from a file. */
export interface Table {
  /** The sheet's name; a CSV file's is its file name without extension, as LibreOffice names it. */
  readonly sheet: string;
  /** Rows from row 1, cells from column A; `null` is an empty cell. Merged ranges carry their value in every cell. */
  readonly rows: readonly (readonly (CellValue | null)[])[];
  /** What was read: `csv (Windows-1252, ";")`, `xlsx`, `ods (through LibreOffice)`. */
  readonly source: string;
}

/** `A`, `B` … `Z`, `AA` for a 0-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** 0-based column and row of `C7`; undefined when it is not a cell name. */
export function parseCellName(name: string): { row: number; column: number } | undefined {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(name);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** `Feuil1!C7`; a sheet name with spaces or punctuation is quoted as spreadsheets do: `'Liste 2023'!C7`. */
export function cellName(sheet: string, row: number, column: number): string {
  const quoted = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return `${quoted}!${columnName(column)}${row + 1}`;
}

/** True when the cell holds nothing (empty text counts as nothing). */
export const isEmpty = (value: CellValue | null | undefined): value is null | undefined =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
