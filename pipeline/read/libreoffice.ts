/**
 * Renders a DOCX/ODT to PDF with LibreOffice (when installed) to count its pages exactly.
 * Each run has its own profile directory (concurrent runs otherwise block each other) and a
 * timeout after which the whole process group is killed.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice, runSoffice } from '../files/soffice.ts';

/** The rendered PDF's bytes, or a reason why there is none. */
export async function renderPdf(
  bytes: Uint8Array,
  extension: 'docx' | 'odt',
  timeoutMs = 45_000,
): Promise<Uint8Array | { failed: string }> {
  const soffice = findSoffice();
  if (!soffice) return { failed: 'LibreOffice is not installed' };
  const dir = await mkdtemp(join(tmpdir(), 'recevable-lo-'));
  try {
    const input = join(dir, `dossier.${extension}`);
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      join(dir, 'out'),
      input,
    ];
    const outcome = await runSoffice(soffice, args, timeoutMs);
    if (outcome) return { failed: outcome };
    const files = await readdir(join(dir, 'out')).catch(() => []);
    const pdf = files.find((name) => name.endsWith('.pdf'));
    if (!pdf) return { failed: 'LibreOffice produced no PDF' };
    return new Uint8Array(await readFile(join(dir, 'out', pdf)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
