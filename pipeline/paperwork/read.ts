/**
 * Reading a filled PDF's form back with pdf-lib: the hidden fields that say which document
 * it is, every radio group's choice, every text field's text and which signature fields hold
 * a signature. Whatever reader filled it (Acrobat, Preview, a tablet app, pdf.js), the field
 * names and export values are the ones `fields.ts` wrote.
 */
import { PDFDocument, PDFName, PDFRadioGroup, PDFSignature, PDFTextField } from 'pdf-lib';
import { HIDDEN } from './fields.ts';

/** Beyond this, a file is not a two-page form. */
export const MAX_PAPER_BYTES = 20 * 1024 * 1024;

/** The values of a PDF's fields, by full field name. */
export interface PaperFields {
  /** The choice of each radio group; undefined when none is ticked. */
  readonly radios: ReadonlyMap<string, string | undefined>;
  /** Each text field's text, trimmed, line ends as `\n`; undefined when empty. */
  readonly texts: ReadonlyMap<string, string | undefined>;
  /** Names of the signature fields that hold a signature value. */
  readonly signed: readonly string[];
  /** Names of other fields (check boxes, lists) someone added. */
  readonly other: readonly string[];
}

/** The fields, or the reason the bytes are not a readable form. */
export type ReadPaper = { ok: true; fields: PaperFields } | { ok: false; reason: string };

const clean = (text: string | undefined): string | undefined => {
  const value = text?.replace(/\r\n?/g, '\n').trim();
  return value ? value : undefined;
};

/** Reads the form of `bytes`; never throws. */
export async function readPaperFields(bytes: Uint8Array): Promise<ReadPaper> {
  if (bytes.length > MAX_PAPER_BYTES) {
    return {
      ok: false,
      reason: `${bytes.length} bytes, more than a sheet can be (${MAX_PAPER_BYTES})`,
    };
  }
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) {
    return { ok: false, reason: 'it does not start like a PDF file (no %PDF- header)' };
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'unknown error';
    return { ok: false, reason: /encrypt/i.test(message) ? 'it is encrypted' : message };
  }
  const radios = new Map<string, string | undefined>();
  const texts = new Map<string, string | undefined>();
  const signed: string[] = [];
  const other: string[] = [];
  try {
    for (const field of doc.getForm().getFields()) {
      const name = field.getName();
      if (field instanceof PDFRadioGroup) radios.set(name, field.getSelected());
      else if (field instanceof PDFTextField) texts.set(name, clean(field.getText()));
      else if (field instanceof PDFSignature) {
        if (field.acroField.dict.get(PDFName.of('V'))) signed.push(name);
      } else other.push(name);
    }
  } catch (error) {
    return {
      ok: false,
      reason: `its form cannot be read (${(error as Error).message.split('\n')[0]})`,
    };
  }
  return { ok: true, fields: { radios, texts, signed, other } };
}

/** True when a juror has filled anything: a choice, a text, a signature (hidden fields aside). */
export function isFilled(fields: PaperFields): boolean {
  const hidden = new Set<string>(Object.values(HIDDEN));
  return (
    [...fields.radios.values()].some((v) => v !== undefined) ||
    [...fields.texts].some(([name, v]) => v !== undefined && !hidden.has(name)) ||
    fields.signed.length > 0
  );
}
