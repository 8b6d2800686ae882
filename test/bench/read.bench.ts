/**
 * `npm run bench:read`: reading speed against poppler (pdfinfo + pdftotext) on the same files
 * in the same run, DOCX time with and without LibreOffice, and DOCX page counts against the
 * generator's true count. Not part of `npm test`. `--smoke`: two small generated PDFs and one
 * DOCX, one round, without the shared corpus.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isReadError, readDossier, readDossierInProcess } from '../../pipeline/read/index.ts';
import { openPdf } from '../../pipeline/read/pdf-load.ts';
import { readPdf } from '../../pipeline/read/pdf.ts';
import { documentCache, readThroughCache } from '../../pipeline/results/cache.ts';
import { makeDocx, makePdf, type DossierSpec } from '../fixtures/dossier/generate.ts';
import { makeDistortedScan } from '../fixtures/dossier/scan.ts';

const smoke = process.argv.includes('--smoke');
// floorRatios bills each contender its own work only: the garbage the one before left is
// collected before its clock starts (the text pass, timed after the whole reading, paid for the
// whole reading's operator lists, and moved by ±25 % from one run to the next).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const ROUNDS = smoke ? 1 : 3;
const dir = mkdtempSync(join(tmpdir(), 'recevable-bench-'));
const sections: DossierSpec['sections'] = [
  'Introduction',
  'Présentation de l’entreprise',
  'Le projet',
  'Analyse du besoin',
  'Réalisation',
  'Bilan',
  'Conclusion',
].map((title, i) => ({ title, level: i % 3 === 2 ? 2 : 1 }));

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Median of ROUNDS timed runs, after one untimed run that loads and warms the code. */
async function time(run: () => Promise<void> | void): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function pages(path: string): Promise<number> {
  const doc = await readDossier(path);
  if (isReadError(doc)) throw new Error(`${path}: ${doc.error.message}`);
  return doc.pages.count;
}

/**
 * pdf.js alone: open, then the text content of every page, nothing else. What the reader adds
 * (lines, headings, TOC, scanned pages, the child process) is measured against this floor.
 */
async function pdfjsTextOnly(files: string[]): Promise<void> {
  for (const file of files) {
    const doc = await openPdf(readFileSync(file));
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
    }
    await doc.loadingTask.destroy();
  }
}

/** pdf.js alone with the operator list of every page too: the floor of a pass over both. */
async function pdfjsTextAndOperators(files: string[]): Promise<void> {
  for (const file of files) {
    const doc = await openPdf(readFileSync(file));
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      await page.getOperatorList();
      page.cleanup();
    }
    await doc.loadingTask.destroy();
  }
}

/**
 * The reader against pdf.js's floors, in CPU time of this process, each round running every
 * contender once in turn so that a machine busy with something else weighs on all of them
 * alike; the best round of each counts. The text pass (lines, headings, TOC, running headers,
 * ligatures) is held to 1.15 × pdf.js's text content; the whole reading, which also looks for
 * text drawn but not seen in every page's operators, to the floor of text plus operator lists.
 */
