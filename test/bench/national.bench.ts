/**
 * `npm run bench:national`: the sizes of a national session.
 * (a) A generated session of 1,000 candidates (real PDF and DOCX dossiers of 3 to 5 pages,
 *     copies between candidates: `test/shard/session.ts`) decided in one run, then in 4 shards
 *     (one process each, one after the other, each reading its own dossiers) and merged: same
 *     results byte for byte (exits 1 otherwise); wall time of each shard and of the merge.
 * (b) One 20,000-word dossier against a corpus index of 50,000 dossiers (target ≤ 1 s and
 *     ≤ 1 GB peak RSS, in a child process of its own) and the index size on disk. 50 dossiers are
 *     real generated texts (5 of them copied into the query); the other 49,950 have synthetic
 *     fingerprints: as many as an 8,000-word text gives (BENCH_CORPUS_WORDS), seeded random
 *     hashes plus the fingerprints of the school's template (30 % of them) and of common phrases
 *     (Zipf-like), and a real 8,000-word text stored deflated, so postings, document
 *     frequencies and texts weigh what real ones would. Built once, kept in the temp folder.
 * (c) The order of passage of 1,000 candidates over 5 days and 8 rooms (more candidates than
 *     the 320 defences those rooms hold at the demo's format): time to a proven optimum of each
 *     solver stage, or the gap to the capacity bound when the time limit stops it.
 * The site for 1,000 candidates is `npm run bench:site`. Each part prints the load average.
 * `--smoke`: 40 candidates in 2 shards, a corpus of 550, 60 candidates over 2 days.
 * BENCH_PARTS: the parts to run, e.g. `BENCH_PARTS=b` (default abc).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { planSchedule } from '../../pipeline/schedule/plan.ts';
import { openCorpus, type NewCorpusDoc } from '../../pipeline/similarity/corpus-index.ts';
import { fingerprint } from '../../pipeline/similarity/fingerprint.ts';
import { tokenize } from '../../pipeline/similarity/normalise.ts';
import { analyseSession } from '../../pipeline/similarity/session.ts';
import { generateSession } from '../schedule/generate.ts';
import { frozenTool, generatedSession, resultsOf } from '../shard/session.ts';
import { prose, random } from '../similarity/prose.ts';

const smoke = process.argv.includes('--smoke');
const WORK = join(tmpdir(), 'recevable-bench-national');
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const load = (): string => `load average ${loadavg()[0]!.toFixed(1)} on 2 cores`;

/** The tool the processes of (a) run: a copy, so that edits to the tree during the run do not count. */
let BIN = '';

/** Runs `recevable …` as a process; resolves with its wall time. */
function timed(...args: string[]): Promise<number> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - began)
        : reject(new Error(`recevable ${args.join(' ')} exited ${code}:\n${stderr}`)),
    );
  });
}

