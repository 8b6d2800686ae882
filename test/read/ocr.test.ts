import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageImages } from '../../pipeline/read/ocr-images.ts';
import { encodePng } from '../../pipeline/read/ocr-png.ts';
import { ocrPdf } from '../../pipeline/read/ocr-pdf.ts';
import { fromBlocks, snapSizes } from '../../pipeline/read/ocr.ts';
import type Tesseract from 'tesseract.js';
import { makePdf } from '../fixtures/dossier/generate.ts';
import { makeDistortedScan, makeFaxScan, makeImageScan } from '../fixtures/dossier/scan.ts';
import { planSections } from '../checks/mini-session.ts';

const spec = { pages: 4, sections: planSections, seed: 18 };

/** The chunks of a PNG file, each checked against node:zlib's CRC-32. */
function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length)).toBe(
      crc32(bytes.subarray(at + 4, at + 8 + length)),
    );
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

/** A PDF of one A4 page painting one image XObject, written by hand (offsets computed). */
function imagePdf(image: { dict: string; stream: Uint8Array }): Uint8Array {
  const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    [
      `<< /Type /XObject /Subtype /Image ${image.dict} /Length ${image.stream.length} >>\nstream\n`,
      image.stream,
      '\nendstream',
    ],
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const pieces = Array.isArray(object) ? object : [object];
    const body = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      ...pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(body);
    length += body.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    `trailer << /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
  ];
  parts.push(Buffer.from(`${xref.join('\n')}\n`));
  return new Uint8Array(Buffer.concat(parts));
}

describe('encodePng', () => {
  it('writes RGB pixels as 8-bit grey rows that zlib inflates back', () => {
    const data = new Uint8Array([
      255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 10, 20, 30, 128, 128, 128,
    ]);
    const png = encodePng({ width: 3, height: 2, channels: 3, data });
    const [ihdr, idat, iend] = chunks(png);
    expect(ihdr?.type).toBe('IHDR');
    expect(ihdr?.data.readUInt32BE(0)).toBe(3);
    expect(ihdr?.data.readUInt32BE(4)).toBe(2);
    expect([...(ihdr?.data.subarray(8) ?? [])]).toEqual([8, 0, 0, 0, 0]);
    expect(iend?.type).toBe('IEND');
    // Each row: filter byte 0, then the luma of white, black, red; blue, (10, 20, 30), grey.
    expect([...inflateSync(idat!.data)]).toEqual([0, 255, 0, 76, 0, 28, 18, 128]);
  });

  it('keeps 1-bit rows padded to bytes as they are', () => {
    const data = new Uint8Array([0b10100000, 0b01000000]);
    const png = encodePng({ width: 3, height: 2, channels: 0, data });
    const [ihdr, idat] = chunks(png);
    expect(ihdr?.data[8]).toBe(1);
    expect([...inflateSync(idat!.data)]).toEqual([0, 0b10100000, 0, 0b01000000]);
  });

  it('refuses pixels shorter than the image', () => {
    expect(() => encodePng({ width: 4, height: 4, channels: 1, data: new Uint8Array(3) })).toThrow(
      RangeError,
    );
  });
});

describe('page images of scanned PDFs', () => {
  it('hands over the JPEG stream of a scanned page byte for byte, as pdfimages extracts it', async () => {
    const scan = await makeImageScan(spec);
    const images = new PageImages(new Uint8Array(readFileSync(scan)));
    const image = await images.image(2);
    await images.close();
    const dir = mkdtempSync(join(tmpdir(), 'recevable-ocr-images-'));
    execFileSync('pdfimages', ['-j', '-f', '2', '-l', '2', scan, join(dir, 'page')]);
    const [jpeg] = readdirSync(dir);
    expect(image).toMatchObject({ type: 'jpeg', via: 'raw', width: 910, height: 1287 });
    expect(
      'bytes' in image && Buffer.from(image.bytes).equals(readFileSync(join(dir, jpeg!))),
    ).toBe(true);
    // 110 dpi: 72 / 110 points per pixel.
    expect('ptPerPx' in image && image.ptPerPx).toBeCloseTo(72 / 110, 2);
  });

  it('decodes a Flate-encoded grey page with pdf.js and encodes it as PNG', async () => {
    const scan = await makeDistortedScan(spec, { degrees: 0, noise: 0, encoding: 'png' });
    const images = new PageImages(new Uint8Array(readFileSync(scan)));
    const image = await images.image(1);
    await images.close();
    expect(image).toMatchObject({ type: 'png', via: 'decoded', width: 910, height: 1287 });
    const [ihdr] = chunks('bytes' in image ? image.bytes : new Uint8Array());
    expect(ihdr?.data.readUInt32BE(0)).toBe(910);
  });

  it('decodes a black-and-white CCITT page with pdf.js into a 1-bit PNG the OCR reads', async () => {
    const scan = new Uint8Array(readFileSync(await makeFaxScan(spec)));
    const images = new PageImages(scan);
    const image = await images.image(1);
    await images.close();
    expect(image).toMatchObject({ type: 'png', via: 'decoded', width: 1654, height: 2339 });
    const [ihdr] = chunks('bytes' in image ? image.bytes : new Uint8Array());
    expect(ihdr?.data[8]).toBe(1);
    const reading = await ocrPdf(scan, [1]);
    expect(reading.lines.get(1)?.map((l) => l.text)).toContain('Dossier professionnel');
    expect(reading.pageText[0]?.confidence).toBeGreaterThan(0.9);
  });

  it('decodes the pages of an encrypted scan, whose raw streams are ciphered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recevable-ocr-encrypted-'));
    const encrypted = join(dir, 'scan.pdf');
    execFileSync('qpdf', [
      '--encrypt',
      '',
      'owner',
      '256',
      '--',
      await makeImageScan(spec),
      encrypted,
    ]);
    const images = new PageImages(new Uint8Array(readFileSync(encrypted)));
    const image = await images.image(3);
    await images.close();
    expect(image).toMatchObject({ type: 'png', via: 'decoded', width: 910, height: 1287 });
  });

  it('says a page without an image paints none', async () => {
    const images = new PageImages(await makePdf(spec));
    expect(await images.image(2)).toEqual({ problem: 'it paints no image the OCR can read' });
    await images.close();
  });

  it('refuses an image too large to recognise without decoding it', async () => {
    const pdf = imagePdf({
      dict: '/Width 60000 /Height 80000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode',
      stream: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    });
    const images = new PageImages(pdf);
    const image = await images.image(1);
    await images.close();
    expect(image).toEqual({
      problem: 'its image of 60000×80000 pixels is too large to recognise (40 megapixels at most)',
    });
  });
});

describe('ocrPdf', () => {
  it('reports a JPEG stream that is not an image as a page it could not recognise', async () => {
    const pdf = imagePdf({
      dict: '/Width 100 /Height 140 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode',
      stream: new Uint8Array([
        0xff,
        0xd8,
        ...Array.from({ length: 200 }, (_, i) => i % 251),
        0xff,
        0xd9,
      ]),
    });
    const reading = await ocrPdf(pdf, [1]);
    expect(reading.pageText).toEqual([]);
    expect(reading.warnings).toHaveLength(1);
    expect(reading.warnings[0]?.code).toBe('READ_PDF_OCR_FAILED');
    expect(reading.warnings[0]?.message).toMatch(
      /^The text of scanned page\(s\) 1 could not be recognised: /,
    );
  });

  it('recognises the French text of a page scanned askew, with noise, and sizes its headings', async () => {
    const scan = await makeDistortedScan(spec, { degrees: 1.5, noise: 25 });
    const reading = await ocrPdf(new Uint8Array(readFileSync(scan)), [3], { workers: 1 });
    expect(reading.warnings).toEqual([]);
    const [page] = reading.pageText;
    expect(page).toMatchObject({ page: 3, text: 'ocr' });
    expect(page!.confidence).toBeGreaterThan(0.8);
    expect(page!.words).toBeGreaterThan(300);
    const lines = reading.lines.get(3) ?? [];
    const heading = lines.find((l) => /Environnement professionnel/.test(l.text));
    expect(heading).toBeDefined();
    const body = lines.filter((l) => l.text.length > 60);
    expect(body.length).toBeGreaterThan(20);
    // 18 pt over 11 pt body text (the generator's sizes), measured on pixels at 110 dpi.
    expect(heading!.size / body[0]!.size).toBeGreaterThan(1.4);
    expect(body[0]!.size).toBeGreaterThan(9);
    expect(body[0]!.size).toBeLessThan(13);
    // Lines in reading order: from the top of the page down.
    expect(lines[0]!.y).toBeGreaterThan(lines[lines.length - 1]!.y);
  });
});

describe('fromBlocks', () => {
  /** A word of letters 10 px wide from `x`, on the baseline y = 100, each `height` px tall. */
  const word = (text: string, x: number, confidence = 95, height = 20, hang = 0) => {
    const symbols = [...text].map((c, i) => ({
      text: c,
      confidence,
      bbox: { x0: x + i * 10, x1: x + i * 10 + 9, y0: 100 - height, y1: 100 + hang },
    }));
    const bbox = { x0: x, x1: x + text.length * 10, y0: 100 - height, y1: 100 + hang };
    return { text, confidence, bbox, symbols } as unknown as Tesseract.Word;
  };
  const block = (...lines: Tesseract.Word[][]) =>
    [
      {
        paragraphs: [
          {
            lines: lines.map((words) => ({
              words,
              baseline: { x0: 0, y0: 100, x1: 1000, y1: 100 },
              bbox: { x0: words[0]?.bbox.x0 ?? 0, y0: 80, x1: 1000, y1: 100 },
            })),
          },
        ],
      },
    ] as unknown as Tesseract.Block[];
  const picture = {
    type: 'png' as const,
    bytes: new Uint8Array(),
    width: 1000,
    height: 1400,
    ptPerPx: 0.7,
    via: 'decoded' as const,
  };

  it('sizes a line from the cap height of its tall letters, in points', () => {
    const [line] = fromBlocks(block([word('Titre', 10)]), picture).lines;
    // 20 px × 0.7 pt/px over a cap height of 0.7 em: 20 pt; 1300 px up from the bottom: 910 pt.
    expect(line).toEqual({ text: 'Titre', size: 20, bold: false, y: 910, x: 7 });
  });

  it('does not measure letters boxed below the baseline, nor words read as noise', () => {
    const page = fromBlocks(
      block(
        [word('Page', 10, 95, 10), word('3', 60, 80, 26, 10)],
        [word('Texte', 10, 95, 10)],
        [word('…..crercencens', 10, 0, 30)],
      ),
      picture,
    );
    expect(page.lines.map((l) => [l.text, l.size])).toEqual([
      ['Page 3', 10],
      ['Texte', 10],
    ]);
    expect(page.words).toBe(3);
    // The noise counts in the confidence: (95 × 9 + 80 + 0 × 11) / 21 letters.
    expect(page.confidence).toBeCloseTo(935 / 21 / 100, 3);
  });

  it('gives a line without a measurable letter the size of the page', () => {
    const page = fromBlocks(
      block([word('Texte', 10, 95, 10)], [word('«euro»', 10, 60, 40)]),
      picture,
    );
    expect(page.lines.map((l) => l.size)).toEqual([10, 10]);
  });
});

describe('snapSizes', () => {
  it('does not let a stray size split the lines of one printed size', () => {
    const line = (size: number, text: string) => ({ text, size, bold: false, y: 0, x: 0 });
    const lines = [
      line(11, 'b'.repeat(400)),
      line(17.5, 'ab'),
      line(19, 'Sommaire'),
      line(20, 'Réalisation'),
    ];
    snapSizes(lines);
    expect(lines.map((l) => l.size)).toEqual([11, 17.5, 20, 20]);
  });

  it('gives sizes within 12 % one size, the one carrying the most letters', () => {
    const line = (size: number, text: string) => ({ text, size, bold: false, y: 0, x: 0 });
    const lines = [
      line(10.5, 'a'.repeat(50)),
      line(11, 'b'.repeat(400)),
      line(11.5, 'c'),
      line(18, 'Titre'),
      line(17.5, 'Autre titre'),
    ];
    snapSizes(lines);
    expect(lines.map((l) => l.size)).toEqual([11, 11, 11, 17.5, 17.5]);
  });
});
