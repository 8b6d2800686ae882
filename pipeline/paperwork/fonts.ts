/**
 * The fonts of the paperwork: Liberation Sans, the TTF files pdfjs-dist ships (already a
 * dependency), so every machine embeds the very same bytes — a system font would differ from
 * one Debian release to the next and break byte-identical re-runs.
 */
import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const FILES = {
  regular: 'LiberationSans-Regular.ttf',
  bold: 'LiberationSans-Bold.ttf',
} as const;

/**
 * What a juror may type in a form field. The field font is a subset, so it must hold every
 * character a reader will need to draw what is typed: Latin-1, Latin Extended-A (œ, Œ…),
 * French punctuation and a few symbols.
 */
const REPERTOIRE = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x100, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
].flatMap(([from, to]) =>
  Array.from({ length: (to ?? 0) - (from ?? 0) + 1 }, (_, i) =>
    String.fromCodePoint((from ?? 0) + i),
  ),
);

/** The two weights, embedded in one document. */
export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

let bytes: Promise<Record<keyof typeof FILES, Uint8Array>> | undefined;

function fontBytes(): Promise<Record<keyof typeof FILES, Uint8Array>> {
  bytes ??= Promise.all([
    readFile(join(root, 'standard_fonts', FILES.regular)),
    readFile(join(root, 'standard_fonts', FILES.bold)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return bytes;
}

/** Embeds both fonts as subsets with fixed names (pdf-lib would add a random suffix). */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const data = await fontBytes();
  const regular = await doc.embedFont(data.regular, { subset: true, customName: 'LiberationSans' });
  const bold = await doc.embedFont(data.bold, { subset: true, customName: 'LiberationSans-Bold' });
  // Glyphs are kept in the subset as they are encoded: the form fields' font gets them all.
  const available = new Set(regular.getCharacterSet());
  regular.encodeText(REPERTOIRE.filter((c) => available.has(c.codePointAt(0) ?? 0)).join(''));
  return { regular, bold };
}
