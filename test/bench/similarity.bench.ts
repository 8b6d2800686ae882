/**
 * `npm run bench:similarity`: (a) PAN 2013 screening, every suspicious document against every
 * source, next to Debian's `sim_text` on the same files in the same run: the sources indexed in
 * memory as sim_text does (the ratio), then through the on-disk corpus index, build included;
 * (b) one 20,000-word dossier against a generated corpus of 5,000 dossiers (time, peak RSS,
 * in a child process of its own); (c) a 100-dossier session, all pairs; (d) the reader's
 * hidden-text pass (operator lists) on the shared real reports, against pdf.js's text floor.
 * Environment: BENCH_CORPUS_WORDS (words per generated corpus dossier, default 8000).
 * `--smoke`: a generated stand-in for PAN, a corpus of 60 dossiers, a session of 10.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readPdf } from '../../pipeline/read/pdf.ts';
import { openPdf } from '../../pipeline/read/pdf-load.ts';
import { align } from '../../pipeline/similarity/align.ts';
import { openCorpus, type NewCorpusDoc } from '../../pipeline/similarity/corpus-index.ts';
import { fingerprintIndex } from '../../pipeline/similarity/fingerprint-index.ts';
import { fingerprint } from '../../pipeline/similarity/fingerprint.ts';
import { tokenize } from '../../pipeline/similarity/normalise.ts';
import { prepare, type Prepared } from '../../pipeline/similarity/prepare.ts';
import { analyseSession } from '../../pipeline/similarity/session.ts';
import { makePdf } from '../fixtures/dossier/generate.ts';
import { prose } from '../similarity/prose.ts';

const smoke = process.argv.includes('--smoke');
const WORK = join(tmpdir(), 'recevable-bench-similarity');
const PAN = smoke ? join(WORK, 'mini-pan') : resolve(import.meta.dirname, '../../../shared/pan');
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function corpusDoc(id: string, text: string): NewCorpusDoc {
  const tokens = tokenize(text);
  return {
    id,
    name: `${id}.txt`,
    sha256: id,
    words: tokens.count,
    text,
    layout: {},
    hashes: fingerprint(tokens).hashes,
  };
}

/** (a) PAN screening with the index vs sim_text on the same files. */
function panScreening(work: string): void {
  const susp = readdirSync(join(PAN, 'susp'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const src = readdirSync(join(PAN, 'src'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const truth = new Set(
    readFileSync(join(PAN, 'pairs'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.trim().replace(/\s+/, ' ')),
  );

  const list =
    [...susp.map((f) => join(PAN, 'susp', f)), '/', ...src.map((f) => join(PAN, 'src', f))].join(
      '\n',
    ) + '\n';
  const simStart = performance.now();
  const simOut = execFileSync('sim_text', ['-p', '-t', '1', '-S', '-T', '-i'], {
    input: list,
    maxBuffer: 1 << 28,
  }).toString();
  const simMs = performance.now() - simStart;
  const simPairs = new Set<string>();
  for (const m of simOut.matchAll(
    /(suspicious-document\d+\.txt) consists for \d+ % of .*?(source-document\d+\.txt) material/g,
  ))
    simPairs.add(`${m[1]} ${m[2]}`);

  // The screening as sim_text does it: the sources are read and indexed in memory, then every
  // suspicious document is aligned with each source sharing a fingerprint.
  const found = new Set<string>();
  let passages = 0;
  const started = performance.now();
  const sources = src.map((f) =>
    prepare(f, readFileSync(join(PAN, 'src', f), 'utf8'), {}, { exclusions: false }),
  );
  const index = fingerprintIndex(sources.map((s) => s.fingerprints.hashes));
  const indexed = performance.now();
  // Sources met by the current suspicious document: stamped with its number, listed once.
  const stamp = new Int32Array(sources.length).fill(-1);
  const candidates: number[] = [];
  for (const [q, f] of susp.entries()) {
    const doc = prepare(f, readFileSync(join(PAN, 'susp', f), 'utf8'), {}, { exclusions: false });
    candidates.length = 0;
    const add = (n: number): void => {
      if (stamp[n] !== q) candidates.push(n);
      stamp[n] = q;
    };
    for (const h of doc.fingerprints.hashes) index.eachDocument(h, add);
    for (const n of candidates.sort((a, b) => a - b)) {
      const source = sources[n];
      if (!source) continue;
      const p = align(doc, source);
      if (p.length > 0) found.add(`${f} ${source.id}`);
      passages += p.length;
    }
  }
  const ours = performance.now() - started;
  const onDisk = panOnDiskIndex(work, src, susp);
  const recall = (pairs: Set<string>): string =>
    `${[...truth].filter((p) => pairs.has(p)).length}/${truth.size} truth pairs`;
  say(`(a) PAN screening: ${susp.length} suspicious × ${src.length} sources`);
  say(
    `    recevable, in memory (index ${seconds(indexed - started)} + queries): ${seconds(ours)}, ${found.size} pairs, ${passages} passages, ${recall(found)}`,
  );
  say(
    `    recevable, on-disk corpus index (build ${seconds(onDisk.build)} + queries): ${seconds(onDisk.total)}, ${onDisk.pairs} pairs`,
  );
  say(
    `    sim_text -p -t 1 -S -T -i: ${seconds(simMs)}, ${simPairs.size} pairs, ${recall(simPairs)}`,
  );
  say(
    `    ratio recevable / sim_text: in memory ${(ours / simMs).toFixed(2)} (target ≤ 1), on disk ${(onDisk.total / simMs).toFixed(2)}`,
  );
}

/** The same screening through the on-disk corpus index (sqlite), index build included. */
function panOnDiskIndex(
  work: string,
  src: string[],
  susp: string[],
): { build: number; total: number; pairs: number } {
  const dir = join(work, 'pan-corpus');
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const index = openCorpus(dir, { create: true });
  const sources = new Map<string, Prepared>();
  const docs: NewCorpusDoc[] = [];
  for (const f of src) {
    const doc = prepare(f, readFileSync(join(PAN, 'src', f), 'utf8'), {}, { exclusions: false });
    sources.set(f, doc);
    docs.push({
      id: f,
      name: f,
      sha256: f,
      words: doc.tokens.count,
      text: doc.text,
      layout: {},
      hashes: doc.fingerprints.hashes,
    });
  }
  index.add(docs);
  const built = performance.now();
  const byN = new Map(index.list().map((d, i) => [i + 1, d.id]));
  const pairs = new Set<string>();
  for (const f of susp) {
    const doc = prepare(f, readFileSync(join(PAN, 'susp', f), 'utf8'), {}, { exclusions: false });
    const hits = index.lookup(new Set(doc.fingerprints.hashes));
    const candidates = new Set<number>();
    for (const list of hits.postings.values()) for (const n of list) candidates.add(n);
    for (const n of candidates) {
      const id = byN.get(n);
      const source = id ? sources.get(id) : undefined;
      if (source && align(doc, source).length > 0) pairs.add(`${f} ${source.id}`);
    }
  }
  index.close();
  return { build: built - started, total: performance.now() - started, pairs: pairs.size };
}

/**
 * A few PAN-shaped files for `--smoke`: sources of generated prose, suspicious documents that
 * copy a long passage of one source, or none, and the `pairs` file of the truth.
 */
function writeMiniPan(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'susp'), { recursive: true });
  mkdirSync(join(dir, 'src'));
  const name = (kind: string, n: number) => `${kind}-document${String(n).padStart(5, '0')}.txt`;
  const sources = Array.from({ length: 6 }, (_, i) => prose(500 + i, 1500));
  sources.forEach((text, i) => writeFileSync(join(dir, 'src', name('source', i)), text));
  const pairs: string[] = [];
  for (let i = 0; i < 4; i++) {
    const own = prose(600 + i, 1200);
    const copied = i % 2 === 0 ? sources[i]!.split(' ').slice(200, 800).join(' ') : '';
    writeFileSync(join(dir, 'susp', name('suspicious', i)), `${own}\n${copied}`);
    if (copied) pairs.push(`${name('suspicious', i)} ${name('source', i)}`);
  }
  writeFileSync(join(dir, 'pairs'), `${pairs.join('\n')}\n`);
}

const TEMPLATE = prose(424242, 600);

/** The generated corpus of (b), built once per size and kept in the temp folder. */
function generatedCorpus(work: string, count: number, words: number): string {
  const dir = join(work, `corpus-v2-${count}x${words}`);
  if (existsSync(join(dir, 'complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const index = openCorpus(dir, { create: true });
  for (let from = 0; from < count; from += 250) {
    const batch: NewCorpusDoc[] = [];
    for (let i = from; i < Math.min(count, from + 250); i++)
      batch.push(
        corpusDoc(`2022-D${String(i).padStart(4, '0')}`, `${TEMPLATE}\n${prose(i + 1, words)}`),
      );
    index.add(batch);
  }
  const stats = index.stats();
  index.close();
  writeFileSync(join(dir, 'complete'), '');
  say(
    `    corpus built: ${stats.documents} dossiers × ${words} words, ${stats.postings} postings, ${(stats.bytes / 1048576).toFixed(0)} MB, ${seconds(performance.now() - started)} (not timed below)`,
  );
  return dir;
}

/** The 20,000-word dossier of (b): template, own prose, five passages copied from the corpus. */
function queryDossier(count: number, words: number): string {
  const parts = [TEMPLATE, prose(777_001, 8000)];
  for (const i of [17, Math.floor(count / 4), Math.floor(count / 2), count - 2, count - 1]) {
    const source = prose(i + 1, words).split(' ');
    parts.push(source.slice(1000, 1400).join(' '), prose(777_100 + i, 1900));
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

function oneAgainstCorpus(work: string): void {
  const count = smoke ? 60 : 5000;
  const words = smoke ? 2000 : Number(process.env['BENCH_CORPUS_WORDS'] ?? 8000);
  say(`(b) one 20,000-word dossier against ${count} generated dossiers`);
  const dir = generatedCorpus(work, count, words);
  const child = spawnSync(
    process.execPath,
    [import.meta.filename, '--query', dir, String(count), String(words)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) throw new Error(`query child failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout) as {
    ms: number;
    rssMb: number;
    words: number;
    share: number;
    sources: string[];
  };
  say(
    `    ${r.words} words: ${seconds(r.ms)} (target ≤ 1 s, ratio ${(r.ms / 1000).toFixed(2)}), peak RSS ${r.rssMb.toFixed(0)} MB (target ≤ 512 MB, ratio ${(r.rssMb / 512).toFixed(2)}); share ${(r.share * 100).toFixed(1)}% from ${r.sources.join(', ')}`,
  );
}

/** (c) a session of 100 dossiers of 20,000 words, all pairs, with the template and 5 copied pairs. */
function sessionAllPairs(): void {
  const [count, words] = smoke ? [10, 8000] : [100, 19_000];
  const texts = [];
  for (let i = 0; i < count; i++) {
    let body = prose(900_000 + i, words);
    if (i % 20 === 1) body = `${prose(900_000 + i - 1, words).slice(0, 20_000)} ${body}`;
    texts.push({
      id: `C${String(i).padStart(3, '0')}`,
      candidate: `C${i}`,
      text: `${TEMPLATE}\n${body}`,
      layout: {},
    });
  }
  const template = new Set<number>();
  const started = performance.now();
  const { analyses } = analyseSession(texts, { template });
  const ms = performance.now() - started;
  const flagged = [...analyses.values()].filter((a) => a.share >= 0.1).map((a) => a.id);
  say(
    `(c) session of ${count} dossiers × ~${words + 600} words, all pairs: ${seconds(ms)} (target ≤ 30 s, ratio ${(ms / 30_000).toFixed(2)}); ≥ 10 %: ${flagged.join(', ')}`,
  );
}

/** (d) The PDF reader with and without its hidden-text pass, beside pdf.js's text content alone. */
async function hiddenTextPass(): Promise<void> {
  const dir = resolve(import.meta.dirname, '../../../shared/corpus/reports');
  const files = smoke ? [] : readdirSync(dir).filter((f) => f.endsWith('.pdf'));
  const bytes: Uint8Array[] = files.map((f) => readFileSync(join(dir, f)));
  if (bytes.length === 0) {
    bytes.push(await makePdf({ pages: 12, seed: 3, sections: [{ title: 'Introduction' }] }));
  }
  const floor = async (): Promise<void> => {
    for (const b of bytes) {
      const doc = await openPdf(b);
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        await page.getTextContent();
        page.cleanup();
      }
      await doc.loadingTask.destroy();
    }
  };
  const reader = (hidden: boolean) => async (): Promise<void> => {
    for (const b of bytes) await readPdf(b, undefined, hidden);
  };
  const median = async (run: () => Promise<void>): Promise<number> => {
    await run();
    const samples: number[] = [];
    for (let i = 0; i < (smoke ? 1 : 3); i++) {
      const started = performance.now();
      await run();
      samples.push(performance.now() - started);
    }
    return samples.sort((x, y) => x - y)[Math.floor(samples.length / 2)] ?? 0;
  };
  const text = await median(floor);
  const without = await median(reader(false));
  const withPass = await median(reader(true));
  say(`(d) PDF reader on ${bytes.length} file(s), median of ${smoke ? 1 : 3}`);
  say(
    `    pdf.js text only ${seconds(text)}; reader without the hidden-text pass ${seconds(without)} (${(without / text).toFixed(2)} × floor), with it ${seconds(withPass)} (${(withPass / text).toFixed(2)} ×): the pass costs ${((withPass - without) / text).toFixed(2)} × the floor`,
  );
}

if (process.argv[2] === '--query') {
  queryChild(process.argv[3] ?? '', Number(process.argv[4]), Number(process.argv[5]));
} else {
  mkdirSync(WORK, { recursive: true });
  if (smoke) writeMiniPan(PAN);
  const only = process.argv.slice(2).find((arg) => /^[abcd]$/.test(arg));
  if (!only || only === 'a') panScreening(WORK);
  if (!only || only === 'b') oneAgainstCorpus(WORK);
  if (!only || only === 'c') sessionAllPairs();
  if (!only || only === 'd') await hiddenTextPass();
}
