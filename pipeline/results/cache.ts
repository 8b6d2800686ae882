/**
 * Cache of read Documents under `content/<session>/.cache/documents/` (git-ignored), keyed by
 * the dossier's SHA-256 and the reader's version and options: an unchanged dossier is never
 * read twice. A damaged cache entry is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, ReadError } from '../../schemas/document.ts';
import { readDossier, readerVersion } from '../read/index.ts';
import { writeIfChanged } from '../files/atomic.ts';

/** SHA-256 of a file's bytes, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// Reading failures that may not happen again (a timeout on a loaded machine) are not kept.
const TRANSIENT = /TIMEOUT|CRASH|WORKER|KILLED|INTERNAL/;

/** A reading failure that may not happen again, so is neither cached nor taken as final. */
export const isTransient = (value: Document | ReadError): boolean =>
  'error' in value && TRANSIENT.test(value.error.code);

/** Documents already read, by file content and reader. */
export class DocumentCache {
  readonly #dir: string;
  readonly #key: string;

  /** `readerKey` changes whenever the reader or its options would read differently. */
  constructor(sessionDir: string, readerKey: string) {
    this.#dir = join(sessionDir, '.cache', 'documents');
    this.#key = createHash('sha256').update(readerKey).digest('hex').slice(0, 16);
  }

  #path(sha256: string): string {
    return join(this.#dir, `${sha256}-${this.#key}.json`);
  }

  /** The cached reading of the dossier with this SHA-256, if any. */
  async get(sha256: string): Promise<Document | ReadError | undefined> {
    const text = await readFile(this.#path(sha256), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      const document = Document.safeParse(value);
      if (document.success) return document.data;
      const error = ReadError.safeParse(value);
      return error.success ? error.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps a reading; transient failures are not kept. */
  async set(sha256: string, value: Document | ReadError): Promise<void> {
    if (isTransient(value)) return;
    await writeIfChanged(this.#path(sha256), JSON.stringify(value));
  }
}

/** How dossiers are read; part of the cache key. */
export interface ReadOptions {
  readonly libreoffice: boolean;
  /** False: scanned pages are not recognised (OCR). */
  readonly ocr?: boolean;
}

/** The cache of a session for these reading options (the one `check` fills). */
export function documentCache(sessionDir: string, options: ReadOptions): DocumentCache {
  return new DocumentCache(sessionDir, `${readerVersion} ${JSON.stringify(options)}`);
}

/** A dossier read, or found in the cache. */
export interface CachedReading {
  readonly sha256: string;
  readonly document: Document | ReadError;
  readonly cached: boolean;
}

/**
 * Reads the dossier at `path` unless the cache has it. `label` names the file in the error of
 * an unexpected failure (the session-relative path, so results do not depend on the machine);
 * `known` is the file's SHA-256 when the caller already has it.
 */
export async function readThroughCache(
  cache: DocumentCache,
  path: string,
  label: string,
  options: ReadOptions,
  known?: string,
): Promise<CachedReading> {
  const sha256 = known ?? (await sha256File(path));
  const cached = await cache.get(sha256);
  if (cached) return { sha256, document: cached, cached: true };
  const document = await readDossier(path, options).catch((error: unknown): ReadError => ({
    error: {
      code: 'READ_INTERNAL',
      message: `${label}: ${String(error)}`,
      hint: 'This is a bug in recevable; please report it.',
    },
  }));
  await cache.set(sha256, document);
  return { sha256, document, cached: false };
}
