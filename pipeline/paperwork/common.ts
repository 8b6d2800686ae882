/**
 * Parts every document of the paperwork shares: its start (document, fonts, hidden fields,
 * header), the header and the jurors' signature boxes.
 */
import type { PDFDocument } from 'pdf-lib';
import type { Juror, SessionHeader } from './plan.ts';
import { addHiddenFields, createDocument, type DocumentInfo } from './document.ts';
import { signature } from './fields.ts';
import { embedFonts, type Fonts } from './fonts.ts';
import { ACCENT, Canvas, MARGIN, MUTED } from './layout.ts';
import { signatureField } from './widgets.ts';

/** A new document with its fonts, its hidden fields (what it belongs to) and its header drawn. */
export async function startPaper(
  info: DocumentInfo,
  session: SessionHeader,
  title: string,
  subtitle: string,
): Promise<{ doc: PDFDocument; fonts: Fonts; canvas: Canvas }> {
  const doc = await createDocument(info);
  const fonts = await embedFonts(doc);
  const canvas = new Canvas(doc, fonts);
  addHiddenFields(doc.getForm(), canvas.page, fonts, info);
  drawHeader(canvas, session, title, subtitle);
  return { doc, fonts, canvas };
}

/** The venue, the session, the title and its subtitle. */
export function drawHeader(
  canvas: Canvas,
  session: SessionHeader,
  title: string,
  subtitle: string,
): void {
  canvas.text(session.venue.toUpperCase(), { size: 9, bold: true, color: ACCENT });
  canvas.text(session.title, { size: 9, color: MUTED, after: 14 });
  canvas.text(title, { size: 18, bold: true, after: 2 });
  canvas.text(subtitle, { size: 10.5, color: MUTED, after: 10 });
}

/** Label and value rows: the value wraps in its column. */
export function drawFacts(canvas: Canvas, rows: readonly (readonly [string, string])[]): void {
  const labelWidth = 118;
  const x = MARGIN.x + labelWidth;
  for (const [label, value] of rows) {
    const height = canvas.measure(value, { x });
    canvas.ensure(height);
    const top = canvas.y;
    canvas.label(label, MARGIN.x, top - 10, { size: 10, bold: true });
    canvas.text(value, { x });
    canvas.y = Math.min(canvas.y, top - 13) - 3;
  }
}

/** One box per juror with their name and company, holding a signature field. */
export function drawSignatures(canvas: Canvas, jury: readonly Juror[], dated: string): void {
  const gap = 16;
  const count = Math.max(jury.length, 1);
  const width = (canvas.right - MARGIN.x - gap * (count - 1)) / count;
  const height = 92;
  canvas.ensure(height + 8);
  const top = canvas.y;
  jury.forEach((juror, i) => {
    const x = MARGIN.x + i * (width + gap);
    canvas.frame(x, top - height, width, height);
    canvas.label(juror.name, x + 8, top - 14, { size: 10, bold: true });
    canvas.label(juror.company, x + 8, top - 26, { size: 8.5, color: MUTED });
    canvas.label(`Le ${dated}, signature\u00a0:`, x + 8, top - 40, { size: 8.5, color: MUTED });
    signatureField(canvas, signature(juror.id), x + 6, top - height + 6, width - 12, height - 52);
  });
  canvas.y = top - height - 6;
}
