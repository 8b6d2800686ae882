/**
 * Reading dossiers. `readDossier(path)` reads a PDF, DOCX or ODT file into a Document, in a
 * child process with a heap cap and a timeout, and never throws for a bad file: it returns
 * `{ error: { code, message, hint } }` instead.
 */
import { createRequire } from 'node:module';
import { Document, type ReadError } from '../../schemas/document.ts';
import { Errors } from '../errors.ts';
import type { ReadOptions } from './in-process.ts';
import { runInReader } from './pool.ts';
import { readError } from './read-error.ts';

export { readDossierInProcess, type ReadOptions } from './in-process.ts';

/**
 * Changes whenever reading logic changes: cached Documents are keyed by sha256 + readerVersion.
 */
export const readerVersion = `read-1+pdfjs-${
  (createRequire(import.meta.url)('pdfjs-dist/package.json') as { version: string }).version
}`;

/** True when the value is a ReadError rather than a Document. */
export const isReadError = (value: Document | ReadError): value is ReadError => 'error' in value;

/** Reads a dossier in an isolated child process. Never throws for a bad file. */
export async function readDossier(
  path: string,
  options: ReadOptions = {},
): Promise<Document | ReadError> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const memoryMb = options.memoryMb ?? 512;
  const outcome = await runInReader(
    path,
    { libreoffice: options.libreoffice, timeoutMs },
    memoryMb,
    timeoutMs,
  );
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
