/**
 * French OCR of page images with tesseract.js (Tesseract in WebAssembly, one worker thread per
 * worker) and the French model of `@tesseract.js-data/fra`, both read from node_modules: nothing
 * is fetched and nothing is written (no language cache). Each page comes out as the reader's
 * lines — text, size and position in PDF points from the OCR's boxes — with the mean confidence
 * of its words.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import type { ImageProblem, PageImage } from './ocr-images.ts';
import type { Line } from './pdf-load.ts';

const require = createRequire(import.meta.url);
/** The LSTM model tesseract.js itself uses for `OEM.LSTM_ONLY` (the legacy engine is not loaded). */
const LANG_PATH = join(
  dirname(require.resolve('@tesseract.js-data/fra/package.json')),
  '4.0.0_best_int',
);

/** A page as recognised. */
export interface RecognisedPage {
  lines: Line[];
  /** Mean confidence of the page's words, weighted by their letters, 0–1. */
  confidence: number;
  words: number;
}

/** How a run of the OCR goes. */
export interface OcrRun {
  /** Worker threads, each on its own core. */
  workers: number;
  /** A page taking longer is given up (its worker is replaced). */
  pageTimeoutMs: number;
  /** Called after each page, recognised or not. */
  onPage?: (done: number, total: number) => void;
}

/** Cap height of Latin typefaces (Helvetica 0.72, Times 0.66, Calibri 0.64), in ems. */
const CAP_HEIGHT = 0.7;

type Worker = Tesseract.Worker;

function startWorker(): Promise<Worker> {
  return Tesseract.createWorker('fra', Tesseract.OEM.LSTM_ONLY, {
    langPath: LANG_PATH,
    gzip: true,
    // 'none': neither read nor write a cache of the unpacked model (in the working directory).
    cacheMethod: 'none',
    errorHandler: () => undefined,
  });
}

/**
 * Recognises `pages`, `run.workers` at a time; `image` gives each page's image when its turn
 * comes (so only the images being read are in memory). Never throws: a page that could not be
 * read gets its problem.
 */
export async function recognisePages(
  pages: readonly number[],
  image: (page: number) => Promise<PageImage | ImageProblem>,
  run: OcrRun,
): Promise<Map<number, RecognisedPage | ImageProblem>> {
  const results = new Map<number, RecognisedPage | ImageProblem>();
  let next = 0;
  let done = 0;
  const settle = (page: number, result: RecognisedPage | ImageProblem): void => {
    results.set(page, result);
    run.onPage?.(++done, pages.length);
  };
  const loop = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < pages.length) {
        const page = pages[next++] as number;
        const picture = await image(page);
        if ('problem' in picture) {
          settle(page, picture);
          continue;
        }
        try {
          worker ??= await startWorker();
        } catch (error) {
          settle(page, { problem: `the OCR could not start (${String(error)})` });
          continue;
        }
        const outcome = await recognise(worker, picture, run.pageTimeoutMs);
        if (outcome === 'timeout') {
          void worker.terminate().catch(() => undefined);
          worker = undefined;
          settle(page, {
            problem: `its recognition took more than ${Math.round(run.pageTimeoutMs / 1000)} s`,
          });
        } else settle(page, outcome);
      }
    } finally {
      await worker?.terminate().catch(() => undefined);
    }
  };
  const workers = Math.max(1, Math.min(run.workers, pages.length));
  await Promise.all(Array.from({ length: workers }, loop));
  snapSizes([...results.values()].flatMap((r) => ('lines' in r ? r.lines : [])));
  return results;
}

