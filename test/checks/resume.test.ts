/**
 * `recevable check` killed with SIGKILL half way — the CLI and its reader processes, the whole
 * process group — keeps the results it had written, and a re-run resumes where it stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Result } from '../../schemas/result.ts';
import { miniSession, planSections, type MiniSubmission } from './mini-session.ts';

const BIN = fileURLToPath(new URL('../../pipeline/bin.js', import.meta.url));
const ARGS = ['--no-libreoffice', '--json'];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
type Stats = { read: number; cached: number; kept: number; written: number };

const running = new Set<number>();
afterEach(() => {
  // A failed test must not leave a run behind.
  for (const group of running) process.kill(-group, 'SIGKILL');
  running.clear();
});

/** Starts `recevable check <dir>` as the leader of its own process group. */
function start(dir: string): { child: ChildProcess; exited: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, 'check', dir, ...ARGS], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Run>((resolve) =>
    child.on('close', (code) => {
      running.delete(child.pid!);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, exited };
}

async function check(dir: string): Promise<{ stats: Stats; run: Run }> {
  const run = await start(dir).exited;
  expect(run.code, run.stderr).toBe(0);
  return { stats: (JSON.parse(run.stdout) as { stats: Stats }).stats, run };
}

/** The results and summary a run printed, as JSON text (key order included). */
const decided = (run: Run): string => {
  const { results, summary } = JSON.parse(run.stdout) as Record<string, unknown>;
  return JSON.stringify({ results, summary });
};

/** Processes of process group `group`, from /proc. */
async function members(group: number): Promise<number[]> {
  const out: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === group && fields[0] !== 'Z') out.push(Number(name));
  }
  return out;
}

const files = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch(() => [] as string[])).sort();

/** Every file of results/, by name. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = await files(join(dir, 'results'));
  return Object.fromEntries(
    await Promise.all(
      names.map(async (n) => [n, await readFile(join(dir, 'results', n), 'utf8')] as const),
    ),
  );
}

/**
 * Starts a run, kills its process group with SIGKILL once `ready` holds, and returns what it
 * left: the results files and how many dossiers and decisions it had recorded.
 */
async function interrupt(dir: string, ready: () => Promise<boolean>) {
  const { child, exited } = start(dir);
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished && !(await ready())) await new Promise((r) => setTimeout(r, 5));
  expect(finished, 'the run ended before it could be interrupted').toBe(false);
  const group = child.pid!;
  const before = await members(group);
  process.kill(-group, 'SIGKILL');
  const run = await exited;
  for (let i = 0; i < 100 && (await members(group)).length > 0; i++)
    await new Promise((r) => setTimeout(r, 50));
  const cache = join(dir, '.cache');
  return {
    run,
    processes: before.length,
    survivors: await members(group),
    results: await snapshot(dir),
    documents: (await files(join(cache, 'documents'))).filter((n) => n.endsWith('.json')).length,
    decisions: (await files(join(cache, 'decisions'))).filter((n) => n.endsWith('.json')).length,
  };
}

/** Asserts every result left is a whole, valid result file of the candidate it is named after. */
function expectWhole(results: Record<string, string>): void {
  for (const [name, text] of Object.entries(results)) {
    expect(name, 'no temporary or summary file').toMatch(/^C\d{3}\.yaml$/);
    expect(Result.parse(parse(text)).candidate).toBe(name.replace('.yaml', ''));
  }
}

const codes = Array.from({ length: 16 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);
const dossiers = (missing: readonly string[] = []): MiniSubmission[] =>
  codes.map((candidate, i) => ({
    candidate,
    file: `submissions/${candidate}.pdf`,
    ...(missing.includes(candidate)
      ? {}
      : { spec: { pages: 4 + (i % 4), seed: i + 1, sections: planSections } }),
  }));

/** Two copies of one generated session: one for the uninterrupted run, one to interrupt. */
async function twoSessions(rules: Record<string, unknown>, missing?: readonly string[]) {
  const dir = await miniSession(codes, dossiers(missing), { pages: { min: 3, max: 8 }, ...rules });
  const reference = `${dir}-reference`;
  await cp(dir, reference, { recursive: true });
  return { dir, reference };
}

describe('recevable check killed with SIGKILL', () => {
  it('keeps each result written as soon as its dossier was read, then reads and decides only the rest', async () => {
    const { dir, reference } = await twoSessions({ similarity: undefined });
    await check(reference);

    const left = await interrupt(dir, async () => (await files(join(dir, 'results'))).length >= 4);
    expect(left.run.code).toBeNull();
    expect(left.processes, 'reader processes were running').toBeGreaterThan(1);
    expect(left.survivors).toEqual([]);
    expect(Object.keys(left.results).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(left.results).length).toBeLessThan(codes.length);
    expectWhole(left.results);

    const { stats } = await check(dir);
    expect(stats.read).toBe(codes.length - left.documents);
    expect(stats.kept).toBe(left.decisions);
    expect(stats.kept).toBeGreaterThanOrEqual(1);
    expect(stats.cached).toBe(left.documents - left.decisions);
    expect(await snapshot(dir)).toEqual(await snapshot(reference));
  }, 120_000);

  it('with similarity, resumes reading where it stopped and ends with the same bytes', async () => {
    const missing = ['C002', 'C005'];
    const { dir, reference } = await twoSessions({}, missing);
    await check(reference);

    const cached = async () =>
      (await files(join(dir, '.cache', 'documents'))).filter((n) => n.endsWith('.json')).length;
    const left = await interrupt(dir, async () => (await cached()) >= 5);
    expect(left.survivors).toEqual([]);
    // Only the results no other dossier takes part in are final before every dossier is read.
    expect(Object.keys(left.results)).toEqual(missing.map((code) => `${code}.yaml`));
    expectWhole(left.results);

    const resumed = await check(dir);
    expect(resumed.stats.read).toBe(codes.length - missing.length - left.documents);
    expect(resumed.stats.cached).toBe(left.documents);
    expect(resumed.stats.kept).toBe(missing.length);
    expect(await snapshot(dir)).toEqual(await snapshot(reference));

    const again = await check(dir);
    expect(again.stats).toEqual({ read: 0, cached: 0, kept: codes.length, written: 0 });
    expect(decided(again.run)).toBe(decided(resumed.run));
  }, 120_000);
});
