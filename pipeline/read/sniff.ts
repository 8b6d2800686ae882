/** Recognises a dossier's format from its first bytes, never from its name. */

/** What the bytes are. `zip` still has to be told apart (DOCX, ODT, other) by its entries. */
export type Sniffed =
  { kind: 'pdf' } | { kind: 'zip' } | { kind: 'ole' } | { kind: 'other'; looksLike: string };

const startsWith = (bytes: Uint8Array, magic: number[], at = 0): boolean =>
  magic.every((byte, i) => bytes[at + i] === byte);

const ascii = (bytes: Uint8Array, length: number): string =>
  String.fromCharCode(...bytes.subarray(0, length));

/**
 * `%PDF-` may follow some junk (the spec tolerates 1 024 bytes of it, and so do viewers); a
 * damaged header with PDF objects right after is still a (broken) PDF, for pdf.js to try.
 */
function findPdfHeader(bytes: Uint8Array): boolean {
  const head = ascii(bytes, Math.min(bytes.length, 1024));
  return head.includes('%PDF') || /\d+ \d+ obj\b|\bendobj\b|^trailer\b|\bxref\s/m.test(head);
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (findPdfHeader(bytes)) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'zip' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  const head = ascii(bytes, Math.min(bytes.length, 64));
  if (head.startsWith('{\\rtf')) return { kind: 'other', looksLike: 'an RTF document' };
  if (/^\s*<(!DOCTYPE html|html)/i.test(head)) return { kind: 'other', looksLike: 'a web page' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]))
    return { kind: 'other', looksLike: 'a PNG image' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'other', looksLike: 'a JPEG image' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'other', looksLike: 'a gzip archive' };
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]))
    return { kind: 'other', looksLike: 'a RAR archive' };
  const printable = [...bytes.subarray(0, 512)].filter(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127),
  ).length;
  const sample = Math.min(bytes.length, 512);
  return {
    kind: 'other',
    looksLike: sample > 0 && printable / sample > 0.95 ? 'plain text' : 'unknown binary data',
  };
}

/** OLE2 containers: an encrypted OOXML package, a legacy .doc, or something else. */
export function oleKind(bytes: Uint8Array): 'encrypted-ooxml' | 'doc' | 'other' {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  if (text.includes('EncryptedPackage') || text.includes('EncryptionInfo'))
    return 'encrypted-ooxml';
  if (text.includes('WordDocument')) return 'doc';
  return 'other';
}
