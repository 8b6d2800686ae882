/**
 * A rough layout of a DOCX body without rendering it: paragraph heights from the text length
 * and the styles' font size and spacing, tables row by row, inline images by their extent,
 * poured into pages of the section's size and margins, with the explicit page breaks.
 */

/** Font size (pt), line factor, spacing before/after (pt) and page break of a paragraph style. */
interface Style {
  size?: number;
  font?: string;
  line?: number;
  exact?: number;
  before?: number;
  after?: number;
  breakBefore?: boolean;
  basedOn?: string;
}

type Resolved = Required<Omit<Style, 'basedOn' | 'exact'>> & { exact?: number };

const TWIP = 1 / 20;
const EMU = 1 / 12700;
const on = (xml: string, tag: string): boolean =>
  new RegExp(`<w:${tag}(?:/>|\\s*/>|\\s+w:val="(?:1|true|on)")`).test(xml);
const num = (xml: string, re: RegExp): number | undefined => {
  const value = re.exec(xml)?.[1];
  return value === undefined ? undefined : Number(value);
};

/** Average advance (em) and single line height (em) of a font family, for French prose. */
function fontMetrics(font: string): { advance: number; line: number } {
  if (/calibri|carlito|minor|aptos/i.test(font)) return { advance: 0.43, line: 1.22 };
  if (/arial|helvetica|liberation sans|verdana|segoe|open sans|roboto/i.test(font))
    return { advance: 0.42, line: 1.15 };
  if (/cambria|caladea|georgia/i.test(font)) return { advance: 0.49, line: 1.17 };
  return { advance: 0.42, line: 1.15 };
}

function readStyle(xml: string): Style {
  const line = num(xml, /<w:spacing\b[^>]*w:line="(\d+)"/);
  const rule = /<w:spacing\b[^>]*w:lineRule="(\w+)"/.exec(xml)?.[1] ?? 'auto';
  const style: Style = {
    size: num(xml, /<w:sz w:val="(\d+)"/),
    font: /<w:rFonts\b[^>]*w:(?:ascii|asciiTheme)="([^"]+)"/.exec(xml)?.[1],
    before: num(xml, /<w:spacing\b[^>]*w:before="(\d+)"/),
    after: num(xml, /<w:spacing\b[^>]*w:after="(\d+)"/),
  };
  if (line !== undefined && rule === 'auto') style.line = line / 240;
  if (line !== undefined && rule !== 'auto') style.exact = line * TWIP;
  if (style.size !== undefined) style.size /= 2;
  if (style.before !== undefined) style.before *= TWIP;
  if (style.after !== undefined) style.after *= TWIP;
  if (/<w:pageBreakBefore\b/.test(xml)) style.breakBefore = on(xml, 'pageBreakBefore');
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined));
}

const DEFAULT: Resolved = {
  size: 10,
  font: 'Times New Roman',
  line: 1,
  before: 0,
  after: 0,
  breakBefore: false,
};

/** Paragraph styles by id, resolved through `basedOn` over the document defaults; '' = default. */
export function paragraphStyles(stylesXml: string): Map<string, Resolved> {
  const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(stylesXml)?.[1] ?? '';
  const base: Resolved = { ...DEFAULT, ...readStyle(defaults) };
  const raw = new Map<string, Style>();
  let fallback = '';
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attrs = m[1] ?? '';
    const id = /w:styleId="([^"]*)"/.exec(attrs)?.[1];
    if (!id || !/w:type="paragraph"/.test(attrs)) continue;
    const body = m[2] ?? '';
    raw.set(id, { ...readStyle(body), basedOn: /<w:basedOn w:val="([^"]*)"/.exec(body)?.[1] });
    if (/w:default="(?:1|true)"/.test(attrs)) fallback = id;
  }
  const resolved = new Map<string, Resolved>();
  const resolve = (id: string, depth = 0): Resolved => {
    const known = resolved.get(id);
    if (known) return known;
    const style = raw.get(id);
    if (!style || depth > 10) return base;
    const { basedOn, ...own } = style;
    const value = { ...(basedOn ? resolve(basedOn, depth + 1) : base), ...own };
    resolved.set(id, value);
    return value;
  };
  for (const id of raw.keys()) resolve(id);
  resolved.set('', fallback ? resolve(fallback) : base);
  return resolved;
}

/** One block of the body as laid out: its height (pt), and whether it starts a new page. */
interface Block {
  height: number;
  breakBefore: boolean;
}

