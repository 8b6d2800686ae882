/**
 * The form fields of the paperwork, drawn at the canvas: radio groups of boxes with their
 * labels, multiline text areas and signature fields. pdf-lib has no signature field of its
 * own, so that one is built from its low-level objects (`/FT /Sig`).
 */
import { PDFName, PDFString, rgb, type PDFRadioGroup } from 'pdf-lib';
import { FIELD_BACKGROUND, INK, LINE, MARGIN, type Canvas } from './layout.ts';

const BOX = 10;

/** One option of a radio group, with its label to the right of its box. */
export function radioOption(
  canvas: Canvas,
  group: PDFRadioGroup,
  value: string,
  label: string,
  x: number,
  baseline: number,
): number {
  group.addOptionToPage(value, canvas.page, {
    x,
    y: baseline - 1.5,
    width: BOX,
    height: BOX,
    borderColor: INK,
    borderWidth: 0.8,
    backgroundColor: rgb(1, 1, 1),
  });
  canvas.label(label, x + BOX + 4, baseline, { size: 9.5 });
  return x + BOX + 4 + canvas.fonts.regular.widthOfTextAtSize(label, 9.5) + 14;
}

/** A multiline text field of `height` points below the cursor; moves the cursor under it. */
export function textArea(
  canvas: Canvas,
  name: string,
  height: number,
  x: number = MARGIN.x,
  width: number = canvas.right - x,
): void {
  const field = canvas.doc.getForm().createTextField(name);
  field.enableMultiline();
  field.disableRichFormatting();
  field.addToPage(canvas.page, {
    x,
    y: canvas.y - height,
    width,
    height,
    font: canvas.fonts.regular,
    borderColor: LINE,
    borderWidth: 0.6,
    backgroundColor: FIELD_BACKGROUND,
  });
  field.setFontSize(10);
  canvas.y -= height;
}

/** A signature field (`/FT /Sig`) in the given rectangle of the current page. */
export function signatureField(
  canvas: Canvas,
  name: string,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const { context } = canvas.doc;
  const page = canvas.page;
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(name),
    TU: PDFString.of('Signature'),
    Rect: [x, y, x + width, y + height],
    F: 4,
    P: page.ref,
  });
  const ref = context.register(widget);
  page.node.addAnnot(ref);
  canvas.doc.getForm().acroForm.addField(ref);
  canvas.doc.catalog.getOrCreateAcroForm().dict.set(PDFName.of('SigFlags'), context.obj(1));
}