/** (a) one run against n shards and a merge, on a generated session. */
async function sharded(): Promise<void> {
  const [count, n] = smoke ? [40, 2] : [1000, 4];
  say(`(a) a generated session of ${count} candidates: one run, then ${n} shards and a merge`);
  const work = join(WORK, `session-${count}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  BIN = await frozenTool(join(work, 'tool'));
  // Both runs on the same folder, each reading every dossier itself: a damaged PDF's message
  // names its absolute path.
  const dir = await generatedSession(count);
  say(`    ${load()}`);
  const whole = await timed('check', dir, '--no-libreoffice');
  const expected = await resultsOf(dir);
  say(`    one run: ${seconds(whole)}`);
  await rm(join(dir, 'results'), { recursive: true, force: true });
  await rm(join(dir, '.cache'), { recursive: true, force: true });
  const shards: number[] = [];
  for (let i = 1; i <= n; i++)
    shards.push(
      await timed(
        'check',
        dir,
        '--no-libreoffice',
        '--shard',
        `${i}/${n}`,
        '--out',
        join(work, `shard-${i}`),
      ),
    );
  const folders = shards.map((_, i) => join(work, `shard-${i + 1}`));
  const merge = await timed('merge', dir, ...folders);
  const got = await resultsOf(dir);
  await rm(dir, { recursive: true, force: true });
  const same =
    Object.keys(expected).length === Object.keys(got).length &&
    Object.entries(expected).every(([name, text]) => got[name] === text);
  if (!same) process.exitCode = 1;
  const readings = folders.map((f) => statSync(join(f, 'readings.jsonl.gz')).size / 1048576);
  const slowest = Math.max(...shards);
  say(
    `    shards: ${shards.map(seconds).join(', ')} (one after the other); merge: ${seconds(merge)}`,
  );
  say(
    `    readings exported: ${readings.map((mb) => `${mb.toFixed(1)} MB`).join(', ')}; results ${same ? 'byte-identical' : 'DIFFERENT'} (${Object.keys(got).length} files)`,
  );
  say(
    `    ratio: slowest shard + merge against one run ${((slowest + merge) / whole).toFixed(2)} (CI runs the shards at once); ${load()}`,
  );
}

const TEMPLATE = prose(424242, 600);
const COMMON = prose(515151, 3000);

/** The fingerprint hashes of a text. */
const hashesOf = (text: string): Uint32Array => fingerprint(tokenize(text)).hashes;

/** A real document of the corpus: the template and its own prose. */
function realDoc(i: number, words: number): NewCorpusDoc {
  const text = `${TEMPLATE}\n${prose(i + 1, words)}`;
  const tokens = tokenize(text);
  const id = `2022-D${String(i).padStart(5, '0')}`;
  return {
    id,
    name: `${id}.pdf`,
    sha256: id,
    words: tokens.count,
    text,
    layout: {},
    hashes: fingerprint(tokens).hashes,
  };
}

/** The 5 corpus dossiers the query copies from, and the others that are real texts. */
function realOnes(count: number): { sources: number[]; real: Set<number> } {
  const sources = [17, Math.floor(count / 4), Math.floor(count / 2), count - 2, count - 1];
  const real = new Set(sources);
  for (let i = 0; real.size < 50; i++) real.add(Math.floor((i * count) / 45) % count);
  return { sources, real };
}

/** The generated corpus of (b), built once per size and kept in the temp folder. */
function nationalCorpus(count: number, words: number): string {
  const dir = join(WORK, `corpus-${count}x${words}`);
  if (existsSync(join(dir, 'complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const { real } = realOnes(count);
  const perDoc = hashesOf(prose(1, words)).length;
  const template = hashesOf(TEMPLATE);
  const common = hashesOf(COMMON);
  const fillers = Array.from({ length: 20 }, (_, j) => prose(600_000 + j, words));
  const rnd = random(20_250);
  const index = openCorpus(dir, { create: true });
  for (let from = 0; from < count; from += 2000) {
    const batch: NewCorpusDoc[] = [];
    for (let i = from; i < Math.min(count, from + 2000); i++) {
      if (real.has(i)) {
        batch.push(realDoc(i, words));
        continue;
      }
      const hashes = new Uint32Array(perDoc);
      let at = 0;
      if (rnd() < 0.3) for (const h of template) hashes[at++] = h;
      // Common phrases: the k-th is held by about 1/(k+1) of the documents (Zipf).
      for (let k = 0; k < common.length && at < perDoc; k++)
        if (rnd() * (k + 1) < 1) hashes[at++] = common[k]!;
      while (at < perDoc) hashes[at++] = Math.floor(rnd() * 2 ** 32);
      const id = `2022-D${String(i).padStart(5, '0')}`;
      batch.push({
        id,
        name: `${id}.pdf`,
        sha256: id,
        words,
        text: fillers[i % fillers.length]!,
        layout: {},
        hashes,
      });
    }
    index.add(batch);
  }
  const stats = index.stats();
  index.close();
  writeFileSync(join(dir, 'complete'), '');
  say(
    `    corpus built: ${stats.documents} dossiers (50 real texts), ${stats.postings} postings, ${stats.distinctFingerprints} distinct fingerprints, ${seconds(performance.now() - started)} (not timed below)`,
  );
  return dir;
}

/** The 20,000-word dossier of (b): template, common phrases, own prose, 5 copied passages. */
function queryDossier(count: number, words: number): string {
  const parts = [TEMPLATE, COMMON.split(' ').slice(0, 1200).join(' '), prose(777_001, 7000)];
  for (const i of realOnes(count).sources) {
    const source = prose(i + 1, words).split(' ');
    parts.push(source.slice(1000, 1400).join(' '), prose(777_100 + i, 1800));
  }
  return parts.join('\n');
}

/** Child of (b): one dossier against the corpus; prints time and peak RSS as JSON. */
function queryChild(dir: string, count: number, words: number): void {
  const text = queryDossier(count, words);
  const started = performance.now();
  const corpus = openCorpus(dir);
  const { analyses } = analyseSession([{ id: 'Q', candidate: 'Q', text, layout: {} }], { corpus });
  corpus.close();
  const ms = performance.now() - started;
  const a = analyses.get('Q');
  process.stdout.write(
    JSON.stringify({
      ms,
      rssMb: process.resourceUsage().maxRSS / 1024,
      words: tokenize(text).count,
      share: a?.share,
      sources: a?.sources.map((s) => s.id),
    }),
  );
}

function oneAgainstCorpus(): void {
  const count = smoke ? 550 : 50_000;
  const words = smoke ? 2000 : Number(process.env['BENCH_CORPUS_WORDS'] ?? 8000);
  say(`(b) one dossier against a corpus index of ${count} dossiers (${words} words each)`);
  const dir = nationalCorpus(count, words);
  const bytes = statSync(join(dir, 'index.sqlite')).size;
  say(
    `    index on disk: ${(bytes / 1048576).toFixed(0)} MB (${(bytes / count / 1024).toFixed(1)} KB per dossier); ${load()}`,
  );
  for (const round of ['first', 'second']) {
    const child = spawnSync(
      process.execPath,
      [import.meta.filename, '--query', dir, String(count), String(words)],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) throw new Error(`query child failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout) as {
      ms: number;
      rssMb: number;
      words: number;
      share: number;
      sources: string[];
    };
    const found = realOnes(count).sources.every((i) =>
      r.sources.includes(`2022-D${String(i).padStart(5, '0')}`),
    );
    if (!found) process.exitCode = 1;
    say(
      `    ${round} query, ${r.words} words: ${seconds(r.ms)} (target ≤ 1 s, ratio ${(r.ms / 1000).toFixed(2)}), peak RSS ${r.rssMb.toFixed(0)} MB (target ≤ 1 GB, ratio ${(r.rssMb / 1024).toFixed(2)}); share ${(r.share * 100).toFixed(1)} %, ${found ? 'the 5 copied sources found' : 'COPIED SOURCES MISSED'} among ${r.sources.length}`,
    );
  }
}

