/**
 * Text a Word file carries but does not show, from the run properties of word/document.xml
 * (mammoth keeps every run's text and drops these properties): white or near-white runs
 * (`w:color` with every channel at F0 or more) not on a dark shading of the run, paragraph or
 * table cell; runs of 1 pt or less (`w:sz` ≤ 2 half-points); hidden runs (`w:vanish`).
 * Character and paragraph styles that set these are followed too.
 */

import { strFromU8 } from 'fflate';
import type { Document, HiddenText } from '../../schemas/document.ts';
import { placeHidden } from './hidden.ts';

/** How a run of a Word file is hidden. */
export type HiddenDocxKind = 'white' | 'tiny' | 'vanish';

/** Consecutive hidden runs of one kind, with their text. */
export interface HiddenDocxRun {
  readonly kind: HiddenDocxKind;
  readonly text: string;
}

interface Props {
  color?: string;
  size?: number;
  vanish?: boolean;
  shade?: string;
}

const attr = (xml: string, tag: string): string | undefined =>
  new RegExp(`<w:${tag}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

/** The properties set in one `w:rPr` (or `w:pPr`) element's text. */
function propsOf(xml: string): Props {
  const props: Props = {};
  const color = attr(xml, 'color');
  if (color) props.color = color;
  const size = attr(xml, 'sz');
  if (size !== undefined && /^\d+$/.test(size)) props.size = Number(size);
  const vanish = /<w:vanish\b([^>]*)\/?>/.exec(xml);
  if (vanish) props.vanish = !/w:val="(?:0|false|off)"/.test(vanish[1] ?? '');
  const shade = /<w:shd\b[^>]*\bw:fill="([0-9A-Fa-f]{6})"/.exec(xml)?.[1];
  if (shade) props.shade = shade;
  return props;
}

/** Every channel at F0 or more. */
const isLight = (hex: string | undefined): boolean =>
  hex !== undefined &&
  /^[0-9a-f]{6}$/i.test(hex) &&
  [0, 2, 4].every((i) => parseInt(hex.slice(i, i + 2), 16) >= 0xf0);

/** Run properties of each character and paragraph style, by style id. */
export function styleProps(stylesXml: string): Map<string, Props> {
  const out = new Map<string, Props>();
  for (const m of stylesXml.matchAll(
    /<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g,
  )) {
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2] ?? '')?.[1];
    if (rPr && m[1]) out.set(m[1], propsOf(rPr));
  }
  return out;
}

const decode = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');

/** The hidden runs of a document.xml, in document order. */
export function hiddenDocxRuns(documentXml: string, stylesXml = ''): HiddenDocxRun[] {
  const styles = styleProps(stylesXml);
  const runs: { kind: HiddenDocxKind; text: string }[] = [];
  let last: HiddenDocxKind | undefined;
  // Table cells, paragraphs and runs, in order; a cell's shading holds for its paragraphs.
  let cellShade: string | undefined;
  let paragraph: Props = {};
  let paragraphs = 0;
  let lastParagraph = -1;
  const pattern =
    /<w:tc>|<w:tc\b[^>]*>|<\/w:tc>|<w:tcPr>([\s\S]*?)<\/w:tcPr>|<w:p\b[^>]*>|<w:pPr>([\s\S]*?)<\/w:pPr>|<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g;
  for (const m of documentXml.matchAll(pattern)) {
    const token = m[0];
    if (token.startsWith('</w:tc')) cellShade = undefined;
    else if (m[1] !== undefined) cellShade = propsOf(m[1]).shade;
    else if (token.startsWith('<w:p') && !token.startsWith('<w:pPr')) {
      paragraph = {};
      paragraphs++;
    } else if (m[2] !== undefined) {
      const style = attr(m[2], 'pStyle');
      const own = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2])?.[1];
      const shade = propsOf(m[2].replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, '')).shade;
      paragraph = {
        ...(style ? styles.get(style) : {}),
        ...(own ? propsOf(own) : {}),
        ...(shade ? { shade } : {}),
      };
    } else if (m[3] !== undefined) {
      const body = m[3];
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? '';
      const rStyle = attr(rPr, 'rStyle');
      const props: Props = { ...paragraph, ...(rStyle ? styles.get(rStyle) : {}), ...propsOf(rPr) };
      const text = decode(
        [...body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)]
          .map((t) => (t[0] === '<w:tab/>' ? '\t' : (t[1] ?? '')))
          .join(''),
      );
      if (!text.trim()) continue;
      const shade = props.shade ?? cellShade;
      const kind: HiddenDocxKind | undefined = props.vanish
        ? 'vanish'
        : props.size !== undefined && props.size <= 2
          ? 'tiny'
          : isLight(props.color) && (shade === undefined || isLight(shade))
            ? 'white'
            : undefined;
      const run = runs.at(-1);
      if (kind && kind === last && run)
        run.text += paragraphs === lastParagraph ? text : ` ${text}`;
      else if (kind) runs.push({ kind, text });
      last = kind;
      lastParagraph = paragraphs;
    }
  }
  return runs;
}

/** The hidden text of a Word file's parts, placed in its Document's text. */
export function hiddenDocxText(
  files: ReadonlyMap<string, Uint8Array>,
  document: Pick<Document, 'text' | 'pageOffsets' | 'pages'>,
): HiddenText[] {
  const part = (name: string): string => {
    const bytes = files.get(name);
    return bytes ? strFromU8(bytes) : '';
  };
  const runs = hiddenDocxRuns(part('word/document.xml'), part('word/styles.xml'));
  return placeHidden(document.text, document.pageOffsets, runs, document.pages.count);
}
