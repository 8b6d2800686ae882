/**
 * What the similarity check reads besides the session's dossiers, as a key: its own code, the
 * template files (by content) and the corpus index. The index is keyed by its size and
 * modification time, not its content, which may be hundreds of megabytes.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from '../results/cache.ts';
import { keyOf, sourceFingerprint } from '../results/keys.ts';
import type { LoadedSession } from '../session/load.ts';
import { corpusDirOf } from './check.ts';
import { INDEX_FILE } from './corpus-index.ts';

const version = sourceFingerprint(new URL('./check.ts', import.meta.url));

/** Key of the similarity check's inputs other than the dossiers. */
export async function similarityInputs(loaded: LoadedSession): Promise<string> {
  const rule = loaded.session.rules.similarity;
  if (!rule) return keyOf(version);
  const dir = join(loaded.dir, 'templates');
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const templates = await Promise.all(
    names
      .filter((name) => !name.startsWith('.'))
      .map(async (name) => [name, await sha256File(join(dir, name)).catch(() => null)]),
  );
  const index = await stat(join(corpusDirOf(loaded, rule), INDEX_FILE), { bigint: true }).catch(
    () => undefined,
  );
  const corpus = index ? [String(index.size), String(index.mtimeNs)] : null;
  return keyOf(version, templates, corpus);
}
