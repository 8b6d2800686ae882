/**
 * `recevable check --shard i/n` as separate processes, then `recevable merge`: the results of
 * one unsharded run, byte for byte, on the demo and on a generated session of 200 candidates
 * (similarity findings included); and every refusal of merge, each with its message.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openCorpus } from '../../pipeline/similarity/corpus-index.ts';
import { fingerprint } from '../../pipeline/similarity/fingerprint.ts';
import { tokenize } from '../../pipeline/similarity/normalise.ts';
import { main } from '../../pipeline/cli.ts';
import { Result } from '../../schemas/result.ts';
import { captureIo } from '../support/io.ts';
import { paragraph } from '../fixtures/dossier/prose.ts';
import { clearResults, demoCopy, frozenTool, generatedSession, resultsOf } from './session.ts';

let BIN = '';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `recevable …` as a process of its own. */
function recevable(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `recevable …` in this process (usage errors: no shard is built). */
async function inProcess(...argv: string[]): Promise<Run> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Runs shards `indices` of `count` on `dir` into `<root>/<prefix>-<i>`, one process each. */
async function shards(
  dir: string,
  root: string,
  count: number,
  indices: number[],
  prefix = 'shard',
) {
  const runs = await Promise.all(
    indices.map((i) =>
      recevable(
        'check',
        dir,
        '--no-libreoffice',
        '--shard',
        `${i}/${count}`,
        '--out',
        join(root, `${prefix}-${i}`),
      ),
    ),
  );
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  return indices.map((i) => join(root, `${prefix}-${i}`));
}

const similarityOf = (text: string): string | undefined =>
  Result.parse(parse(text)).checks['similarity']?.status;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'recevable-shard-'));
  BIN = await frozenTool(join(root, 'tool'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the demo session in 3 shards', () => {
  it('merges into the results of one run, byte for byte, and shards write nothing in the session', async () => {
    // The unsharded run comes second, on the same folder: it finds the Documents the shards
    // read in the cache, so each dossier is read once (decisions are not cached by shards).
    const dir = await demoCopy(join(root, 'demo'));
    const folders = await shards(dir, root, 3, [1, 2, 3], 'demo');
    await expect(readFile(join(dir, 'results', 'summary.yaml'))).rejects.toThrow(/ENOENT/);
    const merged = await recevable('merge', dir, ...folders);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toMatch(
      /3 shards merged: \d+ results as the shards decided them, \d+ decided here/,
    );
    const fromShards = await resultsOf(dir);

    await clearResults(dir);
    const whole = await recevable('check', dir, '--no-libreoffice');
    expect(whole.code, whole.stderr).toBe(0);
    const fromOne = await resultsOf(dir);
    expect(Object.keys(fromOne).length).toBeGreaterThan(20);
    expect(fromShards).toEqual(fromOne);
  }, 300_000);
});

