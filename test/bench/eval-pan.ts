/**
 * `npm run eval:pan -- <out-dir>`: runs the aligner over the verbatim pairs of the PAN 2013
 * text-alignment corpus (`../shared/pan/02-no-obfuscation/pairs`), writes one PAN detection
 * XML per pair into <out-dir>/verbatim, and prints plagdet measured against the truth XMLs;
 * then the same on an obfuscated variant of those pairs (obfuscate.ts), into <out-dir>/obfuscated.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { align } from '../../pipeline/similarity/align.ts';
import { plagdet, type Annotation, type PlagdetScore } from '../../pipeline/similarity/plagdet.ts';
import { prepare, type Prepared } from '../../pipeline/similarity/prepare.ts';
import { obfuscate, type ObfuscateStats } from './obfuscate.ts';

const PAN = resolve(import.meta.dirname, '../../../shared/pan');
const TRUTH = join(PAN, '02-no-obfuscation');

/** Attributes of every `<feature …/>` element of a PAN XML file. */
export function readFeatures(xml: string): Record<string, string>[] {
  return [...xml.matchAll(/<feature\b([^>]*)\/?>/g)].map((m) => {
    const attributes: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)) attributes[a[1] ?? ''] = a[2] ?? '';
    return attributes;
  });
}

/** PAN's detection XML for one pair. */
export function detectionXml(suspicious: string, detections: readonly Annotation[]): string {
  const features = detections.map(
    (d) =>
      `<feature name="detected-plagiarism" this_offset="${d.thisOffset}" this_length="${d.thisLength}" source_reference="${d.source}" source_offset="${d.sourceOffset}" source_length="${d.sourceLength}"/>`,
  );
  return `<document reference="${suspicious}">\n${features.join('\n')}${features.length ? '\n' : ''}</document>\n`;
}

/** Passages of one pair as PAN annotations. */
export function detectPair(
  suspicious: string,
  source: string,
  a: Prepared,
  b: Prepared,
): Annotation[] {
  return align(a, b).map((p) => ({
    suspicious,
    source,
    thisOffset: p.aFrom,
    thisLength: p.aTo - p.aFrom,
    sourceOffset: p.bFrom,
    sourceLength: p.bTo - p.bFrom,
  }));
}

/** The truth cases of one pair. */
function truthOf(suspicious: string, source: string): Annotation[] {
  const base = `${suspicious.replace(/\.txt$/, '')}-${source.replace(/\.txt$/, '')}.xml`;
  return readFeatures(readFileSync(join(TRUTH, base), 'utf8'))
    .filter((f) => f['name'] === 'plagiarism')
    .map((f) => ({
      suspicious,
      source: f['source_reference'] ?? source,
      thisOffset: Number(f['this_offset']),
      thisLength: Number(f['this_length']),
      sourceOffset: Number(f['source_offset']),
      sourceLength: Number(f['source_length']),
    }));
}

/**
 * The obfuscated variant: in each suspicious document, every verbatim case is edited (5–15 %
 * of its words replaced, dropped, inserted or swapped, seeded by the document's number) and
 * the truth offsets are recomputed. Replacement words come from the same document.
 */
export function obfuscatedVariant(
  pairs: readonly (readonly [string, string])[],
  stats?: ObfuscateStats,
): { texts: Map<string, string>; cases: Annotation[] } {
  const bySuspicious = new Map<string, Annotation[]>();
  for (const [suspicious, source] of pairs)
    bySuspicious.set(suspicious, [
      ...(bySuspicious.get(suspicious) ?? []),
      ...truthOf(suspicious, source),
    ]);
  const texts = new Map<string, string>();
  const cases: Annotation[] = [];
  for (const [suspicious, own] of bySuspicious) {
    const original = readFileSync(join(PAN, 'susp', suspicious), 'utf8');
    const vocabulary = original.match(/\p{L}{3,}/gu) ?? ['the'];
    const seed = Number(/\d+/.exec(suspicious)?.[0] ?? 0);
    const edited = obfuscate(
      original,
      own.map((c) => ({ offset: c.thisOffset, length: c.thisLength })),
      { seed, vocabulary },
      stats,
    );
    texts.set(suspicious, edited.text);
    own.forEach((c, i) => {
      const span = edited.spans[i] ?? { offset: 0, length: 0 };
      cases.push({ ...c, thisOffset: span.offset, thisLength: span.length });
    });
  }
  return { texts, cases };
}

