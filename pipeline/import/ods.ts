/**
 * ODS through LibreOffice: `soffice --headless --convert-to xlsx` in a temporary folder with its
 * own profile (concurrent runs otherwise block each other), then read as XLSX. Without
 * LibreOffice, a clear error says how to install it or what to save the sheet as instead.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice, runSoffice } from '../files/soffice.ts';
import { Errors, recevableError } from '../errors.ts';
import { readXlsx } from './xlsx.ts';
import type { Table } from './table.ts';

/** Every sheet of an ODS file, converted to XLSX by LibreOffice. */
export async function readOds(
  bytes: Uint8Array,
  file: string,
  timeoutMs = 60_000,
): Promise<{ tables: Table[]; date1904: boolean }> {
  const soffice = findSoffice();
  if (!soffice) throw recevableError(Errors.ImportNeedsLibreOffice, file);
  const dir = await mkdtemp(join(tmpdir(), 'recevable-import-'));
  try {
    const input = join(dir, 'sheet.ods');
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore'];
    const failed = await runSoffice(
      soffice,
      [...args, '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), input],
      timeoutMs,
    );
    const converted = await readFile(join(dir, 'out', 'sheet.xlsx')).catch(() => undefined);
    if (failed || !converted)
      throw recevableError(Errors.ImportUnreadable, file, failed ?? 'LibreOffice wrote no XLSX');
    return await readXlsx(new Uint8Array(converted), file, 'ODS, converted by LibreOffice');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
