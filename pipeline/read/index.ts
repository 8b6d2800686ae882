/**
 * Reading dossiers. `readDossier(path)` reads a PDF, DOCX or ODT file into a Document, in a
 * child process with a heap cap and a timeout, and never throws for a bad file: it returns
 * `{ error: { code, message, hint } }` instead.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { version as pdfjsVersion } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Document, type ReadError } from '../../schemas/document.ts';
import { Errors } from '../errors.ts';
import type { ReadOptions } from './in-process.ts';
import { readError } from './read-error.ts';

export { readDossierInProcess, type ReadOptions } from './in-process.ts';

/**
 * Changes whenever reading logic changes: cached Documents are keyed by sha256 + readerVersion.
 */
export const readerVersion = `read-1+pdfjs-${pdfjsVersion}`;

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** True when the value is a ReadError rather than a Document. */
export const isReadError = (value: Document | ReadError): value is ReadError => 'error' in value;

/** Reads a dossier in an isolated child process. Never throws for a bad file. */
export function readDossier(
  path: string,
  options: ReadOptions = {},
): Promise<Document | ReadError> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const memoryMb = options.memoryMb ?? 512;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: Document | ReadError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.connected) child.disconnect();
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(value);
    };
    const child = fork(CHILD, [path, JSON.stringify({ libreoffice: options.libreoffice })], {
      execArgv: [`--max-old-space-size=${memoryMb}`, '--no-warnings'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const timer = setTimeout(
      () => finish(readError(Errors.ReadTimeout, path, Math.round(timeoutMs / 1000))),
      timeoutMs,
    );
    child.on('message', (message) => finish(parse(message, path)));
    child.on('error', (error) => finish(readError(Errors.ReadCrashed, path, error.message)));
    child.on('exit', (code, signal) => {
      const memory = /heap out of memory|Allocation failed/i.test(stderr);
      const reason = memory
        ? `more than ${memoryMb} MB of memory`
        : signal
          ? `signal ${signal}`
          : `exit code ${code}`;
      finish(
        memory
          ? readError(Errors.ReadTooLarge, path, reason)
          : readError(Errors.ReadCrashed, path, reason),
      );
    });
  });
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
