import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.ts';
import { manipulation } from '../../pipeline/manipulation/check.ts';
import { isReadError, readDossier } from '../../pipeline/read/index.ts';
import { loadSession } from '../../pipeline/session/load.ts';
import { checkSimilarity } from '../../pipeline/similarity/check.ts';
import { tokenize } from '../../pipeline/similarity/normalise.ts';
import { manipulatedDocx, manipulatedPdf, ownProse, type Block } from './files.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'recevable-manipulation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(name: string, bytes: Uint8Array): Promise<Document> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const document = await readDossier(file, { libreoffice: false });
  if (isReadError(document)) throw new Error(document.error.message);
  return document;
}

const text = (seed: number, count: number): Block[] =>
  ownProse(seed, count).map((t) => ({ kind: 'text', text: t }));
const submission = (file: string) => ({ candidate: 'C001', file, receivedAt: '2023-08-24T10:00' });
const hidden = (seed: number) => ownProse(seed, 2).join(' ');
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

describe('hidden text in a real PDF', () => {
  let document: Document;
  beforeAll(async () => {
    document = await read(
      'tricks.pdf',
      await manipulatedPdf([
        text(1, 4),
        [...text(2, 2), { kind: 'white', text: hidden(20) }, ...text(3, 1)],
        [...text(4, 1), { kind: 'tiny', text: hidden(21) }, { kind: 'covered', text: hidden(22) }],
        [
          ...text(5, 1),
          { kind: 'invisible', text: hidden(23) },
          { kind: 'banner', text: 'Bilan du projet et perspectives' },
        ],
      ]),
    );
  }, 60_000);

  it('finds each trick with its page, and places it in the text', () => {
    const found = (document.hidden ?? []).map((h) => [h.kind, h.page, h.words]);
    expect(found).toEqual([
      ['white', 2, words(hidden(20))],
      ['tiny', 3, words(hidden(21))],
      ['covered', 3, words(hidden(22))],
      ['invisible', 4, words(hidden(23))],
    ]);
    for (const h of document.hidden ?? []) {
      expect(h.start).toBeGreaterThanOrEqual(document.pageOffsets[h.page - 1] ?? 0);
      expect(document.text.slice(h.start, h.end).replace(/\s+/g, '')).toBe(
        (
          {
            white: hidden(20),
            tiny: hidden(21),
            covered: hidden(22),
            invisible: hidden(23),
          } as Record<string, string>
        )[h.kind]!.replace(/\s+/g, ''),
      );
    }
  });

  it('sends the dossier to review, naming each trick with its page and count', () => {
    const found = manipulation(document, submission('submissions/C001.pdf'))!;
    expect(found).toMatchObject({ rule: 'manipulation', status: 'review', place: { page: 2 } });
    expect(found.message).toContain(`${words(hidden(20))} mots en texte blanc (p.\u00a02)`);
    expect(found.message).toContain('cachés sous une image (p.\u00a03)');
    expect(found.message).toContain('en texte invisible (p.\u00a04)');
    expect(found.detail).toContain('tiny-text');
  });
});

