/**
 * Which attachment of a message is the dossier. PDF, DOCX and ODT files are candidates, by
 * name or MIME type (the bytes are not checked: a file that is not what its name says is stored
 * as received, and `check` decides); a `.zip` is unpacked within the reader's zip limits. Of
 * several candidates the most dossier-like is kept, with a warning. A message with none is
 * ignored with the reason: no attachment, a link only, `winmail.dat`, an image, other types.
 */
import { unpack } from '../read/zip.ts';
import type { Part } from './mime.ts';

/** The file to store. */
export interface DossierFile {
  /** Lowercase extension without the dot: `pdf`, `docx`, `odt`. */
  readonly ext: string;
  /** Name as sent; `archive.zip › inner.pdf` when unpacked. */
  readonly originalName: string;
  readonly bytes: Uint8Array;
}

export type Choice =
  | { readonly file: DossierFile; readonly warnings: readonly string[] }
  | { readonly reason: string };

const TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
};
const DOSSIER_EXT = new Set(['pdf', 'docx', 'odt']);
const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed', 'application/x-zip']);
const TNEF_TYPES = new Set(['application/ms-tnef', 'application/vnd.ms-tnef']);
const IMAGE_EXT = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'heic',
  'heif',
  'webp',
  'tif',
  'tiff',
  'bmp',
]);
/** File-sharing services whose links candidates send instead of the file. */
const SHARING: [RegExp, string][] = [
  [/(^|\.)wetransfer\.com$|(^|\.)we\.tl$/, 'WeTransfer'],
  [/(^|\.)drive\.google\.com$|(^|\.)docs\.google\.com$/, 'Google Drive'],
  [/(^|\.)dropbox\.com$|(^|\.)db\.tt$/, 'Dropbox'],
  [/(^|\.)onedrive\.live\.com$|(^|\.)1drv\.ms$|(^|\.)sharepoint\.com$/, 'OneDrive'],
  [/(^|\.)swisstransfer\.com$/, 'SwissTransfer'],
  [/(^|\.)fromsmash\.com$/, 'Smash'],
  [/(^|\.)icloud\.com$/, 'iCloud'],
  [/(^|\.)mega\.nz$/, 'MEGA'],
];

const extOf = (name: string): string =>
  /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** The extension the file is stored with, or undefined when it is not a dossier type. */
function dossierExt(part: Pick<Part, 'name' | 'type'>): string | undefined {
  const ext = extOf(part.name);
  if (DOSSIER_EXT.has(ext)) return ext;
  if (ext === '' || ext === 'bin' || ext === 'dat') return TYPES[part.type];
  return undefined;
}

const isZip = (p: Part): boolean =>
  extOf(p.name) === 'zip' || (extOf(p.name) === '' && ZIP_TYPES.has(p.type));
const isTnef = (p: Part): boolean =>
  p.name.toLowerCase() === 'winmail.dat' || TNEF_TYPES.has(p.type);
const isImage = (p: Part): boolean => p.type.startsWith('image/') || IMAGE_EXT.has(extOf(p.name));

const normalise = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Higher for a name that says "dossier", lower for a CV, a letter or an annex. */
function score(name: string, code: string): number {
  const n = normalise(name.split('›').pop() ?? name);
  let s = 0;
  if (/dossier|memoire|rapport/.test(n)) s += 4;
  if (/profession/.test(n)) s += 2;
  if (n.includes(code.toLowerCase())) s += 2;
  if (/\bcv\b|curriculum|lettre|motivation|annexe|attestation|convention|facture/.test(n)) s -= 4;
  return s;
}

const names = (parts: readonly { originalName: string }[]): string =>
  parts.map((p) => p.originalName).join(', ');

/** The dossier of a message from candidate `code`, or why there is none. */
export function chooseDossier(
  parts: readonly Part[],
  links: readonly string[],
  code: string,
): Choice {
  const attached = parts.filter((p) => !p.inline);
  const found: DossierFile[] = [];
  const zipProblems: string[] = [];
  for (const part of attached) {
    const ext = dossierExt(part);
    const originalName = part.name || `(unnamed ${part.type})`;
    if (ext) {
      found.push({ ext, originalName, bytes: part.bytes });
      continue;
    }
    if (!isZip(part)) continue;
    const opened = unpack(part.bytes, (entry) => {
      const base = entry.split('/').pop() ?? '';
      return (
        !entry.startsWith('__MACOSX/') && !base.startsWith('._') && DOSSIER_EXT.has(extOf(base))
      );
    });
    if ('kind' in opened) {
      zipProblems.push(
        opened.kind === 'bomb'
          ? `${originalName} refused: it exceeds the reader's zip limits (${opened.detail})`
          : `${originalName} is not a readable zip (${opened.detail})`,
      );
      continue;
    }
    if (opened.files.size === 0) {
      zipProblems.push(`${originalName} holds no PDF, DOCX or ODT file`);
      continue;
    }
    for (const [entry, bytes] of [...opened.files].sort(([a], [b]) => a.localeCompare(b, 'en'))) {
      found.push({ ext: extOf(entry), originalName: `${originalName} › ${entry}`, bytes });
    }
  }
  if (found.length > 0) {
    const best = found
      .map((file, order) => ({ file, order, score: score(file.originalName, code) }))
      .sort(
        (a, b) =>
          b.score - a.score || b.file.bytes.length - a.file.bytes.length || a.order - b.order,
      )[0]!.file;
    const warnings: string[] = [];
    if (found.length > 1)
      warnings.push(
        `${found.length} candidate files in the message (${names(found)}): stored ${best.originalName}, the most dossier-like by its name and size; check that it is the dossier`,
      );
    warnings.push(...zipProblems);
    return { file: best, warnings };
  }
  if (zipProblems.length > 0) return { reason: zipProblems.join('; ') };
  if (attached.length === 0) {
    const service = links
      .map((link) => {
        const host = /^https?:\/\/([^/:?#]+)/i.exec(link)?.[1]?.toLowerCase() ?? '';
        return SHARING.find(([pattern]) => pattern.test(host))?.[1];
      })
      .find(Boolean);
    return service
      ? {
          reason: `a link only (${service}), no attached file: files behind links are not fetched; ask the candidate to attach the dossier`,
        }
      : { reason: 'no attachment' };
  }
  const listed = attached.map((p) => p.name || p.type).join(', ');
  if (attached.every(isTnef))
    return {
      reason: `winmail.dat only (Outlook's TNEF format, unreadable outside Outlook): ask the candidate to send the dossier as PDF with Outlook set to HTML or plain text`,
    };
  if (attached.every((p) => isImage(p) || isTnef(p)))
    return { reason: `an image only (${listed}): a dossier is a PDF, DOCX or ODT file` };
  return { reason: `no PDF, DOCX or ODT attached (${listed})` };
}
