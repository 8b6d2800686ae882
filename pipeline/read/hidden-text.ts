/**
 * Text a PDF page carries but a reader does not see, found in the page's operator list (pdf.js
 * gives no colour, size in context or painting order with the text content): white or
 * near-white text on nothing darker, text under 1.5 pt, text drawn and then covered by an
 * image, and invisible text (render mode 3, or a fill opacity of 0) with nothing under it.
 * Invisible text drawn over an image that was painted first is an OCR layer over a scan, and
 * white text over a dark shape or an image is a banner: neither is hidden.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Document } from '../../schemas/document.ts';
import { placeHidden } from './hidden.ts';
import type { OperatorList } from './pdf-load.ts';

/** How a run of text is hidden. */
export type HiddenKind = 'white' | 'tiny' | 'covered' | 'invisible';

/** A run of hidden text of one page, in drawing order. */
export interface HiddenRun {
  readonly kind: HiddenKind;
  readonly page: number;
  readonly text: string;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n: `m` applied first, then `n` (PDF's row-vector convention). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  x * m[0] + y * m[2] + m[4],
  x * m[1] + y * m[3] + m[5],
];

/** Bounds of the unit square, or of [x0, y0, x1, y1], under `m`. */
function boundsOf(m: Matrix, [x0, y0, x1, y1] = [0, 0, 1, 1]): Rect {
  const corners = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

type Rect = [number, number, number, number];
const inside = (r: Rect, x: number, y: number): boolean =>
  x >= r[0] - 1 && x <= r[2] + 1 && y >= r[1] - 1 && y <= r[3] + 1;

interface State {
  ctm: Matrix;
  fill: string;
  /** Fill opacity (ExtGState `ca`). */
  alpha: number;
  mode: number;
  fontSize: number;
  leading: number;
}

/** Something painted, in drawing order: an image, or a shape filled with a colour. */
interface Paint {
  readonly at: number;
  readonly rect: Rect;
  readonly image: boolean;
  readonly light: boolean;
}

interface Drawn {
  readonly at: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly light: boolean;
  readonly unseen: boolean;
}

/** Bytes per page above which a PDF is made of images and not searched for hidden text. */
const IMAGE_HEAVY_BYTES_PER_PAGE = 200 * 1024;

/** Smallest font size, in points on the page, a reader can read. */
const TINY_POINTS = 1.5;

/** Near-white: every channel at 240 or more (of 255). */
function isLight(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  return m.slice(1).every((c) => parseInt(c, 16) >= 240);
}

const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke]);
const IMAGES = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
]);

type Glyph = { unicode?: string; width?: number } | number | null;

/** The text and advance (in text space, before the font size) of a showText's glyphs. */
function glyphsOf(glyphs: readonly Glyph[]): { text: string; advance: number } {
  let text = '';
  let advance = 0;
  for (const glyph of glyphs) {
    if (typeof glyph === 'number') {
      // A large negative adjustment is how TeX and others space words.
      if (glyph <= -200 && !text.endsWith(' ')) text += ' ';
      advance -= glyph / 1000;
    } else if (glyph) {
      text += glyph.unicode ?? '';
      advance += (glyph.width ?? 0) / 1000;
    }
  }
  return { text, advance };
}