describe('what is not hidden text', () => {
  it('leaves a white title on a dark banner alone', async () => {
    const document = await read(
      'banner.pdf',
      await manipulatedPdf([[{ kind: 'banner', text: 'Introduction générale' }, ...text(6, 3)]]),
    );
    expect(document.hidden ?? []).toEqual([]);
  }, 60_000);

  it('leaves the OCR layer of a scan alone (tesseract, invisible text over the page image)', async () => {
    const clean = await manipulatedPdf([text(7, 4)]);
    writeFileSync(join(dir, 'clean.pdf'), clean);
    await run('pdftoppm', [
      '-r',
      '100',
      '-png',
      '-singlefile',
      join(dir, 'clean.pdf'),
      join(dir, 'page'),
    ]);
    await run('tesseract', [join(dir, 'page.png'), join(dir, 'scan'), '-l', 'fra', 'pdf'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const file = join(dir, 'scan.pdf');
    const document = await readDossier(file, { libreoffice: false });
    if (isReadError(document)) throw new Error(document.error.message);
    expect(document.words).toBeGreaterThan(50);
    // Searched, and nothing found.
    expect(document.warnings.map((w) => w.code)).not.toContain('READ_PDF_HIDDEN_NOT_CHECKED');
    expect(document.hidden ?? []).toEqual([]);
  }, 60_000);
});

describe('a PDF made of images', () => {
  it('is not searched for hidden text, and says so', async () => {
    const document = await read(
      'photos.pdf',
      await manipulatedPdf([[...text(11, 1), { kind: 'photo' }]]),
    );
    expect(document.warnings.map((w) => w.code)).toContain('READ_PDF_HIDDEN_NOT_CHECKED');
    expect(document.hidden).toBeUndefined();
  }, 60_000);
});

describe('hidden text in a real DOCX', () => {
  it('finds white, near-white, 1-pt and hidden runs, and not a white title on a dark shading', async () => {
    const document = await read(
      'tricks.docx',
      manipulatedDocx([
        ...text(8, 3),
        { kind: 'white', text: hidden(30) },
        ...text(9, 2),
        { kind: 'white', text: hidden(31), color: '#F5F5F5' },
        { kind: 'tiny', text: hidden(32) },
        { kind: 'vanish', text: hidden(33) },
        { kind: 'banner', text: 'Bilan du projet' },
        ...text(10, 2),
      ]),
    );
    expect((document.hidden ?? []).map((h) => [h.kind, h.words])).toEqual([
      ['white', words(hidden(30))],
      ['white', words(hidden(31))],
      ['tiny', words(hidden(32))],
      ['vanish', words(hidden(33))],
    ]);
    for (const h of document.hidden ?? []) expect(h.start).toBeDefined();
    const found = manipulation(document, submission('submissions/C001.docx'))!;
    expect(found.status).toBe('review');
    expect(found.message).toContain('en texte masqué');
  }, 60_000);
});

describe('a copy diluted with hidden white text', () => {
  it('is flagged with the share of the visible text, and the trick named', async () => {
    for (const f of ['session.yaml', 'candidates.yaml', 'juries.yaml', 'submissions.yaml'])
      cpSync(join('content/demo-2023', f), join(dir, f));
    const loaded = await loadSession(dir);
    const copied = ownProse(40, 10);
    const source = await read(
      'source.pdf',
      await manipulatedPdf([text(41, 6), copied.map((t) => ({ kind: 'text', text: t }))]),
    );
    const filler = Array.from(
      { length: 6 },
      (_, i) => [{ kind: 'white', text: ownProse(50 + i, 8).join(' ') }] as Block[],
    );
    const diluted = await read(
      'diluted.pdf',
      await manipulatedPdf([
        text(42, 8),
        copied.map((t) => ({ kind: 'text', text: t })),
        ...filler,
      ]),
    );
    const entry = (candidate: string, document: Document, receivedAt: string) => ({
      candidate,
      document,
      submission: { candidate, file: `submissions/${candidate}.pdf`, receivedAt },
    });
    const findings = await checkSimilarity(
      [entry('C001', source, '2023-08-20T10:00'), entry('C002', diluted, '2023-08-24T10:00')],
      loaded,
    );
    const c002 = findings.get('C002')!;
    const planted =
      tokenize(copied.join(' ')).count / tokenize([...ownProse(42, 8), ...copied].join(' ')).count;
    expect(Math.abs((c002.evidence['share'] as number) - planted)).toBeLessThan(0.08);
    expect(c002.status).toBe('fail');
    expect(manipulation(diluted, submission('submissions/C002.pdf'))?.message).toContain(
      'texte blanc',
    );
  }, 90_000);
});
