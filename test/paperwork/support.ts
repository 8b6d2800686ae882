/** Shared helpers of the paperwork tests: a demo copy with paperwork, filling forms, reading PDFs back. */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { parse } from 'yaml';
import { openPdf } from '../../pipeline/read/pdf-load.ts';
import { Schedule } from '../../schemas/schedule.ts';

export { demoCopy } from '../outcomes/support.ts';

/** What a juror fills: radio groups by name → option, text fields by name → text. */
export interface Filling {
  readonly radios?: Readonly<Record<string, string>>;
  readonly texts?: Readonly<Record<string, string>>;
}

const FONT = new URL(
  '../../node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf',
  import.meta.url,
);

/** Fills a PDF's form the way a PDF reader does (pdf-lib, appearances regenerated) and returns the bytes. */
export async function fill(bytes: Uint8Array, filling: Filling): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(FONT), { subset: true, customName: 'Typed' });
  const form = doc.getForm();
  for (const [name, option] of Object.entries(filling.radios ?? {}))
    form.getRadioGroup(name).select(option);
  for (const [name, text] of Object.entries(filling.texts ?? {}))
    form.getTextField(name).setText(text);
  form.updateFieldAppearances(font);
  return doc.save({ updateFieldAppearances: false });
}

/** Fills the file in place. */
export async function fillFile(path: string, filling: Filling, to = path): Promise<string> {
  await writeFile(to, await fill(await readFile(path), filling));
  return to;
}

/** A PDF read back with pdf.js: its text per page, its fields and its metadata. */
export interface ReadBack {
  readonly pages: string[];
  readonly fields: Map<
    string,
    { type: string; value: unknown; exportValues?: unknown; hidden?: boolean }[]
  >;
  readonly info: Record<string, unknown>;
}

/** Reads a PDF with pdf.js (legacy build, as the dossier reader does). */
export async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const doc = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join(''),
    );
  }
  const fields = ((await doc.getFieldObjects()) ?? new Map()) as unknown as ReadBack['fields'];
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  await doc.loadingTask.destroy();
  return { pages, fields, info };
}

/** `pdfinfo`'s page count and page size line. */
export function pdfinfo(path: string): { pages: number; size: string } {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]),
    size: /^Page size:\s+(.*)$/m.exec(out)?.[1] ?? '',
  };
}

/** Every font dictionary of the PDF, by base font name, and whether its program is embedded. */
export async function fontsOf(bytes: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts: { name: string; embedded: boolean }[] = [];
  const lookup = (dict: PDFDict, key: string) => doc.context.lookup(dict.get(PDFName.of(key)));
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || lookup(object, 'Type') !== PDFName.of('Font')) continue;
    // A composite font's program hangs on its descendant, listed on its own.
    if (lookup(object, 'Subtype') === PDFName.of('Type0')) continue;
    const descriptor = lookup(object, 'FontDescriptor');
    const embedded =
      descriptor instanceof PDFDict &&
      ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
    fonts.push({ name: String(lookup(object, 'BaseFont')), embedded });
  }
  return fonts;
}

/** The session's schedule, read independently of the paperwork code. */
export async function schedule(dir: string): Promise<Schedule> {
  return Schedule.parse(parse(await readFile(join(dir, 'schedule.yaml'), 'utf8')));
}
