import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';
import { makeDocx, makePdf } from '../fixtures/dossier/generate.ts';
import { docxWithBody, oleFile, xxeDocx, zipBomb } from './hostile-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'recevable-hostile-'));
const file = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const spec = { pages: 6, sections: [{ title: 'Introduction' }, { title: 'Conclusion' }] };
let pdf: Uint8Array;

beforeAll(async () => {
  pdf = await makePdf(spec);
  file('dossier.pdf', pdf);
});

async function errorCode(path: string, options = {}): Promise<string> {
  const result = await readDossier(path, { libreoffice: false, ...options });
  if (!isReadError(result))
    throw new Error(`expected an error for ${path}, got a ${result.format} Document`);
  expect(result.error.message).toContain(path);
  expect(result.error.hint.length).toBeGreaterThan(10);
  return result.error.code;
}

describe('readDossier on hostile files', () => {
  it('reports an empty file as empty', async () => {
    expect(await errorCode(file('empty.pdf', new Uint8Array()))).toBe('READ_EMPTY');
  });

  it('reports a missing file as not found', async () => {
    expect(await errorCode(join(dir, 'nope.pdf'))).toBe('READ_NOT_FOUND');
  });

  it('reports a PDF cut in half as damaged', async () => {
    expect(
      await errorCode(file('truncated.pdf', pdf.subarray(0, Math.floor(pdf.length / 3)))),
    ).toBe('READ_PDF_CORRUPT');
  });

  it('reports random bytes as an unknown format', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(await errorCode(file('random.pdf', bytes))).toBe('READ_UNKNOWN_FORMAT');
  });

  it('reports plain text named .docx as an unknown format', async () => {
    expect(await errorCode(file('notes.docx', 'Mon dossier professionnel\n'))).toBe(
      'READ_UNKNOWN_FORMAT',
    );
  });

  it('reports a PDF with an opening password as encrypted', async () => {
    const out = join(dir, 'locked.pdf');
    execFileSync('qpdf', [
      '--encrypt',
      'secret',
      'owner',
      '256',
      '--',
      join(dir, 'dossier.pdf'),
      out,
    ]);
    expect(await errorCode(out)).toBe('READ_PDF_ENCRYPTED');
  });

  it('reads a PDF that only restricts printing (owner password, no opening password)', async () => {
    const out = join(dir, 'restricted.pdf');
    execFileSync('qpdf', [
      '--encrypt',
      '',
      'owner',
      '256',
      '--print=none',
      '--modify=none',
      '--',
      join(dir, 'dossier.pdf'),
      out,
    ]);
    const result = await readDossier(out);
    expect(isReadError(result) ? result.error.code : result.pages.count).toBe(6);
  });

  it('reads a DOCX named .pdf as DOCX and warns about the name', async () => {
    const path = file('renamed.pdf', await makeDocx(spec));
    const result = await readDossier(path, { libreoffice: false });
    if (isReadError(result)) throw new Error(result.error.message);
    expect(result.format).toBe('docx');
    expect(result.warnings.map((w) => w.code)).toContain('READ_EXTENSION_MISMATCH');
  });

  it('reads a PDF named .docx as PDF', async () => {
    const result = await readDossier(file('renamed.docx', pdf));
    expect(isReadError(result) ? result.error.code : result.format).toBe('pdf');
  });

  it('refuses a DOCX declaring an external entity, without resolving it', async () => {
    expect(await errorCode(file('xxe.docx', xxeDocx()))).toBe('READ_DOCX_DOCTYPE');
  });

  it('reports a zip that is not a Word document', async () => {
    const path = file('archive.docx', docxWithBody('').subarray(0, 60));
    expect(['READ_DOCX_CORRUPT', 'READ_UNKNOWN_FORMAT']).toContain(await errorCode(path));
  });

  it('reports an OpenDocument spreadsheet as unsupported, with the PDF export as the fix', async () => {
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<office:document-content><office:body/></office:document-content>'),
    });
    expect(await errorCode(file('tableur.odt', ods))).toBe('READ_ODT_UNSUPPORTED');
  });

  it('reports a legacy binary .doc and an encrypted Word file clearly', async () => {
    expect(await errorCode(file('old.doc', oleFile('WordDocument')))).toBe('READ_LEGACY_DOC');
    expect(await errorCode(file('locked.docx', oleFile('EncryptionInfo')))).toBe(
      'READ_DOCX_ENCRYPTED',
    );
  });

  it('refuses a zip bomb that declares its size', async () => {
    expect(await errorCode(file('bomb.docx', await zipBomb(400)))).toBe('READ_ZIP_BOMB');
  });

  it('stops a zip bomb that lies about its size, with peak memory under 300 MB', async () => {
    const path = file('liar.docx', await zipBomb(400, 4096));
    expect(await errorCode(path)).toBe('READ_ZIP_BOMB');
    // Peak RSS of a reader process, measured in a process of its own.
    const script = `import { readDossierInProcess } from ${JSON.stringify(new URL('../../pipeline/read/in-process.ts', import.meta.url).href)};
      const r = await readDossierInProcess(${JSON.stringify(path)}, { libreoffice: false });
      console.log(JSON.stringify({ code: r.error?.code, rss: process.resourceUsage().maxRSS }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    const { code, rss } = JSON.parse(out) as { code: string; rss: number };
    expect(code).toBe('READ_ZIP_BOMB');
    expect(rss / 1024).toBeLessThan(300);
  }, 60_000);

  it('gives up on time with a timeout error, not a hang', async () => {
    expect(await errorCode(join(dir, 'dossier.pdf'), { timeoutMs: 5 })).toBe('READ_TIMEOUT');
  });
});
