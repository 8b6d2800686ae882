/** Builders of hostile dossiers for the reader's tests: zip bombs, XXE, fake OLE files. */
import { createDeflateRaw, crc32 } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal valid DOCX whose body is the given XML of paragraphs. */
export function docxWithBody(body: string, prolog = ''): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(document),
  });
}

/** A DOCX whose document.xml declares an external entity (XXE) pointing at a local file. */
export function xxeDocx(): Uint8Array {
  const prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
  return docxWithBody('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>', prolog);
}

/**
 * A DOCX-looking zip whose word/document.xml inflates to `inflatedMb` MB of spaces.
 * `declaredBytes` is written in the headers: the truth, or a lie to get past a size check.
 */
export async function zipBomb(inflatedMb: number, declaredBytes?: number): Promise<Uint8Array> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < inflatedMb; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(parts);
  const size = declaredBytes ?? inflatedMb * 1024 * 1024;
  const small = { '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS) };
  return appendEntry(zipSync(small, { level: 0 }), 'word/document.xml', data, crc, size);
}

/** Adds one deflated entry (raw data given) to a zip made by fflate, rewriting its directory. */
function appendEntry(
  zip: Uint8Array,
  name: string,
  data: Buffer,
  crc: number,
  size: number,
): Uint8Array {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const newCdOffset = cdOffset + local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries + 1, 8);
  end.writeUInt16LE(entries + 1, 10);
  end.writeUInt32LE(cdSize + central.length + nameBytes.length, 12);
  end.writeUInt32LE(newCdOffset, 16);
  return new Uint8Array(
    Buffer.concat([
      buf.subarray(0, cdOffset),
      local,
      nameBytes,
      data,
      buf.subarray(cdOffset, cdOffset + cdSize),
      central,
      nameBytes,
      end,
    ]),
  );
}

/** The first bytes of an OLE2 compound file with a stream name in it (UTF-16LE). */
export function oleFile(streamName: string): Uint8Array {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return new Uint8Array(
    Buffer.concat([
      header,
      Buffer.alloc(504),
      Buffer.from(streamName, 'utf16le'),
      Buffer.alloc(512),
    ]),
  );
}
