/**
 * Reads the sheet to import from a `.csv`, `.xlsx` or `.ods` file, told apart by their first
 * bytes as well as their extension (a CSV saved as `.xls` by a web export still reads).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Errors, recevableError } from '../errors.ts';
import { readCsv } from './csv.ts';
import { readOds } from './ods.ts';
import { isEmpty, type Table } from './table.ts';
import { readXlsx } from './xlsx.ts';

/** Larger than any staff list: a bigger file is not what the user meant. */
const MAX_BYTES = 20 * 1024 * 1024;

/** The sheet that was read, and the workbook's date system. */
export interface ReadSheet {
  readonly table: Table;
  /** Serial numbers count days from 1904-01-01 (old Mac Excel), not 1899-12-30. */
  readonly date1904: boolean;
  /** Every sheet name of the workbook, in order. */
  readonly sheets: readonly string[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOds = (b: Uint8Array) =>
  Buffer.from(b.subarray(30, 90)).toString('latin1').includes('opendocument.spreadsheet');

/** Reads `file`; `sheet` picks a sheet by name (case-insensitively), else the first one with data. */
export async function readSheet(file: string, sheet?: string): Promise<ReadSheet> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    if (info.size > MAX_BYTES) throw recevableError(Errors.ImportTooLarge, file, info.size);
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof Error && 'hint' in error) throw error;
    throw recevableError(Errors.ImportUnreadable, file, (error as Error).message);
  }
  if (bytes.length === 0) throw recevableError(Errors.ImportEmpty, file, undefined);
  const extension = extname(file).toLowerCase();
  let tables: Table[];
  let date1904 = false;
  if (isZip(bytes) && (extension === '.ods' || isOds(bytes))) {
    ({ tables, date1904 } = await readOds(bytes, file));
  } else if (isZip(bytes)) {
    ({ tables, date1904 } = await readXlsx(bytes, file));
  } else if (['.xlsx', '.ods', '.xls'].includes(extension) && bytes[0] === 0xd0) {
    throw recevableError(Errors.ImportUnsupported, file, 'an old binary Excel file (.xls)');
  } else if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    throw recevableError(Errors.ImportUnsupported, file, 'a binary file that is not a spreadsheet');
  } else {
    tables = [readCsv(bytes, file, basename(file, extname(file)))];
  }
  const sheets = tables.map((t) => t.sheet);
  const wanted = sheet?.toLocaleLowerCase('fr');
  const table =
    wanted === undefined
      ? (tables.find((t) => t.rows.some((r) => r.some((v) => !isEmpty(v)))) ?? tables[0])
      : (tables.find((t) => t.sheet === sheet) ??
        tables.find((t) => t.sheet.toLocaleLowerCase('fr') === wanted));
  if (!table) throw recevableError(Errors.ImportSheetNotFound, file, sheet ?? '', sheets);
  if (!table.rows.some((r) => r.some((v) => !isEmpty(v))))
    throw recevableError(Errors.ImportEmpty, file, table.sheet);
  return { table, date1904, sheets };
}