/** (c) the order of passage of a large session. */
async function schedule(): Promise<void> {
  const sizes = smoke
    ? [{ candidates: 60, days: 2, rooms: 2, members: 8 }]
    : [{ candidates: 1000, days: 5, rooms: 8, members: 40 }];
  for (const size of sizes) {
    say(
      `(c) ${size.candidates} candidates over ${size.days} days and ${size.rooms} rooms, ${size.members} jurors; ${load()}`,
    );
    const dir = await generateSession(size);
    const began = performance.now();
    const plan = await planSchedule(dir, { all: true, timeLimit: 120 });
    const total = performance.now() - began;
    await rm(dir, { recursive: true, force: true });
    if (plan.violations.length > 0) process.exitCode = 1;
    // 08:30–18:00 less the lunch break, 45 min defence + 15 min deliberation: 8 a room a day.
    const capacity = Math.min(size.candidates, size.days * size.rooms * 8);
    const { maximise, optimise } = plan.solver;
    const planned = plan.schedule.slots.length;
    const stage = (s: typeof maximise): string =>
      `${s.status} in ${s.seconds.toFixed(1)} s (objective ${s.objective})`;
    const count =
      maximise.status === 'optimal'
        ? `proven optimum: ${planned} planned`
        : `${planned} planned when the time limit stopped it, gap ${(((capacity - planned) / capacity) * 100).toFixed(1)} % to the capacity bound`;
    say(
      `    ${count}, ${plan.schedule.unscheduled.length} unscheduled (capacity ${capacity}); stage 1 (count) ${stage(maximise)}; stage 2 (moves, days) ${stage(optimise)}; ${plan.violations.length === 0 ? 'no violation' : `${plan.violations.length} VIOLATIONS`}`,
    );
    say(
      `    ratio: total ${seconds(total)} against the 120 s limit of a stage ${(total / 120_000).toFixed(2)}`,
    );
  }
}

if (process.argv[2] === '--query') {
  queryChild(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]));
} else {
  // BENCH_PARTS=ac runs only (a) and (c).
  const parts = process.env['BENCH_PARTS'] ?? 'abc';
  if (parts.includes('a')) await sharded();
  if (parts.includes('b')) oneAgainstCorpus();
  if (parts.includes('c')) await schedule();
}
