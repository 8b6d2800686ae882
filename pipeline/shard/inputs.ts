/**
 * What a shard's decisions are made from, as `ShardInputs`: the tool and a fingerprint of its
 * code, the session's input files and templates by content, the corpus index by content (not
 * by size and time as on one machine: every CI runner checks the files out at its own time),
 * and the run's options. Shards merge only when all of these are equal.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShardInputs } from '../../schemas/shard.ts';
import { readerVersion } from '../read/index.ts';
import { sha256File } from '../results/cache.ts';
import { keyOf, sourceFingerprint } from '../results/keys.ts';
import { tool } from '../results/write.ts';
import { sessionFiles } from '../session/files.ts';
import type { LoadedSession } from '../session/load.ts';
import { corpusDirOf } from '../similarity/check.ts';
import { INDEX_FILE } from '../similarity/corpus-index.ts';

/** The code a shard runs through: the check orchestrator, the readers, the rules, the merge. */
const build = keyOf(
  readerVersion,
  ...['./run.ts', './merge.ts'].map((entry) =>
    sourceFingerprint(new URL(entry, import.meta.url), ['dice-coefficient', 'yaml', 'zod']),
  ),
).slice(0, 16);

/** Options that change how fast a run goes, not what it decides. */
const UNRECORDED = new Set(['concurrency', 'write']);

/** Session-relative paths of the files the decisions read besides the dossiers. */
async function inputFiles(dir: string): Promise<string[]> {
  const yaml = sessionFiles
    .filter((e) => e.role === 'input' && !e.file.includes('*'))
    .map((e) => e.file)
    .filter((file) => existsSync(join(dir, file)));
  const templates = (await readdir(join(dir, 'templates')).catch(() => [] as string[]))
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => `templates/${name}`);
  return [...yaml, ...templates];
}

/** Options as recorded: plain values only (no `only` list, no hooks), keys sorted. */
export function recordedOptions(options: object): ShardInputs['options'] {
  const out: ShardInputs['options'] = {};
  for (const [key, value] of Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)))
    if (UNRECORDED.has(key)) continue;
    else if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number')
      out[key] = value;
  return out;
}

/** The inputs of a run of `loaded` with these options. */
export async function shardInputs(loaded: LoadedSession, options: object): Promise<ShardInputs> {
  const hash = createHash('sha256');
  for (const file of await inputFiles(loaded.dir)) {
    const content = await sha256File(join(loaded.dir, file)).catch(() => 'unreadable');
    hash.update(`${file}\0${content}\n`);
  }
  const rule = loaded.session.rules.similarity;
  const index = rule ? join(corpusDirOf(loaded, rule), INDEX_FILE) : undefined;
  const corpus = index && existsSync(index) ? await sha256File(index) : null;
  return {
    tool: { name: tool.name, version: tool.version },
    build,
    session: hash.digest('hex'),
    corpus,
    options: recordedOptions(options),
  };
}

/** The names of the inputs that differ between two runs, as people read them. */
export function inputDifferences(a: ShardInputs, b: ShardInputs): string[] {
  const out: string[] = [];
  if (a.tool.name !== b.tool.name || a.tool.version !== b.tool.version)
    out.push(`tool version (${a.tool.version} vs ${b.tool.version})`);
  else if (a.build !== b.build) out.push(`tool build (${a.build} vs ${b.build})`);
  if (a.session !== b.session)
    out.push(
      'session files (session.yaml, candidates.yaml, juries.yaml, submissions.yaml or templates/)',
    );
  if (a.corpus !== b.corpus)
    out.push(
      `corpus index (${a.corpus?.slice(0, 12) ?? 'none'} vs ${b.corpus?.slice(0, 12) ?? 'none'})`,
    );
  if (JSON.stringify(a.options) !== JSON.stringify(b.options))
    out.push(`options (${JSON.stringify(a.options)} vs ${JSON.stringify(b.options)})`);
  return out;
}