async function recognise(
  worker: Worker,
  picture: PageImage,
  timeoutMs: number,
): Promise<RecognisedPage | ImageProblem | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const dpi = Math.round(Math.min(1200, Math.max(70, 72 / picture.ptPerPx)));
  const job = worker
    .recognize(
      Buffer.from(picture.bytes.buffer, picture.bytes.byteOffset, picture.bytes.byteLength),
      // The page's own resolution, so Tesseract sizes its filters from it, not from a guess;
      // `rotateAuto` straightens a page scanned askew before reading its lines (a fifth more
      // time, and a page askew by 1.5° reads its titles at one size); no second try of
      // low-confidence words inverted (white on black), which noise makes many of.
      {
        rotateAuto: true,
        user_defined_dpi: String(dpi),
        tessedit_do_invert: '0',
      } as Partial<Tesseract.RecognizeOptions>,
      { blocks: true, text: false },
    )
    .then(
      (result) => fromBlocks(result.data.blocks ?? [], picture),
      (error: unknown) => ({ problem: `the OCR could not read its image (${String(error)})` }),
    );
  try {
    return await Promise.race([job, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A word the OCR barely recognised: a speck of noise read as a mark (no two letters or digits
 * in a row), or what it made of dot leaders and the like (« …….crercencens », confidence 0).
 */
const isNoise = (word: Tesseract.Word): boolean =>
  word.confidence < 20 || (word.confidence < 50 && !/[\p{L}\p{N}]{2}/u.test(word.text));

/** Letters that reach the cap height without descending (accented capitals rise above it; J, Q descend). */
const TALL = /^[A-IK-PR-Zbdfhklt0-9]$/;
/** Letters recognised with less confidence are not measured. */
const FAIR = 50;

/** The OCR's blocks as the reader's lines, in the OCR's reading order. */
export function fromBlocks(blocks: Tesseract.Block[], picture: PageImage): RecognisedPage {
  const lines: Line[] = [];
  const unsized = new Set<Line>();
  let weighted = 0;
  let letters = 0;
  let words = 0;
  const pt = picture.ptPerPx;
  for (const line of blocks.flatMap((b) => b.paragraphs.flatMap((p) => p.lines))) {
    const kept = line.words.filter((w) => w.text.trim() && !isNoise(w));
    // A speck before the first word read as punctuation (« ; Sommaire »).
    while (kept.length > 1 && /^[;:,.'`|]+$/.test(kept[0]!.text.trim())) kept.shift();
    for (const word of line.words) {
      const count = word.text.replace(/[^\p{L}\p{N}]/gu, '').length;
      weighted += word.confidence * count;
      letters += count;
    }
    if (kept.length === 0) continue;
    words += kept.length;
    const { x0, y0, x1, y1 } = line.baseline;
    const baseAt = (x: number): number =>
      x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    // Capitals, digits and ascenders (A, 7, l, d…) stand at the cap height: the median of
    // theirs, from the baseline, makes the size. Word boxes would not do: a word run into dot
    // leaders or noise is boxed three lines high, and a word without such letters is short.
    // Such a letter sits on the baseline: one whose box hangs below it is boxed wrong.
    const heights = kept
      .flatMap((w) => w.symbols ?? [])
      .filter((c) => TALL.test(c.text) && c.confidence >= FAIR)
      .map((c) => {
        const base = baseAt((c.bbox.x0 + c.bbox.x1) / 2);
        const height = base - c.bbox.y0;
        return Math.abs(c.bbox.y1 - base) <= Math.max(2, height * 0.2) ? height : 0;
      })
      .filter((h) => h > 0)
      .sort((a, b) => a - b);
    const height = heights[Math.floor(heights.length / 2)];
    const text = kept.map((w) => w.text.trim()).join(' ');
    const read: Line = {
      // A speck before the first letter read as an opening quote that nothing closes.
      text: /[»"]/.test(text) ? text : text.replace(/^«(?=\p{L})/u, ''),
      size: height === undefined ? 0 : Math.round(((height * pt) / CAP_HEIGHT) * 2) / 2,
      bold: false,
      y: Math.round((picture.height - baseAt(line.bbox.x0)) * pt * 10) / 10,
      x: Math.round(line.bbox.x0 * pt * 10) / 10,
    };
    if (height === undefined) unsized.add(read);
    lines.push(read);
  }
  // A line without a tall letter has no size to trust: it gets the page's, never a title's.
  const body = dominantSize(lines.filter((l) => !unsized.has(l)));
  for (const line of unsized) line.size = body;
  return { lines, confidence: letters > 0 ? weighted / letters / 100 : 0, words };
}

/** The size carrying the most letters (0 without lines). */
function dominantSize(lines: readonly Line[]): number {
  const weights = new Map<number, number>();
  for (const line of lines)
    weights.set(line.size, (weights.get(line.size) ?? 0) + line.text.length);
  return [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * Sizes measured on pixels scatter by a point or so: sizes within 12 % of each other are one
 * printed size, set to the size most of their letters have, so the body is one size and
 * headings of one level share theirs.
 */
export function snapSizes(lines: Line[]): void {
  const weights = new Map<number, number>();
  for (const line of lines)
    weights.set(line.size, (weights.get(line.size) ?? 0) + line.text.length);
  // The sizes carrying the most letters first: each is a printed size unless within 12 % of
  // one already taken, so a stray size between two never chains them into one.
  const centres: number[] = [];
  for (const [size] of [...weights].sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
    if (!centres.some((c) => Math.max(c, size) <= Math.min(c, size) * 1.12)) centres.push(size);
  }
  const nearest = (size: number): number =>
    centres.reduce((best, c) =>
      Math.abs(Math.log(c / size)) < Math.abs(Math.log(best / size)) ? c : best,
    );
  for (const line of lines) if (line.size > 0) line.size = nearest(line.size);
}
