/**
 * A PDF document of the paperwork with everything that would vary between runs pinned: the
 * creation and modification dates (the defence's start, given by the caller), the document
 * id (a digest of what the document says), the producer; pdf-lib's own ids come from a
 * seeded generator. The same inputs therefore give the same bytes.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, type PDFForm, type PDFPage, type PDFTextField } from 'pdf-lib';
import type { Fonts } from './fonts.ts';
import { HIDDEN, type PaperKind } from './fields.ts';

/** What the document's metadata says. */
export interface DocumentInfo {
  readonly title: string;
  readonly subject: string;
  /** Session id, written in the metadata and in a hidden field. */
  readonly session: string;
  readonly kind: PaperKind;
  /** Other hidden fields, e.g. `{ 'recevable.candidate': 'C001' }`. */
  readonly hidden: Readonly<Record<string, string>>;
  /** Creation and modification date. */
  readonly date: Date;
}

/** A new empty document with its metadata set. */
export async function createDocument(info: DocumentInfo): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setSubject(info.subject);
  doc.setAuthor(info.session);
  doc.setKeywords([
    'recevable',
    `session:${info.session}`,
    `document:${info.kind}`,
    ...Object.entries(info.hidden).map(([k, v]) => `${k.replace('recevable.', '')}:${v}`),
  ]);
  doc.setCreator('recevable paperwork');
  doc.setProducer('Recevable');
  doc.setLanguage('fr-FR');
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  return doc;
}

/** Adds the hidden, read-only fields that tie the PDF to its session (on the first page). */
export function addHiddenFields(
  form: PDFForm,
  page: PDFPage,
  fonts: Fonts,
  info: DocumentInfo,
): void {
  const values: Record<string, string> = {
    [HIDDEN.session]: info.session,
    [HIDDEN.document]: info.kind,
    ...info.hidden,
  };
  for (const [name, value] of Object.entries(values)) {
    const field: PDFTextField = form.createTextField(name);
    field.setText(value);
    field.enableReadOnly();
    field.addToPage(page, {
      x: 0,
      y: 0,
      width: 1,
      height: 1,
      hidden: true,
      font: fonts.regular,
      borderWidth: 0,
    });
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * Saves with a fixed document id: its first half names the document (`identity`), the second
 * what it says (`content`), as the PDF specification intends. Field appearances are drawn
 * with the embedded font (pdf-lib would draw them in Helvetica, which is not embedded).
 */
export async function saveDocument(
  doc: PDFDocument,
  fonts: Fonts,
  identity: string,
  content: string,
): Promise<Uint8Array> {
  doc.getForm().updateFieldAppearances(fonts.regular);
  doc.context.trailerInfo.ID = doc.context.obj([
    PDFHexString.of(digest(identity)),
    PDFHexString.of(digest(content)),
  ]);
  return doc.save({ updateFieldAppearances: false, useObjectStreams: false });
}