describe('a generated session of 200 candidates in 4 shards', () => {
  let dir: string;
  let folders: string[];
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = await generatedSession(200);
    folders = await shards(dir, root, 4, [1, 2, 3, 4]);
  }, 300_000);

  /** `merge` that must refuse: exit 1, the code and message, and results/ untouched. */
  async function refused(shardDirs: string[], code: string, message: RegExp, session = dir) {
    const snapshot = await resultsOf(session).catch(() => ({}));
    const run = await recevable('merge', session, ...shardDirs);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`[${code}]`);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/fix: /);
    expect(await resultsOf(session).catch(() => ({}))).toEqual(snapshot);
  }

  it('merges into the results of one run, byte for byte, similarity findings included', async () => {
    const merged = await recevable('merge', dir, ...folders, '--json');
    expect(merged.code, merged.stderr).toBe(0);
    const stats = (JSON.parse(merged.stdout) as { stats: Record<string, number> }).stats;
    expect(stats).toMatchObject({ shards: 4, written: 201 });
    const fromShards = await resultsOf(dir);

    await clearResults(dir);
    const whole = await recevable('check', dir, '--no-libreoffice');
    expect(whole.code, whole.stderr).toBe(0);
    const fromOne = await resultsOf(dir);
    expect(Object.keys(fromOne)).toHaveLength(201);
    expect(fromShards).toEqual(fromOne);

    // The session exercises every kind of result and similarity decision.
    const summary = parse(fromOne['summary.yaml']!) as { counts: Record<string, number> };
    for (const status of ['not-admissible', 'needs-review', 'error'])
      expect(summary.counts[status], status).toBeGreaterThan(0);
    const similarity = Object.entries(fromOne)
      .filter(([name]) => name !== 'summary.yaml')
      .map(([, text]) => similarityOf(text));
    for (const status of ['pass', 'review', 'fail'])
      expect(similarity.filter((s) => s === status).length, status).toBeGreaterThan(0);
    before = fromOne;
  }, 300_000);

  it('takes a shard as it is when the merge runs again, rewriting nothing', async () => {
    const again = await recevable('merge', dir, ...folders, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ stats: { written: 0 } });
    expect(await resultsOf(dir)).toEqual(before);
  }, 120_000);

  it('refuses a missing shard, naming it', async () => {
    await refused(
      [folders[0]!, folders[1]!, folders[3]!],
      'SHARD_MISSING',
      /Shard 3\/4 missing: got 1\/4, 2\/4, 4\/4\./,
    );
  });

  it('refuses a shard given twice, as the same folder or as a copy', async () => {
    await refused(
      [...folders, folders[1]!],
      'SHARD_DUPLICATE',
      /Shard 2\/4 is given twice \(the same folder\)/,
    );
    const copy = join(root, 'copy-of-2');
    await cp(folders[1]!, copy, { recursive: true });
    await refused(
      [...folders, copy],
      'SHARD_DUPLICATE',
      /Shard 2\/4 is given twice \(folders\): .*shard-2, .*copy-of-2\./,
    );
  });

  it('refuses shards of runs split different ways', async () => {
    const [other] = await shards(dir, root, 3, [2], 'three');
    await refused(
      [folders[0]!, other!, folders[2]!, folders[3]!],
      'SHARD_COUNT_MISMATCH',
      /split different ways: .*2\/3/,
    );
  }, 120_000);

  it('refuses a shard built from other session files, and shards built from other files than the checkout', async () => {
    const edited = join(root, 'edited');
    await cp(dir, edited, { recursive: true });
    const candidates = join(edited, 'candidates.yaml');
    await writeFile(
      candidates,
      (await readFile(candidates, 'utf8')).replace('Candidat C0002', 'Candidate C0002'),
    );
    const [foreign] = await shards(edited, root, 4, [3], 'edited');
    await refused(
      [folders[0]!, folders[1]!, foreign!, folders[3]!],
      'SHARD_INPUTS_DIFFER',
      /shard 3\/4 \(.*edited-3\) was built from other inputs than shard 1\/4 \(.*\): session files/,
    );
    await refused(
      folders,
      'SHARD_INPUTS_DIFFER',
      /the shards \(1\/4…\) was built from other inputs than this checkout \(.*edited\): session files/,
      edited,
    );
  }, 120_000);

  it('refuses a shard built with another corpus index', async () => {
    const other = join(root, 'with-corpus');
    await cp(dir, other, { recursive: true });
    const corpus = openCorpus(join(other, 'corpus'), { create: true });
    const text = Array.from({ length: 40 }, (_, k) => paragraph(9999, k)).join('\n');
    const tokens = tokenize(text);
    corpus.add([
      {
        id: '2022-X',
        name: 'x.txt',
        sha256: 'x',
        words: tokens.count,
        text,
        layout: {},
        hashes: fingerprint(tokens).hashes,
      },
    ]);
    corpus.close();
    const [foreign] = await shards(other, root, 4, [2], 'corpus');
    await refused(
      [folders[0]!, foreign!, folders[2]!, folders[3]!],
      'SHARD_INPUTS_DIFFER',
      /shard 2\/4 .* other inputs than shard 1\/4 .*: corpus index \(none vs [0-9a-f]{12}\)/,
    );
  }, 120_000);

  it('refuses a shard of another version of the tool, or run with other options', async () => {
    const older = join(root, 'older-4');
    await cp(folders[3]!, older, { recursive: true });
    const file = join(older, 'manifest.json');
    const text = await readFile(file, 'utf8');
    const manifest = JSON.parse(text) as {
      inputs: { tool: { version: string }; options: object };
    };
    const version = manifest.inputs.tool.version;
    manifest.inputs.tool.version = '0.0.9';
    await writeFile(file, JSON.stringify(manifest));
    await refused(
      [...folders.slice(0, 3), older],
      'SHARD_INPUTS_DIFFER',
      /tool version \(\d+\.\d+\.\d+ vs 0\.0\.9\)/,
    );
    manifest.inputs.tool.version = version;
    manifest.inputs.options = { libreoffice: true };
    await writeFile(file, JSON.stringify(manifest));
    await refused(
      [...folders.slice(0, 3), older],
      'SHARD_INPUTS_DIFFER',
      /options \(\{"libreoffice":false\} vs \{"libreoffice":true\}\)/,
    );
  });

  it('refuses an unfinished, truncated or edited shard, naming the file', async () => {
    const unfinished = join(root, 'unfinished');
    await cp(folders[0]!, unfinished, { recursive: true });
    await rm(join(unfinished, 'manifest.json'));
    await refused(
      [unfinished, ...folders.slice(1)],
      'SHARD_NOT_A_SHARD',
      /unfinished is not a finished shard: it has no manifest\.json/,
    );

    const truncated = join(root, 'truncated');
    await cp(folders[0]!, truncated, { recursive: true });
    await truncate(join(truncated, 'readings.jsonl.gz'), 1000);
    await refused(
      [truncated, ...folders.slice(1)],
      'SHARD_FILE_DAMAGED',
      /truncated\/readings\.jsonl\.gz cannot be merged: its content is not what manifest\.json recorded/,
    );

    const damaged = join(root, 'damaged');
    await cp(folders[0]!, damaged, { recursive: true });
    await writeFile(join(damaged, 'manifest.json'), '{"format": 1, "session": ');
    await refused(
      [damaged, ...folders.slice(1)],
      'SHARD_FILE_DAMAGED',
      /damaged\/manifest\.json cannot be merged: /,
    );
  });

  it('refuses usage mistakes with exit 2', async () => {
    for (const [args, message] of [
      [['--shard', '5/4'], /--shard 5\/4: i must be between 1 and 4\./],
      [['--shard', '0/4'], /--shard 0\/4: i must be between 1 and 4\./],
      [['--shard', 'half'], /--shard half: expected i\/n, e.g. 2\/4\./],
      [['--shard', '1/4', '--only', 'C0001'], /--only and --shard exclude each other/],
      [['--shard', '1/4', '--strict'], /--strict gates the whole session/],
      [['--out', join(root, 'x')], /--out goes with --shard i\/n/],
      [
        ['--shard', '1/4', '--out', join(dir, 'results')],
        /would overwrite the session's own files/,
      ],
    ] as const) {
      const run = await inProcess('check', dir, ...args);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const bare = await inProcess('merge', dir);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/merge: expected the session folder, then the shard folders/);
  });
});
