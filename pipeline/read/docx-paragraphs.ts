/** DOCX paragraphs as mammoth reads them (style, weight, size, text), and the styles' outline levels. */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { joinLetterSpaced } from './spacing.ts';

/** One paragraph of the body. */
export interface Para {
  text: string;
  styleId: string | null;
  styleName: string | null;
  /** Every character is bold, by its run or by the paragraph's style. */
  bold: boolean;
  /** Largest run font size, pt, when set directly, else the paragraph style's. */
  size: number | null;
  /** Word list numbering (numbers that are not in the text). */
  numbered: boolean;
}

interface Node {
  type?: string;
  value?: string;
  children?: Node[];
  styleId?: string | null;
  styleName?: string | null;
  isBold?: boolean;
  fontSize?: number | null;
  numbering?: unknown;
  breakType?: string;
}

interface Collected {
  parts: string[];
  bold: boolean;
  size: number | null;
  /** The paragraph style makes its text bold. */
  styleBold: boolean;
}

function collect(node: Node, out: Collected): void {
  if (node.type === 'text') out.parts.push(node.value ?? '');
  else if (node.type === 'tab') out.parts.push('\t');
  else if (node.type === 'break') out.parts.push(node.breakType === 'line' ? '\n' : ' ');
  for (const child of node.children ?? []) {
    if (child.type === 'run') {
      const before = out.parts.length;
      collect(child, out);
      const added = out.parts.slice(before).join('');
      if (added.trim() && !child.isBold && !out.styleBold) out.bold = false;
      if (child.fontSize && added) out.size = Math.max(out.size ?? 0, child.fontSize);
    } else collect(child, out);
  }
}

/** The run properties paragraph styles give their text (mammoth reports only direct ones). */
function styleRuns(buffer: Buffer): Map<string, { bold: boolean; size: number | null }> {
  let xml = '';
  try {
    const files = unzipSync(buffer, { filter: (f) => f.name === 'word/styles.xml' });
    xml = strFromU8(files['word/styles.xml'] ?? new Uint8Array());
  } catch {
    // Without styles, only direct formatting is known.
  }
  const own = new Map<string, { basedOn?: string; bold?: boolean; size?: number }>();
  for (const [, attrs = '', body = ''] of xml.matchAll(
    /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g,
  )) {
    const id = /w:styleId="([^"]*)"/.exec(attrs)?.[1];
    if (!id || !/w:type="paragraph"/.test(attrs)) continue;
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? '';
    const b = /<w:b(?:\s+w:val="([^"]*)")?\s*\/>/.exec(rPr);
    const sz = /<w:sz w:val="(\d+)"/.exec(rPr)?.[1];
    own.set(id, {
      basedOn: /<w:basedOn w:val="([^"]*)"/.exec(body)?.[1],
      ...(b ? { bold: !/^(?:0|false|off)$/.test(b[1] ?? 'true') } : {}),
      ...(sz ? { size: Number(sz) / 2 } : {}),
    });
  }
  const resolved = new Map<string, { bold: boolean; size: number | null }>();
  for (const id of own.keys()) {
    let bold: boolean | undefined;
    let size: number | undefined;
    for (let at: string | undefined = id, depth = 0; at && depth < 10; depth++) {
      const style = own.get(at);
      bold ??= style?.bold;
      size ??= style?.size;
      at = style?.basedOn;
    }
    resolved.set(id, { bold: bold ?? false, size: size ?? null });
  }
  return resolved;
}

/** The paragraphs of the document body, tables included, in order. */
export async function readParagraphs(buffer: Buffer): Promise<Para[]> {
  const paragraphs: Para[] = [];
  const styles = styleRuns(buffer);
  const walk = (node: Node): void => {
    if (node.type === 'paragraph') {
      const style = node.styleId ? styles.get(node.styleId) : undefined;
      const out: Collected = {
        parts: [],
        bold: true,
        size: null,
        styleBold: style?.bold ?? false,
      };
      collect(node, out);
      out.size ??= style?.size ?? null;
      const text = joinLetterSpaced(
        out.parts
          .join('')
          .replace(/[ \u00a0]+/g, ' ')
          .trim(),
      );
      if (text) {
        paragraphs.push({
          text,
          styleId: node.styleId ?? null,
          styleName: node.styleName ?? null,
          bold: out.bold,
          size: out.size,
          numbered: Boolean(node.numbering),
        });
      }
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  await mammoth.convertToHtml(
    { buffer },
    {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      transformDocument: (element: Node) => {
        walk(element);
        return { type: 'document', children: [] };
      },
    },
  );
  return paragraphs;
}

/** Paragraph styles' outline level (0 = level 1), following `basedOn`. */
export function styleOutlineLevels(stylesXml: string): Map<string, number> {
  const styles = new Map<string, { basedOn?: string; outline?: number; name?: string }>();
  for (const match of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attrs = match[1] ?? '';
    const body = match[2] ?? '';
    if (!/w:type="paragraph"/.test(attrs)) continue;
    const id = /w:styleId="([^"]*)"/.exec(attrs)?.[1];
    if (!id) continue;
    const basedOn = /<w:basedOn w:val="([^"]*)"/.exec(body)?.[1];
    const outline = /<w:outlineLvl w:val="(\d+)"/.exec(body)?.[1];
    styles.set(id, { basedOn, outline: outline === undefined ? undefined : Number(outline) });
  }
  const levels = new Map<string, number>();
  for (const id of styles.keys()) {
    let current: string | undefined = id;
    for (let depth = 0; current && depth < 10; depth++) {
      const style = styles.get(current);
      if (style?.outline !== undefined) {
        if (style.outline < 9) levels.set(id, style.outline);
        break;
      }
      current = style?.basedOn;
    }
  }
  return levels;
}
