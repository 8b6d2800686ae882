/**
 * PNG encoding of decoded page images, for the OCR: 8-bit or 1-bit greyscale, no filter, zlib
 * from fflate. A page image is about a megapixel of flat paper: speed matters more than size.
 */
import { zlibSync } from 'fflate';

/** Decoded pixels: `channels` 8-bit samples per pixel, rows packed; or 1-bit rows padded to bytes. */
export interface Pixels {
  width: number;
  height: number;
  /** 1 = grey, 3 = RGB, 4 = RGBA (8 bits each); 0 = 1-bit grey, 1 = white, rows padded to bytes. */
  channels: 0 | 1 | 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Colour pixels as 8-bit grey (Rec. 601 luma): the OCR binarises grey anyway. */
function toGrey({ width, height, channels, data }: Pixels): Uint8Array {
  if (channels === 1) return data instanceof Uint8Array ? data : new Uint8Array(data.buffer);
  const grey = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < grey.length; i++, j += channels) {
    grey[i] =
      ((data[j] as number) * 77 + (data[j + 1] as number) * 150 + (data[j + 2] as number) * 29) >>
      8;
  }
  return grey;
}

/** Encodes pixels as a greyscale PNG (1-bit pixels stay 1-bit). */
export function encodePng(pixels: Pixels): Uint8Array {
  const { width, height } = pixels;
  const bits = pixels.channels === 0 ? 1 : 8;
  const samples = pixels.channels === 0 ? pixels.data : toGrey(pixels);
  const rowBytes = bits === 1 ? Math.ceil(width / 8) : width;
  if (samples.length < rowBytes * height)
    throw new RangeError(`${samples.length} bytes for a ${width}×${height} image`);
  const raw = new Uint8Array((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter byte 0 (none) stays 0.
    raw.set(samples.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([bits, 0, 0, 0, 0], 8); // bit depth, greyscale, deflate, no filter method, no interlace
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
