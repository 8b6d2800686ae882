/** Atomic writes of the documents of `recevable outcomes`, and removal of stale ones. */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes `content` to `path` through a temporary file and a rename, so a reader never sees a
 * half-written file. Leaves an identical file untouched; returns true when it wrote.
 */
export async function writeAtomic(path: string, content: string): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === content) return false;
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return true;
}

/**
 * Makes `dir` hold exactly `files` among its `.html` files: writes each one atomically and
 * deletes the others (an attestation whose outcome changed must not linger). Other files
 * are left alone. Returns the names written or kept, sorted.
 */
export async function syncHtmlFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names = [...files.keys()].sort();
  for (const name of names) await writeAtomic(join(dir, name), files.get(name) ?? '');
  for (const entry of await readdir(dir)) {
    if (entry.endsWith('.html') && !files.has(entry)) await rm(join(dir, entry), { force: true });
  }
  return names;
}
