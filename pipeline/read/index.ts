/**
 * Reading dossiers. `readDossier(path)` reads a PDF, DOCX or ODT file into a Document, in a
 * child process with a heap cap and a timeout, and never throws for a bad file: it returns
 * `{ error: { code, message, hint } }` instead.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, type ReadError } from '../../schemas/document.ts';
import { Errors } from '../errors.ts';
import type { ReadOptions } from './in-process.ts';
import { reportOcrProgress } from './ocr-progress.ts';
import { runInReader, type Progress } from './pool.ts';
import { readError } from './read-error.ts';

export { readDossierInProcess, type ReadOptions } from './in-process.ts';

/** The reader's own source and the versions of the libraries it reads with. */
function readerFingerprint(): string {
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  const ocr = ['pdf-lib', 'tesseract.js', 'tesseract.js-core', '@tesseract.js-data/fra'];
  for (const pkg of ['pdfjs-dist', 'mammoth', 'fflate', ...ocr]) {
    hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}\n`);
  }
  const dir = dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    hash.update(`${name}\n`).update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Changes whenever reading logic changes: cached Documents are keyed by sha256 + readerVersion.
 * It is derived from the reader's source, so a change nobody remembered to announce still
 * invalidates the Documents read before it.
 */
export const readerVersion = `read-${readerFingerprint()}`;

/** True when the value is a ReadError rather than a Document. */
export const isReadError = (value: Document | ReadError): value is ReadError => 'error' in value;

/** Readings under way in this process, so the OCR of each takes its share of the cores. */
let reading = 0;

/**
 * Reads a dossier in an isolated child process. Never throws for a bad file. A scan's OCR gets
 * one worker thread per core the readings under way leave it, at least one, and reports each
 * page to `onOcrProgress` listeners.
 */
export async function readDossier(
  path: string,
  options: ReadOptions = {},
): Promise<Document | ReadError> {
  reading += 1;
  try {
    return await read(path, options, Math.max(1, Math.floor(availableParallelism() / reading)));
  } finally {
    reading -= 1;
  }
}

async function read(
  path: string,
  options: ReadOptions,
  ocrWorkers: number,
): Promise<Document | ReadError> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const memoryMb = options.memoryMb ?? 512;
  const job = { libreoffice: options.libreoffice, timeoutMs, ocr: options.ocr, ocrWorkers };
  const progress = ({ done, total }: Progress): void => reportOcrProgress({ path, done, total });
  let outcome = await runInReader(path, job, memoryMb, timeoutMs, false, progress);
  // A process that had read other files may have died of them: the file gets a fresh one.
  if (outcome.kind === 'crash' && outcome.reused)
    outcome = await runInReader(path, job, memoryMb, timeoutMs, true, progress);
  if (outcome.kind === 'answer') return parse(outcome.value, path);
  if (outcome.kind === 'timeout')
    return readError(Errors.ReadTimeout, path, Math.round(timeoutMs / 1000));
  if (outcome.memory)
    return readError(Errors.ReadTooLarge, path, `more than ${memoryMb} MB of memory`);
  return readError(Errors.ReadCrashed, path, outcome.reason);
}

function parse(message: unknown, path: string): Document | ReadError {
  if (message && typeof message === 'object' && 'error' in message) return message as ReadError;
  const parsed = Document.safeParse(message);
  return parsed.success
    ? parsed.data
    : readError(
        Errors.ReadCrashed,
        path,
        `invalid Document: ${parsed.error.issues[0]?.message ?? ''}`,
      );
}
