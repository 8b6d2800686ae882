/**
 * XLSX through read-excel-file (values, typed date cells), plus what it leaves out: merged
 * ranges, read from the sheet's `<mergeCells>` so a tutor merged over five rows is the tutor
 * of those five candidates, and the workbook's 1904 date system for serial numbers.
 */
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { Errors, recevableError } from '../errors.ts';
import { parseCellName, type CellValue, type Table } from './table.ts';

/** Attributes of every `<name …/>` element (any namespace prefix), entities decoded. */
function elements(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*)>`, 'g');
  for (const match of xml.matchAll(tag)) {
    const attributes: Record<string, string> = {};
    for (const [, key, value] of match[1]!.matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g))
      attributes[key!.replace(/^[\w.-]+:/, '')] = entities(value!);
    found.push(attributes);
  }
  return found;
}

const entities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

/** Merged ranges of each sheet by name, and whether the workbook counts days from 1904. */
function workbookLayout(bytes: Uint8Array): {
  merges: Map<string, string[]>;
  date1904: boolean;
} {
  const files = unzipSync(bytes, {
    filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels'),
  });
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const workbook = text('xl/workbook.xml');
  const targets = new Map(
    elements(text('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => [
      r['Id'],
      r['Target'] ?? '',
    ]),
  );
  const merges = new Map<string, string[]>();
  for (const sheet of elements(workbook, 'sheet')) {
    const target = targets.get(sheet['id']);
    if (!target || sheet['name'] === undefined) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const refs = elements(text(path), 'mergeCell').flatMap((m) => (m['ref'] ? [m['ref']] : []));
    merges.set(sheet['name'], refs);
  }
  const pr = elements(workbook, 'workbookPr')[0];
  return { merges, date1904: pr?.['date1904'] === '1' || pr?.['date1904'] === 'true' };
}

/** Copies the top-left value of each merged range into its other cells. */
function fillMerges(rows: (CellValue | null)[][], refs: readonly string[]): void {
  for (const ref of refs) {
    const [from, to] = ref.split(':').map(parseCellName);
    if (!from || !to) continue;
    const value = rows[from.row]?.[from.column] ?? null;
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.column; c <= to.column; c++) {
        if (r === from.row && c === from.column) continue;
        const row = (rows[r] ??= []);
        while (row.length <= c) row.push(null);
        row[c] = value;
      }
    }
  }
}

/** Every sheet of an XLSX file, in workbook order. */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  source = 'XLSX',
): Promise<{ tables: Table[]; date1904: boolean }> {
  let sheets: { sheet: string; data: readonly unknown[][] }[];
  let layout: ReturnType<typeof workbookLayout>;
  try {
    layout = workbookLayout(bytes);
    sheets = await readXlsxFile(Buffer.from(bytes));
  } catch (error) {
    throw recevableError(Errors.ImportUnreadable, file, (error as Error).message);
  }
  const tables = sheets.map(({ sheet, data }) => {
    const rows = data.map((row) =>
      row.map((v): CellValue | null =>
        typeof v === 'string' ||
        typeof v === 'number' ||
        typeof v === 'boolean' ||
        v instanceof Date
          ? v
          : null,
      ),
    );
    fillMerges(rows, layout.merges.get(sheet) ?? []);
    return { sheet, rows, source };
  });
  return { tables, date1904: layout.date1904 };
}