interface Run {
  readonly score: PlagdetScore;
  readonly seconds: number;
}

/** Aligns every pair, writes the detection XMLs into `out`, scores them against `cases`. */
function evaluate(
  pairs: readonly (readonly [string, string])[],
  suspiciousText: (name: string) => string,
  cases: readonly Annotation[],
  out: string,
): Run {
  mkdirSync(out, { recursive: true });
  const cache = new Map<string, Prepared>();
  const load = (dir: string, name: string, text: () => string): Prepared => {
    const key = `${dir}/${name}`;
    let doc = cache.get(key);
    if (!doc) {
      // PAN texts are English prose: quotation and heading exclusions are dossier rules, not PAN's.
      doc = prepare(name, text(), {}, { exclusions: false });
      cache.set(key, doc);
    }
    return doc;
  };
  // Timed: reading, preparing and aligning; not writing the detection files.
  const started = performance.now();
  const found = pairs.map(([suspicious, source]) =>
    detectPair(
      suspicious,
      source,
      load('susp', suspicious, () => suspiciousText(suspicious)),
      load('src', source, () => readFileSync(join(PAN, 'src', source), 'utf8')),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  pairs.forEach(([suspicious, source], i) => {
    const base = `${suspicious.replace(/\.txt$/, '')}-${source.replace(/\.txt$/, '')}.xml`;
    writeFileSync(join(out, base), detectionXml(suspicious, found[i] ?? []));
  });
  return { score: plagdet(cases, found.flat()), seconds };
}

function main(): void {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npm run eval:pan -- <out-dir>\n');
    process.exitCode = 2;
    return;
  }
  const pairs = readFileSync(join(TRUTH, 'pairs'), 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((p): p is [string, string] => p.length === 2);
  const verbatimCases = pairs.flatMap(([suspicious, source]) => truthOf(suspicious, source));
  const verbatim = evaluate(
    pairs,
    (name) => readFileSync(join(PAN, 'susp', name), 'utf8'),
    verbatimCases,
    join(out, 'verbatim'),
  );
  const stats: ObfuscateStats = { words: 0, replaced: 0, dropped: 0, inserted: 0, swapped: 0 };
  const variant = obfuscatedVariant(pairs, stats);
  const obfuscated = evaluate(
    pairs,
    (name) => variant.texts.get(name) ?? '',
    variant.cases,
    join(out, 'obfuscated'),
  );
  const f = (x: number): string => x.toFixed(4);
  const line = (name: string, run: Run): string =>
    `${name.padEnd(11)} ${String(run.score.cases).padStart(5)} ${String(run.score.detections).padStart(10)}  ${f(run.score.precision)}  ${f(run.score.recall)}  ${f(run.score.granularity)}  ${f(run.score.plagdet)}  ${run.seconds.toFixed(1)} s\n`;
  const edits = stats.replaced + stats.dropped + stats.inserted + stats.swapped;
  process.stdout.write(
    `PAN 2013 text alignment, the ${pairs.length} verbatim pairs and their obfuscated variant\n` +
      `class       cases detections  precis  recall  granul  plagdet  time\n` +
      line('verbatim', verbatim) +
      line('obfuscated', obfuscated) +
      `obfuscated: ${edits} edits in ${stats.words} words of the cases (${((edits / stats.words) * 100).toFixed(1)} %): ${stats.replaced} replaced, ${stats.dropped} dropped, ${stats.inserted} inserted, ${stats.swapped} swapped\n` +
      `detections written to ${resolve(out)}/{verbatim,obfuscated}\n`,
  );
}

if (import.meta.main) main();
