/**
 * The text of a file to compare: a UTF-8 `.txt` read as is, anything else (PDF, DOCX, ODT)
 * through the dossier reader. Throws a catalogue error naming the file when it has no text.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isReadError, readDossier } from '../read/index.ts';
import { Errors, RecevableError, recevableError } from '../errors.ts';
import type { Document } from '../../schemas/document.ts';
import type { Layout } from './exclusions.ts';

/** Largest plain text compared: far above any dossier (60 pages ≈ 0.3 MB of text). */
const MAX_TEXT_BYTES = 32 * 1048576;

/** A text and what is known of its layout. */
export interface SourceText {
  readonly text: string;
  readonly layout: Layout;
}

/** The comparison view of a Document read by the reader. */
export const fromDocument = (document: Document): SourceText => ({
  text: document.text,
  layout: {
    pageOffsets: document.pageOffsets,
    headings: document.headings,
    ...(document.toc ? { toc: document.toc } : {}),
    ...(document.hidden?.some((h) => h.start !== undefined)
      ? {
          hidden: document.hidden.flatMap((h) =>
            h.start !== undefined && h.end !== undefined ? [{ start: h.start, end: h.end }] : [],
          ),
        }
      : {}),
  },
});

/** Reads a plain text file, refusing binary content. */
export async function readPlainText(path: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw recevableError(
      Errors.TextUnreadable,
      path,
      (error as NodeJS.ErrnoException).code ?? 'cannot be read',
    );
  }
  if (bytes.length > MAX_TEXT_BYTES)
    throw recevableError(
      Errors.TextUnreadable,
      path,
      `it is larger than ${MAX_TEXT_BYTES / 1048576} MB`,
    );
  if (bytes.includes(0))
    throw recevableError(Errors.TextUnreadable, path, 'it is a binary file, not text');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.split('\uFFFD').length - 1;
  if (bad > 16 && bad > text.length / 100)
    throw recevableError(Errors.TextUnreadable, path, 'it is not UTF-8 text');
  return { text, layout: { pageOffsets: [0] } };
}

/** Reads any file the tool compares: .txt directly, dossiers through the reader. */
export async function readSourceText(path: string): Promise<SourceText> {
  if (extname(path).toLowerCase() === '.txt') return readPlainText(path);
  const document = await readDossier(path);
  if (isReadError(document))
    throw new RecevableError(document.error.code, document.error.message, document.error.hint);
  if (document.text.trim() === '')
    throw recevableError(Errors.TextUnreadable, path, 'it has no text layer');
  return fromDocument(document);
}