/** The text drawn on a page and what was painted, in drawing order, from its operator list. */
function walk(ops: OperatorList): {
  drawn: Drawn[];
  paints: Paint[];
} {
  let state: State = { ctm: IDENTITY, fill: '#000000', alpha: 1, mode: 0, fontSize: 0, leading: 0 };
  const stack: State[] = [];
  let tm: Matrix = IDENTITY;
  let lm: Matrix = IDENTITY;
  const drawn: Drawn[] = [];
  const paints: Paint[] = [];
  const moveTo = (tx: number, ty: number): void => {
    lm = multiply([1, 0, 0, 1, tx, ty], lm);
    tm = lm;
  };
  const show = (at: number, glyphs: readonly Glyph[]): void => {
    const { text, advance } = glyphsOf(glyphs);
    const m = multiply(tm, state.ctm);
    const size = state.fontSize * Math.hypot(m[2], m[3]);
    // The middle of the run, on the page.
    const [x, y] = apply(m, (advance * state.fontSize) / 2, state.fontSize * 0.3);
    const unseen = state.mode === 3 || state.mode === 7 || state.alpha === 0;
    drawn.push({ at, text, x, y, size, light: isLight(state.fill), unseen });
    tm = multiply([1, 0, 0, 1, advance * state.fontSize, 0], tm);
  };
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform: {
        const m = args as Matrix;
        const next = fnArray[i + 1];
        // An image pdf.js did not decode leaves its placement and the restore, nothing else.
        if (next === OPS.restore || next === OPS.paintFormXObjectEnd || next === undefined) {
          const area = Math.abs(m[0] * m[3] - m[1] * m[2]);
          if (area >= 16 && Math.min(Math.hypot(m[0], m[1]), Math.hypot(m[2], m[3])) >= 4)
            paints.push({
              at: i,
              rect: boundsOf(multiply(m, state.ctm)),
              image: true,
              light: false,
            });
        }
        state.ctm = multiply(m, state.ctm);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push(state);
        state = { ...state };
        const m = (args?.[0] as Matrix | undefined) ?? IDENTITY;
        state.ctm = multiply(m, state.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setFillRGBColor:
        state.fill = typeof args?.[0] === 'string' ? args[0] : '#000000';
        break;
      case OPS.setGState:
        for (const [key, value] of (args?.[0] ?? []) as [string, unknown][])
          if (key === 'ca' && typeof value === 'number') state.alpha = value;
        break;
      case OPS.setTextRenderingMode:
        state.mode = Number(args?.[0] ?? 0);
        break;
      case OPS.setFont:
        state.fontSize = Number(args?.[1] ?? 0);
        break;
      case OPS.setLeading:
        state.leading = Number(args?.[0] ?? 0);
        break;
      case OPS.beginText:
        tm = IDENTITY;
        lm = IDENTITY;
        break;
      case OPS.setTextMatrix: {
        // pdf.js passes the matrix as one typed array argument.
        const first = args?.[0];
        const m = (typeof first === 'object' && first !== null ? first : args) as ArrayLike<number>;
        lm = Array.from(m).slice(0, 6) as Matrix;
        tm = lm;
        break;
      }
      case OPS.moveText:
        moveTo(Number(args?.[0] ?? 0), Number(args?.[1] ?? 0));
        break;
      case OPS.setLeadingMoveText:
        state.leading = -Number(args?.[1] ?? 0);
        moveTo(Number(args?.[0] ?? 0), Number(args?.[1] ?? 0));
        break;
      case OPS.nextLine:
        moveTo(0, -state.leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show(i, (args?.[0] ?? []) as Glyph[]);
        break;
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        moveTo(0, -state.leading);
        show(i, (args?.at(-1) ?? []) as Glyph[]);
        break;
      case OPS.constructPath: {
        const minMax = args?.[2] as ArrayLike<number> | undefined;
        if (FILLS.has(Number(args?.[0])) && minMax && minMax.length >= 4) {
          const box: Rect = [minMax[0] ?? 0, minMax[1] ?? 0, minMax[2] ?? 0, minMax[3] ?? 0];
          const rect = boundsOf(state.ctm, box);
          paints.push({ at: i, rect, image: false, light: isLight(state.fill) });
        }
        break;
      }
      default:
        if (fn !== undefined && IMAGES.has(fn))
          paints.push({ at: i, rect: boundsOf(state.ctm), image: true, light: false });
    }
  }
  return { drawn, paints };
}

/** How a drawn text is hidden, if it is. */
function hiddenKind(text: Drawn, paints: readonly Paint[]): HiddenKind | undefined {
  const under = (p: Paint): boolean => p.at < text.at && inside(p.rect, text.x, text.y);
  if (text.unseen) return paints.some((p) => p.image && under(p)) ? undefined : 'invisible';
  if (text.size > 0 && text.size < TINY_POINTS) return 'tiny';
  if (paints.some((p) => p.at > text.at && (p.image || p.light) && inside(p.rect, text.x, text.y)))
    return 'covered';
  if (text.light && !paints.some((p) => !p.light && under(p))) return 'white';
  return undefined;
}

/** The hidden text of one page from its operator list, consecutive draws of one kind joined into a run. */
export function hiddenInOperators(ops: OperatorList, number: number): HiddenRun[] {
  const { drawn, paints } = walk(ops);
  const runs: { kind: HiddenKind; page: number; text: string }[] = [];
  let last: HiddenKind | undefined;
  for (const text of drawn) {
    if (!text.text.trim()) continue;
    const kind = hiddenKind(text, paints);
    const run = runs.at(-1);
    if (kind && kind === last && run) run.text += ` ${text.text}`;
    else if (kind) runs.push({ kind, page: number, text: text.text });
    last = kind;
  }
  return runs;
}

/**
 * Whether a PDF of `bytes` over `pages` pages is searched for hidden text. A file heavier than
 * IMAGE_HEAVY_BYTES_PER_PAGE per page is made of images (a scan): its operator lists translate
 * a font per page, adding tens of MB and seconds; it is said, not skipped silently.
 */
export function searchesHidden(bytes: Uint8Array, pages: number): boolean {
  return bytes.length <= IMAGE_HEAVY_BYTES_PER_PAGE * Math.max(1, pages);
}

/**
 * Collects the hidden runs of each page from the operator list the text pass builds for it
 * (`readPage` in pdf-load.ts), so that the search costs no second pass over the document, then
 * sets `document.hidden` once the text is assembled.
 */
export function hiddenCollector(): {
  page: (number: number) => (ops: OperatorList) => void;
  addTo: (document: Document, searched: boolean) => void;
} {
  const runs: HiddenRun[] = [];
  return {
    page: (number) => (ops) => {
      runs.push(...hiddenInOperators(ops, number));
    },
    addTo: (document, searched) => {
      if (!searched) {
        document.warnings.push({
          code: 'READ_PDF_HIDDEN_NOT_CHECKED',
          message: `The file holds more than ${IMAGE_HEAVY_BYTES_PER_PAGE / 1024} KB per page (images, a scan): it was not searched for hidden text (white, tiny, covered or invisible).`,
        });
        return;
      }
      const { text, pageOffsets } = document;
      const normalised = runs.map((r) => ({ ...r, text: r.text.normalize('NFKC') }));
      const hidden = placeHidden(text, pageOffsets, normalised, pageOffsets.length);
      if (hidden.length > 0) document.hidden = hidden;
    },
  };
}
