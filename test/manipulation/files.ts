/**
 * Real PDF and DOCX files that hide text the way students do to dilute a copy: white or
 * near-white text, text in a 1-pt font, text drawn then covered by an image, invisible text
 * (render mode 3) with nothing under it; and the legitimate look-alikes that must not be
 * flagged: an OCR layer (invisible text over a full-page scan), white text on a dark banner.
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { strToU8, zipSync } from 'fflate';
import { paragraph } from '../fixtures/dossier/prose.ts';

/** What a page of a generated file holds, in order of drawing. */
export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'white'; text: string; color?: string }
  | { kind: 'tiny'; text: string }
  | { kind: 'covered'; text: string }
  | { kind: 'invisible'; text: string }
  | { kind: 'ocr'; text: string }
  | { kind: 'banner'; text: string }
  | { kind: 'vanish'; text: string }
  | { kind: 'photo' };

const FIXED_DATE = new Date('2023-08-20T10:00:00Z');

/** A grey PNG of `width` × `height` pixels (a photo or a scan). */
function png(width: number, height: number, shade = 0x90, noise = false): Buffer {
  const raw = Buffer.alloc((width + 1) * height, shade);
  // Noise does not compress: a photo's weight.
  let x = 2463534242;
  if (noise)
    for (let i = 0; i < raw.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      raw[i] = x & 0xff;
    }
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PDF of the given pages (each a list of blocks), in Helvetica 11 pt. */
export function manipulatedPdf(pages: readonly (readonly Block[])[]): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 72,
    autoFirstPage: false,
    compress: true,
    info: { Title: 'Dossier', Producer: 'pdfkit', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  const width = 595.28 - 144;
  for (const blocks of pages) {
    doc.addPage();
    doc.font('Helvetica').fontSize(11).fillColor('#000000');
    for (const block of blocks) {
      if (block.kind === 'text') {
        doc.fillColor('#000000').fontSize(11).text(block.text, { width });
      } else if (block.kind === 'white') {
        doc
          .fillColor(block.color ?? '#ffffff')
          .fontSize(11)
          .text(block.text, { width });
        doc.fillColor('#000000');
      } else if (block.kind === 'tiny') {
        doc.fillColor('#000000').fontSize(1).text(block.text, { width });
        doc.fontSize(11);
      } else if (block.kind === 'covered') {
        const y = doc.y;
        doc.fillColor('#000000').fontSize(11).text(block.text, { width });
        const height = doc.y - y;
        doc.image(png(40, 40), 72, y - 2, { width, height: height + 4 });
      } else if (block.kind === 'invisible') {
        doc.save();
        doc.addContent('3 Tr');
        doc.fillColor('#000000').fontSize(11).text(block.text, { width });
        doc.addContent('0 Tr');
        doc.restore();
      } else if (block.kind === 'ocr') {
        // A scan: the page image first, then its recognised text, invisible, over it.
        doc.image(png(120, 170, 0xf0), 0, 0, { width: 595.28, height: 841.89 });
        doc.save();
        doc.addContent('3 Tr');
        doc.fillColor('#000000').fontSize(11).text(block.text, 72, 72, { width });
        doc.addContent('0 Tr');
        doc.restore();
      } else if (block.kind === 'photo') {
        doc.image(png(600, 600, 0, true), 72, doc.y, { width: 300, height: 300 });
      } else if (block.kind === 'banner') {
        const y = doc.y;
        doc.rect(60, y - 6, width + 24, 40).fill('#1f3a5f');
        doc.fillColor('#ffffff').fontSize(16).text(block.text, 72, y, { width });
        doc.fillColor('#000000').fontSize(11).moveDown();
      }
    }
  }
  doc.end();
  return done;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A DOCX of the given paragraphs; each hiding block is a run of its own paragraph. */
export function manipulatedDocx(blocks: readonly Block[]): Uint8Array {
  const run = (text: string, props = ''): string =>
    `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  const body = blocks
    .map((block) => {
      const props =
        block.kind === 'white'
          ? `<w:color w:val="${(block.color ?? '#FFFFFF').slice(1).toUpperCase()}"/>`
          : block.kind === 'tiny'
            ? '<w:sz w:val="2"/><w:szCs w:val="2"/>'
            : block.kind === 'vanish'
              ? '<w:vanish/>'
              : block.kind === 'banner'
                ? '<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="1F3A5F"/>'
                : '';
      return `<w:p>${run('text' in block ? block.text : '', props)}</w:p>`;
    })
    .join('');
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  };
  return zipSync(files, { mtime: FIXED_DATE });
}

/** Own prose of a generated dossier: `count` paragraphs of the seed. */
export const ownProse = (seed: number, count: number): string[] =>
  Array.from({ length: count }, (_, k) => paragraph(seed, k));
