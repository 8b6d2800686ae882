/**
 * Renders a DOCX/ODT to PDF with LibreOffice (when installed) to count its pages exactly.
 * Each run has its own profile directory (concurrent runs otherwise block each other) and a
 * timeout after which the whole process group is killed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice binary on PATH, or undefined when LibreOffice is not installed. */
function findSoffice(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

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
    const outcome = await run(soffice, args, timeoutMs);
    if (outcome) return { failed: outcome };
    const files = await readdir(join(dir, 'out')).catch(() => []);
    const pdf = files.find((name) => name.endsWith('.pdf'));
    if (!pdf) return { failed: 'LibreOffice produced no PDF' };
    return new Uint8Array(await readFile(join(dir, 'out', pdf)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

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
