/** DOCX paragraphs as mammoth reads them (style, weight, size, text), and the styles' outline levels. */
import mammoth from 'mammoth';
import { joinLetterSpaced } from './spacing.ts';

/** One paragraph of the body. */
export interface Para {
  text: string;
  styleId: string | null;
  styleName: string | null;
  /** Every character is in a run marked bold directly. */
  bold: boolean;
  /** Largest run font size, pt, when set directly. */
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

function collect(node: Node, out: { parts: string[]; bold: boolean; size: number | null }): void {
  if (node.type === 'text') out.parts.push(node.value ?? '');
  else if (node.type === 'tab') out.parts.push('\t');
  else if (node.type === 'break') out.parts.push(node.breakType === 'line' ? '\n' : ' ');
  for (const child of node.children ?? []) {
    if (child.type === 'run') {
      const before = out.parts.length;
      collect(child, out);
      const added = out.parts.slice(before).join('');
      if (added.trim() && !child.isBold) out.bold = false;
      if (child.fontSize && added) out.size = Math.max(out.size ?? 0, child.fontSize);
    } else collect(child, out);
  }
}

/** The paragraphs of the document body, tables included, in order. */
export async function readParagraphs(buffer: Buffer): Promise<Para[]> {
  const paragraphs: Para[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'paragraph') {
      const out = { parts: [] as string[], bold: true, size: null as number | null };
      collect(node, out);
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
