/**
 * `npm run eval:pan -- <out-dir>`: runs the aligner over the verbatim pairs of the PAN 2013
 * text-alignment corpus (`../shared/pan/02-no-obfuscation/pairs`), writes one PAN detection
 * XML per pair into <out-dir>, and prints plagdet measured against the truth XMLs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { align } from '../../pipeline/similarity/align.ts';
import { plagdet, type Annotation } from '../../pipeline/similarity/plagdet.ts';
import { prepare, type Prepared } from '../../pipeline/similarity/prepare.ts';

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

function main(): void {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npm run eval:pan -- <out-dir>\n');
    process.exitCode = 2;
    return;
  }
  mkdirSync(out, { recursive: true });
  const pairs = readFileSync(join(TRUTH, 'pairs'), 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((p): p is [string, string] => p.length === 2);
  const cache = new Map<string, Prepared>();
  const load = (dir: string, name: string): Prepared => {
    let doc = cache.get(name);
    if (!doc) {
      // PAN texts are English prose: quotation and heading exclusions are dossier rules, not PAN's.
      doc = prepare(name, readFileSync(join(PAN, dir, name), 'utf8'), {}, { exclusions: false });
      cache.set(name, doc);
    }
    return doc;
  };
  const started = performance.now();
  const cases: Annotation[] = [];
  const detections: Annotation[] = [];
  for (const [suspicious, source] of pairs) {
    const found = detectPair(suspicious, source, load('susp', suspicious), load('src', source));
    detections.push(...found);
    const base = `${suspicious.replace(/\.txt$/, '')}-${source.replace(/\.txt$/, '')}.xml`;
    writeFileSync(join(out, base), detectionXml(suspicious, found));
    for (const f of readFeatures(readFileSync(join(TRUTH, base), 'utf8'))) {
      if (f['name'] !== 'plagiarism') continue;
      cases.push({
        suspicious,
        source: f['source_reference'] ?? source,
        thisOffset: Number(f['this_offset']),
        thisLength: Number(f['this_length']),
        sourceOffset: Number(f['source_offset']),
        sourceLength: Number(f['source_length']),
      });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const score = plagdet(cases, detections);
  const f = (x: number): string => x.toFixed(4);
  process.stdout.write(
    `PAN 2013 verbatim pairs: ${pairs.length} pairs, ${score.cases} cases, ${score.detections} detections, ${seconds.toFixed(1)} s\n` +
      `precision ${f(score.precision)}  recall ${f(score.recall)}  granularity ${f(score.granularity)}  plagdet ${f(score.plagdet)}\n` +
      `detections written to ${resolve(out)}\n`,
  );
}

if (import.meta.main) main();
