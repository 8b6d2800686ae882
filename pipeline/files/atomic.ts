/**
 * Writing the pipeline's outputs: through a temporary file and a rename, so a reader never
 * sees half a file, and not at all when the file already holds exactly those bytes (re-runs
 * on the same inputs touch nothing).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `content` to `path` unless it already holds exactly those bytes; true when written. */
export async function writeIfChanged(path: string, content: string | Uint8Array): Promise<boolean> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const previous = await readFile(path).catch(() => undefined);
  if (previous?.equals(bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  // Unique per call: two writes of one process may race for the same path.
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return true;
}
