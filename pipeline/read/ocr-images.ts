/**
 * The image a scanned page paints, as the OCR reads it. A scanner writes one JPEG per page
 * (a DCTDecode stream): its bytes are handed to the OCR as they are, taken raw with pdf-lib,
 * since pdf.js's API only ever gives decoded pixels. pdf-lib resolves what a hand parser would
 * have to redo for every producer (cross-reference streams, object streams, inherited
 * resources, indirect lengths) and scans objects when the cross-reference table is broken.
 * Any other encoding (Flate, CCITT fax, JBIG2, JPEG 2000, indexed colours, a Decode array, an
 * encrypted file) is decoded by pdf.js, which implements them all, and encoded as PNG.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import {
  getDocument,
  OPS,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import { encodePng, type Pixels } from './ocr-png.ts';

/** A page image ready for the OCR. */
export interface PageImage {
  type: 'jpeg' | 'png';
  bytes: Uint8Array;
  width: number;
  height: number;
  /** PDF points per image pixel (72 / resolution), from the page width. */
  ptPerPx: number;
  /** `raw`: the JPEG stream of the PDF as is; `decoded`: decoded by pdf.js, encoded as PNG. */
  via: 'raw' | 'decoded';
}

/** Why a page gives no image to recognise. */
export interface ImageProblem {
  problem: string;
}

/**
 * Larger images are not recognised: 600 dpi A4 is 35 megapixels; beyond that a page image
 * is a decompression bomb or a poster, and the OCR's memory would grow past the reader's cap.
 */
export const MAX_PIXELS = 40_000_000;
/** Form XObjects nested deeper than this are not searched for the page's image. */
const MAX_DEPTH = 3;

const root = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), '/');

/** The images of a PDF's scanned pages, one page at a time (pages are 1-based). */
export class PageImages {
  readonly #bytes: Uint8Array;
  #raw: Promise<PDFDocument | undefined> | undefined;
  #decoded: Promise<PDFDocumentProxy> | undefined;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** The image of page `number`, or why there is none. Never throws. */
  async image(number: number): Promise<PageImage | ImageProblem> {
    try {
      const raw = await this.#rawJpeg(number);
      if (raw) return raw;
      return await this.#decode(number);
    } catch (error) {
      return { problem: `its image could not be read (${(error as Error).message || 'error'})` };
    }
  }

  /** Frees both parsed documents. */
  async close(): Promise<void> {
    const decoded = this.#decoded;
    this.#raw = undefined;
    this.#decoded = undefined;
    await decoded?.then((doc) => doc.loadingTask.destroy()).catch(() => undefined);
  }

  /** The page's largest painted image when it is a plain JPEG stream of an unencrypted file. */
  async #rawJpeg(number: number): Promise<PageImage | ImageProblem | undefined> {
    this.#raw ??= PDFDocument.load(this.#bytes, {
      ignoreEncryption: true,
      throwOnInvalidObject: false,
      updateMetadata: false,
    }).then(
      (doc) => (doc.isEncrypted ? undefined : doc),
      () => undefined,
    );
    const doc = await this.#raw;
    if (!doc || number > doc.getPageCount()) return undefined;
    const page = doc.getPage(number - 1);
    const resources = page.node.Resources();
    const images = resources ? paintedImages(page.node.Contents(), resources, 0) : [];
    const largest = images.sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (!largest) return undefined;
    if (largest.width * largest.height > MAX_PIXELS) return tooLarge(largest);
    const { dict, contents } = largest.stream;
    const filter = dict.lookup(PDFName.of('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
    const jpeg =
      filters.length === 1 &&
      filters[0] === PDFName.of('DCTDecode') &&
      !dict.has(PDFName.of('Decode')) &&
      contents[0] === 0xff &&
      contents[1] === 0xd8;
    if (!jpeg) return undefined;
    const { width } = page.getSize();
    return {
      type: 'jpeg',
      bytes: contents,
      width: largest.width,
      height: largest.height,
      ptPerPx: width / largest.width,
      via: 'raw',
    };
  }

  /** The page's largest painted image, decoded by pdf.js, as PNG. */
  async #decode(number: number): Promise<PageImage | ImageProblem> {
    this.#decoded ??= getDocument({
      data: new Uint8Array(this.#bytes),
      standardFontDataUrl: `${root}standard_fonts/`,
      cMapUrl: `${root}cmaps/`,
      wasmUrl: `${root}wasm/`,
      cMapPacked: true,
      useSystemFonts: true,
      maxImageSize: MAX_PIXELS,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
    const doc = await this.#decoded;
    const page = await doc.getPage(number);
    try {
      const pixels = await largestPainted(page);
      if (!pixels) return { problem: 'it paints no image the OCR can read' };
      const [x0 = 0, , x1 = 0] = page.view;
      return {
        type: 'png',
        bytes: encodePng(pixels),
        width: pixels.width,
        height: pixels.height,
        ptPerPx: Math.abs(x1 - x0) / pixels.width,
        via: 'decoded',
      };
    } finally {
      page.cleanup();
    }
  }
}

