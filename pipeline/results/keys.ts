/**
 * Keys of what a decision was taken from: a SHA-256 of values, and a fingerprint of the source
 * code that decides, so a change nobody announced still invalidates the decisions taken before.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** SHA-256 (hex) of the JSON of `parts`. */
export function keyOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

const ROOT = new URL('../../', import.meta.url).href;
const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+\.ts)'/g;

/**
 * Hash of the module at `entry` and of every module it imports by a relative path, transitively
 * (the code a decision runs through), with the versions of the `packages` it depends on.
 */
export function sourceFingerprint(entry: URL, packages: readonly string[] = []): string {
  const hash = createHash('sha256');
  const require = createRequire(entry);
  for (const name of [...packages].sort()) {
    hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\n`);
  }
  const sources = new Map<string, string>();
  const pending = [entry.href];
  while (pending.length > 0) {
    const href = pending.pop()!;
    if (sources.has(href)) continue;
    const source = readFileSync(fileURLToPath(href), 'utf8');
    sources.set(href, source);
    for (const [, path] of source.matchAll(RELATIVE_IMPORT))
      pending.push(new URL(path!, href).href);
  }
  for (const href of [...sources.keys()].sort()) {
    hash.update(`${href.slice(ROOT.length)}\n`).update(sources.get(href)!);
  }
  return hash.digest('hex').slice(0, 16);
}
