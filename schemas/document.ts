/** The Document: what the pipeline reads from a dossier (PDF, DOCX), whatever its format. */
import { z } from 'zod';

/** How the page count was obtained, from most to least reliable. */
export const PageMethod = z.enum(['pdf', 'libreoffice', 'docx-app-xml', 'page-breaks', 'estimate']);
export type PageMethod = z.infer<typeof PageMethod>;

/** A heading as a reader sees it. */
export const Heading = z.strictObject({
  /** 1 = chapter, 2 = section… */
  level: z.number().int().min(1).max(9),
  /** Text as printed, numbering included (`II. Introduction`). */
  text: z.string(),
  /** Page, 1-based, when known. */
  page: z.number().int().min(1).optional(),
  /** Where it was found: `outline` (bookmarks), `style`, `typography`, `numbering`, `bold`. */
  source: z.enum(['outline', 'style', 'typography', 'numbering', 'bold']),
  /** Offset of the heading in `text`, when located. */
  offset: z.number().int().min(0).optional(),
});
export type Heading = z.infer<typeof Heading>;

/** A warning about the reading, not fatal. */
export const ReadWarning = z.strictObject({
  /** Stable code from the error catalogue. */
  code: z.string(),
  /** What happened, in English. */
  message: z.string(),
});
export type ReadWarning = z.infer<typeof ReadWarning>;

/** A page whose text was recognised from its image (OCR) rather than read from a text layer. */
export const PageText = z.strictObject({
  /** Page, 1-based. */
  page: z.number().int().min(1),
  /** `ocr`: recognised from the page's image. */
  text: z.enum(['ocr']),
  /** Mean confidence of the page's recognised words, weighted by their letters (0–1). */
  confidence: z.number().min(0).max(1),
  /** Words recognised on the page. */
  words: z.number().int().min(0),
});
export type PageText = z.infer<typeof PageText>;

/** Text the file carries but a reader does not see (a trick to dilute a copy). */
export const HiddenText = z.strictObject({
  /** `white`: white or near-white on nothing darker; `tiny`: under 1.5 pt; `covered`: drawn, then covered by an image; `invisible`: PDF render mode 3 or opacity 0 with no scan under it; `vanish`: Word's hidden text. */
  kind: z.enum(['white', 'tiny', 'covered', 'invisible', 'vanish']),
  /** Page, 1-based (for a Word file without a rendering, estimated from the place in the text). */
  page: z.number().int().min(1),
  /** Whether `page` is estimated. */
  pageEstimated: z.boolean().optional(),
  /** Where the hidden text starts in `text`; absent when it could not be found there. */
  start: z.number().int().min(0).optional(),
  /** Where it ends in `text` (exclusive). */
  end: z.number().int().min(0).optional(),
  /** Words hidden. */
  words: z.number().int().min(0),
  /** Its first words, for the staff report. */
  sample: z.string(),
});
export type HiddenText = z.infer<typeof HiddenText>;

/** A dossier read successfully. */
export const Document = z.strictObject({
  /** Format detected from the bytes (not the extension). */
  format: z.enum(['pdf', 'docx', 'odt']),
  /** Page count and how it was obtained. */
  pages: z.strictObject({
    /** Best count. */
    count: z.number().int().min(0),
    /** How it was obtained. */
    method: PageMethod,
    /** True only when the count is certain (a PDF, or a rendering). */
    exact: z.boolean(),
    /** Bounds of the true count when it is estimated, `[min, max]`. */
    range: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
  }),
  /** `full`: every page has text; `partial`: some pages are images only; `none`: scanned. */
  textLayer: z.enum(['full', 'partial', 'none']),
  /** Pages with images but no text (scanned), 1-based. */
  scannedPages: z.array(z.number().int().min(1)).default([]),
  /** Scanned pages whose text was recognised (OCR), with its confidence; their text is in `text`. Absent when none was. */
  pageText: z.array(PageText).optional(),
  /** Hidden text found in the file (white, tiny, covered, invisible, vanished), by page; absent when none was looked for or found. */
  hidden: z.array(HiddenText).optional(),
  /** Headings in document order. */
  headings: z.array(Heading),
  /** The table of contents, when detected: the pages it spans. */
  toc: z.strictObject({ pages: z.array(z.number().int().min(1)) }).optional(),
  /** The whole text, headers, footers and page numbers removed. */
  text: z.string(),
  /** Offset in `text` at which each page starts (index 0 = page 1); `[0]` when pages are unknown. */
  pageOffsets: z.array(z.number().int().min(0)),
  /** Word count of `text`. */
  words: z.number().int().min(0),
  /** Non-fatal problems met while reading. */
  warnings: z.array(ReadWarning).default([]),
  /** Metadata useful to staff (producer, creator, title). */
  meta: z.record(z.string(), z.string()).default({}),
});
export type Document = z.infer<typeof Document>;

/** A dossier that could not be read. */
export const ReadError = z.strictObject({
  error: z.strictObject({
    /** Stable code from the error catalogue, e.g. `PDF_ENCRYPTED`. */
    code: z.string(),
    /** What happened, naming the file. */
    message: z.string(),
    /** What to do about it. */
    hint: z.string(),
  }),
});
export type ReadError = z.infer<typeof ReadError>;
