/**
 * CSV as spreadsheets export it: UTF-8 with or without BOM, or Windows-1252 (Excel's « CSV »
 * on a French Windows), any of `;` `,` tab `|` as delimiter (sniffed), quoted fields with
 * `""` and line breaks, CRLF or LF.
 */
import { Errors, recevableError } from '../errors.ts';
import type { Table } from './table.ts';

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** The text of the bytes and the encoding it was read in. */
export function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: every byte is a character of Windows-1252 (Latin-1 plus « € œ … »).
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/** Splits CSV text into rows of fields; `line` of an unterminated quote when there is one. */
export function parseCsv(
  text: string,
  delimiter: string,
): { rows: string[][]; unterminated?: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted) return { rows, unterminated: quoteLine };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows };
}

/** The delimiter that splits the first lines into the same number of fields, most often and widest. */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: string; score: number } = { delimiter: ';', score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = parseCsv(sample, delimiter)
      .rows.slice(0, 50)
      .filter((r) => r.some((f) => f.trim() !== ''));
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [width, lines] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
    const score = width > 1 ? lines * 1000 + width : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

const NAMES: Record<string, string> = { ';': '";"', ',': '","', '\t': 'tab', '|': '"|"' };

/** Reads a CSV file's bytes as one sheet named `sheet`. */
export function readCsv(bytes: Uint8Array, file: string, sheet: string): Table {
  const { text, encoding } = decode(bytes);
  const delimiter = sniffDelimiter(text);
  const { rows, unterminated } = parseCsv(text, delimiter);
  if (unterminated !== undefined) throw recevableError(Errors.ImportCsvQuote, file, unterminated);
  return {
    sheet,
    rows: rows.map((r) => r.map((f) => (f.trim() === '' ? null : f.trim()))),
    source: `CSV, ${encoding}, delimiter ${NAMES[delimiter] ?? delimiter}`,
  };
}
