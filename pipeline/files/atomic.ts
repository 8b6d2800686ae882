/**
 * Writing the pipeline's outputs: through a temporary file and a rename, so a reader never
 * sees half a file, and not at all when the file already holds exactly those bytes (re-runs
 * on the same inputs touch nothing).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// `.<name>.<pid of the writer>-<uuid>.tmp`
const TEMPORARY = /^\..+\.(\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

/** True while process `pid` runs (EPERM: it runs as another user). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Writes `content` to `path` unless it already holds exactly those bytes; true when written. */
export async function writeIfChanged(path: string, content: string | Uint8Array): Promise<boolean> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const previous = await readFile(path).catch(() => undefined);
  if (previous?.equals(bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  // Unique per call: two writes of one process may race for the same path.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return true;
}

/** Removes the temporary files that writers no longer running (killed) left in `dir`. */
export async function removeTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const left = names.filter((name) => {
    const pid = TEMPORARY.exec(name)?.[1];
    return pid !== undefined && !processAlive(Number(pid));
  });
  await Promise.all(left.map((name) => rm(join(dir, name), { force: true })));
}
