/** Reads a dossier in the current process: format from the bytes, then the format's reader. */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Document, ReadError } from '../../schemas/document.ts';
import { Errors } from '../errors.ts';
import { readError } from './read-error.ts';
import { oleKind, sniff } from './sniff.ts';
import { unpack } from './zip.ts';

/** Options of a reading. */
export interface ReadOptions {
  /** Wall-clock limit of the whole reading, ms (default 60 000). */
  timeoutMs?: number;
  /** Heap limit of the reading process, MB (default 512). */
  memoryMb?: number;
  /** Render DOCX/ODT with LibreOffice for an exact page count when installed (default true). */
  libreoffice?: boolean;
  /** Recognise the text of scanned PDF pages (OCR) (default true). */
  ocr?: boolean;
  /** OCR worker threads, each on a core (default 1; `readDossier` sets it from the cores). */
  ocrWorkers?: number;
  /** Called after each scanned page the OCR recognised or gave up, `done` of `total`. */
  onOcrPage?: (done: number, total: number) => void;
}

const MAX_BYTES = 100 * 1024 * 1024;

/** Reads in this process. Used by the child of `readDossier`; call `readDossier` instead. */
export async function readDossierInProcess(
  path: string,
  options: ReadOptions = {},
): Promise<Document | ReadError> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return readError(Errors.ReadNotFound, path);
    if (info.size > MAX_BYTES)
      return readError(Errors.ReadTooLarge, path, `${Math.round(info.size / 1048576)} MB`);
    // A Buffer is a Uint8Array: no copy of a file that may weigh 100 MB (pdf.js gets its own).
    bytes = await readFile(path);
  } catch {
    return readError(Errors.ReadNotFound, path);
  }
  if (bytes.length === 0) return readError(Errors.ReadEmpty, path);
  const sniffed = sniff(bytes);
  const ext = extname(path).toLowerCase().slice(1);
  if (sniffed.kind === 'pdf') {
    const { readPdf } = await import('./pdf.ts');
    // A page's OCR must end before the reader is killed, so it gets less than the limit.
    const pageTimeoutMs = Math.max(10_000, (options.timeoutMs ?? 60_000) - 10_000);
    const ocr = { workers: options.ocrWorkers ?? 1, pageTimeoutMs, onPage: options.onOcrPage };
    const doc = await readPdf(bytes, options.ocr === false ? undefined : ocr);
    if ('kind' in doc) {
      return doc.kind === 'encrypted'
        ? readError(Errors.ReadPdfEncrypted, path)
        : readError(Errors.ReadPdfCorrupt, path, doc.detail);
    }
    return renamed(doc, ext, path);
  }
  if (sniffed.kind === 'ole') {
    const kind = oleKind(bytes);
    if (kind === 'encrypted-ooxml') return readError(Errors.ReadDocEncrypted, path);
    if (kind === 'doc') return readError(Errors.ReadLegacyDoc, path);
    return readError(Errors.ReadUnknownFormat, path, 'an old Microsoft Office file');
  }
  if (sniffed.kind === 'other') return readError(Errors.ReadUnknownFormat, path, sniffed.looksLike);
  const zip = unpack(bytes, (name) => /(\.xml|\.rels)$|^mimetype$/.test(name));
  if ('kind' in zip) {
    return zip.kind === 'bomb'
      ? readError(Errors.ReadZipBomb, path, zip.detail)
      : readError(Errors.ReadDocxCorrupt, path, zip.detail);
  }
  for (const [name, content] of zip.files) {
    if (
      name.endsWith('.xml') &&
      /<!DOCTYPE/i.test(Buffer.from(content.subarray(0, 4096)).toString('latin1'))
    ) {
      return readError(Errors.ReadXmlDoctype, path, name);
    }
  }
  // LibreOffice must finish before the reader is killed, or its process would be orphaned.
  const libreofficeMs =
    options.libreoffice === false ? 0 : Math.min(45_000, (options.timeoutMs ?? 60_000) - 5_000);
  if (zip.files.has('word/document.xml')) {
    const { readDocx } = await import('./docx.ts');
    const doc = await readDocx(path, bytes, zip.files, { libreofficeMs });
    return 'error' in doc ? doc : renamed(doc, ext, path);
  }
  if (zip.files.has('content.xml')) {
    const { readOdt } = await import('./odt.ts');
    const doc = await readOdt(path, bytes, zip.files, { libreofficeMs });
    return 'error' in doc ? doc : renamed(doc, ext, path);
  }
  return readError(
    Errors.ReadUnknownFormat,
    path,
    'a zip archive that is not a Word or OpenDocument file',
  );
}

function renamed(doc: Document, ext: string, path: string): Document {
  const expected = doc.format === 'docx' ? ['docx', 'docm'] : [doc.format];
  if (ext && !expected.includes(ext)) {
    doc.warnings.push({
      code: 'READ_EXTENSION_MISMATCH',
      message: `${path} is named .${ext} but is a ${doc.format.toUpperCase()} file; read as ${doc.format.toUpperCase()}.`,
    });
  }
  return doc;
}
