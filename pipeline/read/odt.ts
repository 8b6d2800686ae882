/**
 * Reads an OpenDocument text (LibreOffice's .odt): text and headings from content.xml
 * (`text:h` with `text:outline-level`), pages from LibreOffice's rendering when installed,
 * else from meta.xml's statistics as an estimate.
 */
import { strFromU8 } from 'fflate';
import type { Document, Heading, ReadError } from '../../schemas/document.ts';
import { Errors } from '../errors.ts';
import { countWords } from './clean.ts';
import { renderPages } from './docx.ts';
import { readError } from './read-error.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(xml: string): string {
  return xml
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n: string | undefined) =>
      ' '.repeat(Number(n ?? 1)),
    )
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/[ \u00a0]+/g, ' ')
    .trim();
}

export async function readOdt(
  path: string,
  bytes: Uint8Array,
  files: Map<string, Uint8Array>,
  options: { /** Time LibreOffice may take, ms; 0 = do not render. */ libreofficeMs: number },
): Promise<Document | ReadError> {
  const mimetype = files.get('mimetype');
  if (mimetype && !strFromU8(mimetype).includes('opendocument.text')) {
    return readError(
      Errors.ReadOdtUnsupported,
      path,
      `${strFromU8(mimetype).trim()} is not a text document`,
    );
  }
  const content = strFromU8(files.get('content.xml') as Uint8Array);
  const body = /<office:text[^>]*>([\s\S]*)<\/office:text>/.exec(content)?.[1];
  if (body === undefined)
    return readError(Errors.ReadOdtUnsupported, path, 'content.xml has no text body');
  const headings: Heading[] = [];
  const lines: string[] = [];
  for (const match of body.matchAll(/<text:(h|p)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/text:\1>)/g)) {
    const line = xmlText(match[3] ?? '');
    if (!line) continue;
    if (match[1] === 'h') {
      const level = Number(/text:outline-level="(\d+)"/.exec(match[2] ?? '')?.[1] ?? 1);
      headings.push({
        level: Math.min(Math.max(level, 1), 9),
        text: line,
        source: 'style',
        offset: lines.join('\n').length + (lines.length > 0 ? 1 : 0),
      });
    }
    lines.push(line);
  }
  const text = lines.join('\n');
  const metaXml = files.get('meta.xml') ? strFromU8(files.get('meta.xml') as Uint8Array) : '';
  const stated = Number(/meta:page-count="(\d+)"/.exec(metaXml)?.[1] ?? 0);
  const estimate = stated > 0 ? stated : Math.max(1, Math.ceil(countWords(text) / 400));
  const document: Document = {
    format: 'odt',
    pages: {
      count: estimate,
      method: 'estimate',
      exact: false,
      range: [Math.max(1, estimate - 2), estimate + 2],
    },
    textLayer: 'full',
    scannedPages: [],
    headings,
    text,
    pageOffsets: [0],
    words: countWords(text),
    warnings: [],
    meta: {},
  };
  await renderPages(document, bytes, 'odt', options.libreofficeMs);
  return document;
}
