/** Reads a DOCX dossier into a Document: text and headings with mammoth, pages by a chain of methods. */
import { strFromU8, zipSync, type Zippable } from 'fflate';
import type { Document, ReadError, ReadWarning } from '../../schemas/document.ts';
import { Errors } from '../errors.ts';
import { countWords } from './clean.ts';
import { docxHeadings } from './docx-headings.ts';
import { unrenderedPages } from './docx-pages.ts';
import { readParagraphs, styleOutlineLevels, type Para } from './docx-paragraphs.ts';
import { hiddenDocxText } from './hidden-docx.ts';
import { readError } from './read-error.ts';
import { renderPdf } from './libreoffice.ts';
import { readPdf } from './pdf.ts';
import { placeHeadings } from './rendered.ts';

/** Only the validated XML parts go to mammoth: what it unzips can no longer surprise us. */
function repack(files: Map<string, Uint8Array>): Buffer {
  const zippable: Zippable = {};
  for (const [name, bytes] of files) zippable[name] = [bytes, { level: 0 }];
  return Buffer.from(zipSync(zippable));
}

const text = (files: Map<string, Uint8Array>, name: string): string | undefined => {
  const bytes = files.get(name);
  return bytes ? strFromU8(bytes) : undefined;
};

export async function readDocx(
  path: string,
  bytes: Uint8Array,
  files: Map<string, Uint8Array>,
  options: { /** Time LibreOffice may take, ms; 0 = do not render. */ libreofficeMs: number },
): Promise<Document | ReadError> {
  let paragraphs: Para[];
  try {
    paragraphs = await readParagraphs(repack(files));
  } catch (error) {
    return readError(
      Errors.ReadDocxCorrupt,
      path,
      (error as Error).message.split('\n')[0] ?? 'unreadable',
    );
  }
  const warnings: ReadWarning[] = [];
  const found = docxHeadings(paragraphs, styleOutlineLevels(text(files, 'word/styles.xml') ?? ''));
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.text.length + 1;
  }
  const headings = found.map(({ heading, index }) => ({ ...heading, offset: starts[index] ?? 0 }));
  const body = paragraphs.map((p) => p.text).join('\n');
  const appXml = text(files, 'docProps/app.xml');
  const document: Document = {
    format: 'docx',
    pages: unrenderedPages(
      text(files, 'word/document.xml') ?? '',
      appXml,
      text(files, 'word/styles.xml') ?? '',
    ),
    textLayer: 'full',
    scannedPages: [],
    headings,
    text: body,
    pageOffsets: [0],
    words: countWords(body),
    warnings,
    meta: meta(appXml, text(files, 'docProps/core.xml')),
  };
  await renderPages(document, bytes, 'docx', options.libreofficeMs);
  // White, 1-pt and hidden runs: mammoth keeps their text, not their properties.
  const hidden = hiddenDocxText(files, document);
  if (hidden.length > 0) document.hidden = hidden;
  return document;
}

/** Replaces the estimated count with LibreOffice's rendering when possible, and says which it is. */
export async function renderPages(
  document: Document,
  bytes: Uint8Array,
  extension: 'docx' | 'odt',
  libreofficeMs: number,
): Promise<void> {
  const fallback = document.pages;
  const explain = (why: string): void => {
    const range = fallback.range ? ` (between ${fallback.range[0]} and ${fallback.range[1]})` : '';
    document.warnings.push({
      code: 'READ_PAGES_ESTIMATED',
      message: `${why}: the page count ${fallback.count}${range} comes from ${fallback.method} and is not exact.`,
    });
  };
  if (libreofficeMs <= 0) return explain('LibreOffice rendering was turned off');
  const pdf = await renderPdf(bytes, extension, libreofficeMs);
  if ('failed' in pdf) return explain(pdf.failed);
  // Its hidden text is found in the Word file itself.
  const rendered = await readPdf(pdf, undefined, false);
  if ('kind' in rendered)
    return explain(`LibreOffice's PDF could not be read (${rendered.detail})`);
  const count = rendered.pages.count;
  document.pages = { count, method: 'libreoffice', exact: true };
  // LibreOffice and Word paginate differently (fonts, spacing): when Word's own plausible
  // count disagrees, neither is certain.
  if (fallback.method === 'docx-app-xml' && Math.abs(fallback.count - count) > 2) {
    document.pages = {
      count,
      method: 'libreoffice',
      exact: false,
      range: [Math.min(count, fallback.count), Math.max(count, fallback.count)],
    };
    document.warnings.push({
      code: 'READ_PAGES_DISAGREE',
      message: `LibreOffice renders ${count} pages but Word recorded ${fallback.count} when it last saved the file: check the page count in Word or ask for a PDF.`,
    });
  }
  placeHeadings(document.headings, rendered);
  if (rendered.toc) document.toc = rendered.toc;
}

function meta(appXml: string | undefined, coreXml: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const application = appXml && /<Application>([^<]*)<\/Application>/.exec(appXml)?.[1];
  if (application) out['application'] = application.slice(0, 200);
  const title = coreXml && /<dc:title>([^<]*)<\/dc:title>/.exec(coreXml)?.[1];
  if (title) out['title'] = title.slice(0, 200);
  const creator = coreXml && /<dc:creator>([^<]*)<\/dc:creator>/.exec(coreXml)?.[1];
  if (creator) out['author'] = creator.slice(0, 200);
  return out;
}