async function floorRatios(files: string[]): Promise<void> {
  const cpu = async (job: () => Promise<void>): Promise<number> => {
    collect();
    const start = process.cpuUsage();
    await job();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const bytes = files.map((file) => new Uint8Array(readFileSync(file)));
  const contenders: Record<string, () => Promise<void>> = {
    textFloor: () => pdfjsTextOnly(files),
    textPass: async () => {
      for (const b of bytes) await readPdf(b, undefined, false);
    },
    opsFloor: () => pdfjsTextAndOperators(files),
    whole: async () => {
      for (const b of bytes) await readPdf(b, undefined, true);
    },
  };
  const best: Record<string, number> = {};
  for (let round = 0; round <= Math.max(ROUNDS, smoke ? 1 : 5); round++) {
    for (const [name, job] of Object.entries(contenders)) {
      const ms = await cpu(job);
      if (round > 0) best[name] = Math.min(best[name] ?? Infinity, ms);
    }
  }
  const { textFloor = 1, textPass = 0, opsFloor = 1, whole = 0 } = best;
  const mark = (ratio: number, bar: number): string => (ratio <= bar ? 'met' : 'MISSED');
  console.log(
    `  CPU, best round: text pass ${textPass.toFixed(0)} ms / pdf.js text ${textFloor.toFixed(0)} ms = ${(textPass / textFloor).toFixed(2)} × (bar 1.15: ${mark(textPass / textFloor, 1.15)})`,
  );
  console.log(
    `  CPU, best round: whole reading ${whole.toFixed(0)} ms / pdf.js text + operators ${opsFloor.toFixed(0)} ms = ${(whole / opsFloor).toFixed(2)} × (bar 1.15: ${mark(whole / opsFloor, 1.15)}; load ${(loadavg()[0] ?? 0).toFixed(1)})`,
  );
}

const run = promisify(execFile);

/** Runs `job` over `files`, `jobs` at a time. */
async function parallel(files: string[], jobs: number, job: (file: string) => Promise<unknown>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) await job(files[next++] ?? '');
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

const poppler = async (file: string): Promise<void> => {
  await run('pdfinfo', [file]);
  await run('pdftotext', [file, '-'], { maxBuffer: 64 * 1024 * 1024 });
};

async function pdfBench(label: string, files: string[]): Promise<void> {
  let total = 0;
  for (const file of files) total += await pages(file);
  const child = await time(async () => {
    for (const file of files) await readDossier(file);
  });
  const inProcess = await time(async () => {
    for (const file of files) await readDossierInProcess(file);
  });
  const floor = await time(() => pdfjsTextOnly(files));
  const popplerMs = await time(() => {
    for (const file of files) {
      execFileSync('pdfinfo', [file], { stdio: 'ignore' });
      execFileSync('pdftotext', [file, '-'], { stdio: 'ignore', maxBuffer: 64 * 1024 * 1024 });
    }
  });
  // Both sides as wide as the machine: the check reads several dossiers at once.
  const jobs = Math.min(4, availableParallelism());
  const wideFiles = [...files, ...files, ...files];
  const wideChild = await time(() => parallel(wideFiles, jobs, (f) => readDossier(f)));
  const widePoppler = await time(() => parallel(wideFiles, jobs, poppler));
  const rate = (ms: number, pages = total): string => `${((pages / ms) * 1000).toFixed(0)} pages/s`;
  const ratio = (ms: number, reference = popplerMs): string => (reference / ms).toFixed(2);
  console.log(`\n${label}: ${files.length} files, ${total} pages (median of ${ROUNDS} rounds)`);
  console.log(
    `  readDossier (child process)     ${child.toFixed(0)} ms  ${rate(child)}  ratio ${ratio(child)}`,
  );
  console.log(
    `  readDossierInProcess            ${inProcess.toFixed(0)} ms  ${rate(inProcess)}  ratio ${ratio(inProcess)}`,
  );
  console.log(
    `  pdf.js text content only        ${floor.toFixed(0)} ms  ${rate(floor)}  ratio ${ratio(floor)}  (the engine's floor)`,
  );
  console.log(
    `  pdfinfo + pdftotext             ${popplerMs.toFixed(0)} ms  ${rate(popplerMs)}  (reference)`,
  );
  console.log(
    `  ${jobs} at a time, each file 3 times: readDossier ${rate(wideChild, total * 3)}, poppler ${rate(widePoppler, total * 3)}, ratio ${ratio(wideChild, widePoppler)}`,
  );
  console.log(
    `  ratio recevable/poppler (pages/s, target ≥ 1): child ${ratio(child)}, in-process ${ratio(inProcess)}; pdf.js alone ${ratio(floor)}`,
  );
  await floorRatios(files);
}

if (!smoke) {
  const corpus = readdirSync('../shared/corpus/reports')
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => join('../shared/corpus/reports', name));
  await pdfBench('Corpus PDFs', corpus);
}

