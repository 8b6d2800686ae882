/**
 * LibreOffice as a command: where `soffice` is, and one headless run of it with a timeout
 * after which its whole process group is killed. Callers give each run its own profile
 * directory (`-env:UserInstallation=…`): concurrent runs otherwise block each other.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

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
export function runSoffice(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<string | undefined> {
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