const tooLarge = ({ width, height }: { width: number; height: number }): ImageProblem => ({
  problem: `its image of ${width}×${height} pixels is too large to recognise (${MAX_PIXELS / 1e6} megapixels at most)`,
});

interface RawImage {
  stream: PDFRawStream;
  width: number;
  height: number;
}

/** Names painted with `Do` in a content stream (names may escape characters as `#xx`). */
function paintedNames(contents: PDFObject | undefined, context: PDFContext): string[] {
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((ref) => context.lookup(ref))
      : [contents];
  const names: string[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    for (const match of text.matchAll(/\/([^\s/[\]()<>{}%]+)\s*Do\b/g))
      names.push(match[1] as string);
  }
  return [...new Set(names)];
}

/** The images a content stream paints, through the Form XObjects it paints. */
function paintedImages(contents: PDFObject | undefined, resources: PDFDict, depth: number) {
  const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return [];
  const images: RawImage[] = [];
  for (const name of paintedNames(contents, resources.context)) {
    const object = xobjects.lookup(PDFName.of(name));
    if (!(object instanceof PDFRawStream)) continue;
    const subtype = object.dict.lookup(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) {
      const width = object.dict.lookup(PDFName.of('Width'));
      const height = object.dict.lookup(PDFName.of('Height'));
      if (width instanceof PDFNumber && height instanceof PDFNumber)
        images.push({ stream: object, width: width.asNumber(), height: height.asNumber() });
    } else if (subtype === PDFName.of('Form') && depth < MAX_DEPTH) {
      const own = object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
      images.push(...paintedImages(object, own, depth + 1));
    }
  }
  return images;
}

/** pdf.js image kinds (`ImageKind`): 1-bit grey, RGB, RGBA. */
const CHANNELS: Record<number, Pixels['channels']> = { 1: 0, 2: 3, 3: 4 };

interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** The largest image the page paints, decoded, or undefined. */
async function largestPainted(page: PDFPageProxy): Promise<Pixels | undefined> {
  const list = await page.getOperatorList();
  let best: { id?: string; inline?: DecodedImage; area: number } = { area: 0 };
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.paintImageXObject || fn === OPS.paintImageXObjectRepeat) {
      const [id, width, height] = args as [string, number, number];
      if (width * height > best.area) best = { id, area: width * height };
    } else if (fn === OPS.paintInlineImageXObject) {
      const inline = args[0] as DecodedImage;
      if (inline.width * inline.height > best.area)
        best = { inline, area: inline.width * inline.height };
    }
  });
  const image = best.inline ?? (best.id ? await objectOf(page, best.id) : undefined);
  const channels = image ? CHANNELS[image.kind] : undefined;
  if (!image?.data || channels === undefined) return undefined;
  return { width: image.width, height: image.height, channels, data: image.data };
}

/** A decoded image object of the page (or of the document, for images shared by pages). */
function objectOf(page: PDFPageProxy, id: string): Promise<DecodedImage | undefined> {
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 10_000);
    objs.get(id, (value: unknown) => {
      clearTimeout(timer);
      resolve((value ?? undefined) as DecodedImage | undefined);
    });
  });
}
