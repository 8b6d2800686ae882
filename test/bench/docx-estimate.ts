/**
 * `npm run eval:docx-pages [-- --per-variant N] [--rows]`: how far the page count of a DOCX read without
 * LibreOffice is from LibreOffice's rendering, per method and origin, and how often the range
 * contains the rendered count. Samples: generated dossiers (27 variants), the same files saved
 * again by LibreOffice, the corpus ODT saved as DOCX by LibreOffice, and the Word files of
 * ../shared/robustness with their LibreOffice re-saves. Needs soffice on PATH; takes minutes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { isReadError, readDossierInProcess } from '../../pipeline/read/index.ts';
import { convertAll, generatedSet, makeVariantDocx, pdfPages, put } from './docx-samples.ts';

const SHARED = resolve(import.meta.dirname, '../../../shared');
const { values } = parseArgs({
  options: { 'per-variant': { type: 'string', default: '2' }, rows: { type: 'boolean' } },
});

interface Row {
  name: string;
  origin: string;
  method: string;
  count: number;
  low: number;
  high: number;
  truth: number;
}

const dir = mkdtempSync(join(tmpdir(), 'recevable-docx-eval-'));
const started = Date.now();
const log = (message: string): void =>
  console.error(`[${Math.round((Date.now() - started) / 1000)} s] ${message}`);

/** Folders of DOCX to measure, by origin. */
const origins = new Map<string, string>();

const generated = join(dir, 'generated');
for (const sample of generatedSet(Number(values['per-variant'])))
  put(generated, `${sample.name}.docx`, await makeVariantDocx(sample.spec, sample.variant));
origins.set('generated', generated);

const word = join(dir, 'word');
const manifest = JSON.parse(readFileSync(join(SHARED, 'robustness/manifest.json'), 'utf8')) as {
  files: { file: string; kind: string; intent: string | null }[];
};
for (const entry of manifest.files) {
  if (entry.kind !== 'docx' || (entry.intent !== null && entry.intent !== 'nonconf')) continue;
  const source = join(SHARED, 'robustness', entry.file);
  const app = unzipSync(readFileSync(source), { filter: (f) => f.name === 'docProps/app.xml' });
  if (
    !/<Application>Microsoft[^<]*Word/.test(strFromU8(app['docProps/app.xml'] ?? new Uint8Array()))
  )
    continue;
  put(word, entry.file.replace(/\//g, '_').replace(/\.docm$/, '.docx'), readFileSync(source));
}
origins.set('real-word', word);

const odt = join(dir, 'odt');
put(
  odt,
  'lovasoa-af83-rapport.odt',
  readFileSync(join(SHARED, 'corpus/reports/lovasoa-af83-rapport.odt')),
);
log(`${origins.size} folders written, converting with LibreOffice`);
origins.set('libreoffice-from-odt', join(dir, 'odt-docx'));
convertAll(odt, 'docx', join(dir, 'odt-docx'));
convertAll(generated, 'docx', join(dir, 'generated-lo'));
origins.set('libreoffice-resaved', join(dir, 'generated-lo'));
convertAll(word, 'docx', join(dir, 'word-lo'));
origins.set('libreoffice-resaved-word', join(dir, 'word-lo'));

const rows: Row[] = [];
for (const [origin, folder] of origins) {
  log(`rendering ${origin}`);
  const pdfs = join(dir, `${basename(folder)}-pdf`);
  for (const docx of convertAll(folder, 'pdf', pdfs).map((p) => p.replace(/\.pdf$/, '.docx'))) {
    const pdf = join(pdfs, basename(docx).replace(/\.docx$/, '.pdf'));
    const source = join(folder, basename(docx));
    if (!existsSync(pdf) || !existsSync(source)) continue;
    const doc = await readDossierInProcess(source, { libreoffice: false });
    if (isReadError(doc)) continue;
    const [low, high] = doc.pages.range ?? [doc.pages.count, doc.pages.count];
    const truth = await pdfPages(pdf);
    rows.push({
      name: basename(docx),
      origin,
      method: doc.pages.method,
      count: doc.pages.count,
      low,
      high,
      truth,
    });
  }
}
rmSync(dir, { recursive: true, force: true });

const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(0)} %`;
function summary(label: string, group: Row[]): string {
  const errors = group.map((r) => r.count - r.truth);
  const relative = group.map((r) => (r.count - r.truth) / r.truth);
  const inside = group.filter((r) => r.low <= r.truth && r.truth <= r.high).length;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const width = mean(group.map((r) => r.high - r.low));
  // The margins MARGINS would need for every range of the group to hold the rendered count.
  const below = Math.max(0, ...group.map((r) => (r.count - r.truth) / r.count));
  const above = Math.max(0, ...group.map((r) => (r.truth - r.count) / r.count));
  return [
    label.padEnd(44),
    String(group.length).padStart(4),
    mean(errors).toFixed(2).padStart(7),
    mean(errors.map(Math.abs)).toFixed(2).padStart(6),
    `${Math.min(...errors)}…${Math.max(...errors)}`.padStart(9),
    `${(100 * Math.min(...relative)).toFixed(0)}…${(100 * Math.max(...relative)).toFixed(0)} %`.padStart(
      12,
    ),
    width.toFixed(1).padStart(6),
    pct(inside, group.length).padStart(6),
    `${(100 * below).toFixed(0)}/${(100 * above).toFixed(0)} %`.padStart(10),
  ].join(' ');
}

const header = `${'method / origin'.padEnd(44)}    n    mean  |err|   min…max     relative  width inside   needs`;
console.log(
  `error = estimated count − LibreOffice's rendered count; width = high − low of the range\n${header}`,
);
const by = (key: (r: Row) => string): Map<string, Row[]> => {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
};
for (const [method, group] of by((r) => r.method)) console.log(summary(method, group));
console.log('');
for (const [key, group] of by((r) => `${r.method} / ${r.origin}`)) console.log(summary(key, group));
console.log('');
console.log(summary('all', rows));
if (values.rows)
  for (const r of rows)
    console.log(
      `  ${r.origin}/${r.name}: ${r.method} ${r.count} [${r.low}–${r.high}], rendered ${r.truth}`,
    );
const misses = rows.filter((r) => r.truth < r.low || r.truth > r.high);
if (misses.length > 0) {
  console.log(`\nranges missing the rendered count (${misses.length}):`);
  for (const r of misses)
    console.log(
      `  ${r.origin}/${r.name}: ${r.method} ${r.count} [${r.low}–${r.high}], rendered ${r.truth}`,
    );
}
