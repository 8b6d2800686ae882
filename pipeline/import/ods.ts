/**
 * ODS through LibreOffice: `soffice --headless --convert-to xlsx` in a temporary folder with its
 * own profile (concurrent runs otherwise block each other), then read as XLSX. Without
 * LibreOffice, a clear error says how to install it or what to save the sheet as instead.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Errors, recevableError } from '../errors.ts';
import { readXlsx } from './xlsx.ts';
import type { Table } from './table.ts';

/** The soffice binary on PATH, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Runs soffice; the reason it failed, or undefined. Kills the process group after the timeout. */
function run(command: string, args: string[], timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
    });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      resolve(`LibreOffice did not finish within ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? undefined : `LibreOffice exited with code ${code}`);
    });
  });
}

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
    const failed = await run(
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
