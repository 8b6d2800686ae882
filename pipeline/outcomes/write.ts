/** A folder of `recevable outcomes` documents kept to exactly the current ones. */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeIfChanged } from '../files/atomic.ts';

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
  for (const name of names) await writeIfChanged(join(dir, name), files.get(name) ?? '');
  for (const entry of await readdir(dir)) {
    if (entry.endsWith('.html') && !files.has(entry)) await rm(join(dir, entry), { force: true });
  }
  return names;
}