function paragraphBlocks(p: string, styles: Map<string, Resolved>, width: number): Block[] {
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? '';
  const id = /<w:pStyle w:val="([^"]*)"/.exec(pPr)?.[1] ?? '';
  const style: Resolved = {
    ...(styles.get(id) ?? styles.get('') ?? DEFAULT),
    ...readStyle(pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, '')),
  };
  const sizes = [...p.matchAll(/<w:r\b[^>]*>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/g)].map(
    (m) => (num(m[1] ?? '', /<w:sz w:val="(\d+)"/) ?? 0) / 2,
  );
  const size = Math.max(style.size, ...sizes.filter((s) => s < 72));
  const metrics = fontMetrics(style.font);
  const perLine = Math.max(10, width / (size * metrics.advance));
  const lineHeight = style.exact ?? size * metrics.line * style.line;
  const images = [...p.matchAll(/<wp:extent cx="\d+" cy="(\d+)"/g)].reduce(
    (sum, m) => sum + Number(m[1]) * EMU,
    0,
  );
  // A page-break run splits the paragraph: what follows it starts a new page.
  const parts = p.split(/<w:br\b[^>]*w:type="page"[^>]*\/>/);
  return parts.map((part, i) => {
    const text = [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => (m[1] ?? '').replace(/&[#\w]+;/g, '_'))
      .join('');
    const chars = text.length + (part.match(/<w:tab\/>/g)?.length ?? 0) * 6;
    const breaks = part.match(/<w:br\b(?![^>]*w:type="(?:page|column)")[^>]*\/>/g)?.length ?? 0;
    const first = i === 0;
    // What a page-break run leaves empty on either side takes no line.
    const empty = chars === 0 && breaks === 0 && parts.length > 1 && !(first && images > 0);
    const lines = breaks + Math.max(1, Math.ceil(chars / perLine));
    return {
      height: empty
        ? 0
        : lines * lineHeight +
          (first ? style.before + images : 0) +
          (i === parts.length - 1 ? style.after : 0),
      breakBefore: !first || style.breakBefore,
    };
  });
}

function tableBlocks(table: string, styles: Map<string, Resolved>, width: number): Block[] {
  const rows = table.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? [];
  return rows.map((row) => {
    const cells = row.match(/<w:tc\b[\s\S]*?<\/w:tc>/g) ?? [];
    const cellWidth = width / Math.max(1, cells.length) - 10;
    const heights = cells.map((cell) =>
      (cell.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? [])
        .flatMap((p) => paragraphBlocks(p, styles, cellWidth))
        .reduce((sum, b) => sum + b.height, 0),
    );
    return { height: Math.max(12, ...heights) + 2, breakBefore: false };
  });
}

/**
 * Pages the body would take (`pages`: blocks poured into the last section's page size, breaks
 * obeyed) and the pages the explicit breaks alone start (`forced`, a floor).
 */
export function layoutPages(
  documentXml: string,
  stylesXml: string,
): { pages: number; forced: number } {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? documentXml;
  const sections = [...body.matchAll(/<w:sectPr\b[\s\S]*?(?:<\/w:sectPr>|\/>)/g)].map((m) => m[0]);
  const last = sections[sections.length - 1] ?? '';
  const pageHeight = num(last, /<w:pgSz\b[^>]*w:h="(\d+)"/) ?? 16838;
  const pageWidth = num(last, /<w:pgSz\b[^>]*w:w="(\d+)"/) ?? 11906;
  const margin = (side: string, fallback: number): number =>
    num(last, new RegExp(`<w:pgMar\\b[^>]*w:${side}="(-?\\d+)"`)) ?? fallback;
  const height =
    (pageHeight - Math.abs(margin('top', 1417)) - Math.abs(margin('bottom', 1417))) * TWIP;
  const width = (pageWidth - margin('left', 1417) - margin('right', 1417)) * TWIP;
  const styles = paragraphStyles(stylesXml);
  // A section's <w:type> says how that section starts; the first one starts the document.
  const starts = sections.slice(1).map((s) => !/<w:type w:val="(?:continuous|nextColumn)"/.test(s));
  let section = 0;
  let pages = 1;
  let used = 0;
  let pending = false;
  let forced = 1;
  const place = (block: Block): void => {
    if ((block.breakBefore || pending) && used > 0) {
      forced += 1;
      pages += 1;
      used = 0;
    }
    pending = false;
    used += block.height;
    while (used > height) {
      pages += 1;
      used -= height;
    }
  };
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p\b[\s\S]*?<\/w:p>/g)) {
    const xml = m[0];
    const blocks = xml.startsWith('<w:tbl>')
      ? tableBlocks(xml, styles, width)
      : paragraphBlocks(xml, styles, width);
    blocks.forEach(place);
    if (!xml.startsWith('<w:tbl>') && /<w:pPr>[\s\S]*<w:sectPr\b/.test(xml)) {
      pending = starts[section] ?? false;
      section += 1;
    }
  }
  return { pages, forced };
}
