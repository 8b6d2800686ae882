/**
 * Drawing the paperwork on A4 pages: a cursor that flows text down the page, wraps it to a
 * width, starts a new page when a block would not fit, and numbers the pages at the end.
 */
import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Fonts } from './fonts.ts';

export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.35, 0.35, 0.38);
export const ACCENT = rgb(0.12, 0.23, 0.41);
export const LINE = rgb(0.6, 0.62, 0.66);
export const FIELD_BACKGROUND = rgb(0.95, 0.96, 0.99);

/** Page margins, in points. */
export const MARGIN = { x: 48, top: 48, bottom: 56 } as const;

/** Options of a run of text. */
export interface TextOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly color?: RGB;
  /** Left edge; the left margin by default. */
  readonly x?: number;
  /** Width to wrap in; up to the right margin by default. */
  readonly width?: number;
  /** Space after the last line, in points. */
  readonly after?: number;
}

/** Lines of `text` that fit in `width` (explicit line breaks kept; no-break spaces hold). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** The pages of one document and the cursor on the current one. */
export class Canvas {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  readonly pages: PDFPage[] = [];
  /** Baseline position of the next line, from the bottom of the page. */
  y = 0;
  readonly width: number;
  readonly height: number;

  constructor(doc: PDFDocument, fonts: Fonts) {
    this.doc = doc;
    this.fonts = fonts;
    [this.width, this.height] = PageSizes.A4;
    this.newPage();
  }

  get page(): PDFPage {
    const page = this.pages.at(-1);
    if (!page) throw new Error('Canvas has no page');
    return page;
  }

  /** Right edge of the text area. */
  get right(): number {
    return this.width - MARGIN.x;
  }

  newPage(): void {
    this.pages.push(this.doc.addPage(PageSizes.A4));
    this.y = this.height - MARGIN.top;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  /** Height the text would take, with `text`'s options. */
  measure(text: string, options: TextOptions = {}): number {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const width = options.width ?? this.right - (options.x ?? MARGIN.x);
    return wrap(text, font, size, width).length * size * 1.3 + (options.after ?? 0);
  }

  /** Draws wrapped text at the cursor and moves it down. */
  text(text: string, options: TextOptions = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const x = options.x ?? MARGIN.x;
    const width = options.width ?? this.right - x;
    for (const line of wrap(text, font, size, width)) {
      this.ensure(size * 1.3);
      this.y -= size;
      this.page.drawText(line, { x, y: this.y, size, font, color: options.color ?? INK });
      this.y -= size * 0.3;
    }
    this.y -= options.after ?? 0;
  }

  /** Draws text on one line at a given place, without moving the cursor. */
  label(text: string, x: number, y: number, options: TextOptions = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    this.page.drawText(text, { x, y, size, font, color: options.color ?? INK });
  }

  /** A section heading, kept with the `keep` points that follow it. */
  heading(text: string, keep = 60): void {
    this.ensure(30 + keep);
    this.y -= 10;
    this.text(text, { size: 12, bold: true, color: ACCENT, after: 2 });
    this.page.drawLine({
      start: { x: MARGIN.x, y: this.y },
      end: { x: this.right, y: this.y },
      thickness: 0.6,
      color: ACCENT,
    });
    this.y -= 8;
  }

  /** A frame, from (x, y) at its bottom left. */
  frame(x: number, y: number, width: number, height: number): void {
    this.page.drawRectangle({ x, y, width, height, borderColor: LINE, borderWidth: 0.6 });
  }

  /** Writes `footer(page, count)` at the bottom of every page. */
  number(footer: (page: number, count: number) => string): void {
    this.pages.forEach((page, i) => {
      const text = footer(i + 1, this.pages.length);
      page.drawText(text, {
        x: MARGIN.x,
        y: MARGIN.bottom - 24,
        size: 8,
        font: this.fonts.regular,
        color: MUTED,
      });
    });
  }
}