const generated: string[] = [];
for (const [i, count] of (smoke ? [6, 12] : [20, 55, 60]).entries()) {
  const path = join(dir, `generated-${count}.pdf`);
  writeFileSync(path, await makePdf({ pages: count, sections, seed: i + 1, bookmarks: i !== 1 }));
  generated.push(path);
}
await pdfBench('Generated PDFs (one without bookmarks)', generated);

console.log('\nDOCX: ms per document, and page count found vs the true count');
console.log('  true  LibreOffice (ms)        no LibreOffice (ms)');
for (const count of smoke ? [8] : [8, 30, 55, 60]) {
  const spec: DossierSpec = { pages: count, sections, seed: count };
  const path = join(dir, `generated-${count}.docx`);
  writeFileSync(path, await makeDocx(spec));
  const start = performance.now();
  const rendered = await readDossier(path);
  const withLo = performance.now() - start;
  const bare = await readDossier(path, { libreoffice: false });
  const withoutLo = await time(async () => void (await readDossier(path, { libreoffice: false })));
  if (isReadError(rendered) || isReadError(bare)) throw new Error(`${path} unreadable`);
  const describe = (d: typeof bare): string =>
    `${d.pages.count}${d.pages.exact ? '' : ` [${d.pages.range?.join('–')}]`} ${d.pages.method}`;
  console.log(
    `  ${String(count).padStart(4)}  ${describe(rendered).padEnd(18)} ${withLo.toFixed(0).padStart(5)}   ${describe(bare).padEnd(22)} ${withoutLo.toFixed(0).padStart(4)}`,
  );
}

/**
 * Scanned PDFs: image-only pages (110 dpi JPEG, askew by 0.8°, with noise) recognised by the
 * OCR in the reader's child process, then the same file again through the Document cache. The
 * OCR takes the machine's cores: the load average says how much of them it had.
 */
async function scanBench(pages: number, dpi: number, target?: number): Promise<void> {
  const spec: DossierSpec = { pages, sections, seed: 5 };
  const path = await makeDistortedScan(spec, { degrees: 0.8, noise: 12, dpi });
  const cache = documentCache(mkdtempSync(join(tmpdir(), 'recevable-bench-cache-')), {
    libreoffice: true,
  });
  const load = loadavg()[0] ?? 0;
  const start = performance.now();
  const first = await readThroughCache(cache, path, path, { libreoffice: true });
  const seconds = (performance.now() - start) / 1000;
  const cachedStart = performance.now();
  const second = await readThroughCache(cache, path, path, { libreoffice: true });
  const cachedMs = performance.now() - cachedStart;
  if (isReadError(first.document)) throw new Error(`${path}: ${first.document.error.message}`);
  const ocr = first.document.pageText ?? [];
  const words = ocr.reduce((sum, p) => sum + p.words, 0);
  const confidence = ocr.reduce((sum, p) => sum + p.confidence * p.words, 0) / (words || 1);
  const verdict =
    target === undefined
      ? ''
      : seconds < target
        ? `  (target < ${target} s: met)`
        : `  (target < ${target} s: MISSED)`;
  console.log(`\nScanned PDF: ${pages} image-only pages at ${dpi} dpi, askew, with noise`);
  console.log(
    `  first reading (OCR)   ${seconds.toFixed(1)} s, ${(seconds / pages).toFixed(2)} s per scanned page${verdict}`,
  );
  console.log(
    `  recognised            ${ocr.length}/${pages} pages, ${words} words, mean confidence ${confidence.toFixed(3)}`,
  );
  console.log(
    `  second reading        ${cachedMs.toFixed(0)} ms, ${second.cached ? 'from the cache' : 'NOT from the cache'}`,
  );
  console.log(
    `  load average          ${load.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, ${availableParallelism()} cores`,
  );
}

if (smoke) await scanBench(2, 110);
else {
  await scanBench(55, 110, 180);
  await scanBench(5, 300);
}
