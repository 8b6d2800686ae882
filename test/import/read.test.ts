import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode, parseCsv, sniffDelimiter } from '../../pipeline/import/csv.ts';
import { importSpreadsheet } from '../../pipeline/import/index.ts';
import { readSheet } from '../../pipeline/import/read.ts';
import { cellName, columnName } from '../../pipeline/import/table.ts';
import { readBlock, readDay, readPathway } from '../../pipeline/import/values.ts';
import { CANDIDATES_YAML, convert, fods, makeSession } from './fixtures.ts';

describe('CSV', () => {
  it('finds the delimiter, whatever the others inside quotes', () => {
    expect(sniffDelimiter('Code;Nom;Sujet\nC001;Martin;"Refonte, migration"\n')).toBe(';');
    expect(sniffDelimiter('Code,Nom,Sujet\nC001,Martin,"Plan; reprise"\n')).toBe(',');
    expect(sniffDelimiter('Code\tNom\tSujet\nC001\tMartin\tX, Y; Z\n')).toBe('\t');
    expect(sniffDelimiter('Code|Nom\nC001|Martin\n')).toBe('|');
  });

  it('reads quoted fields with "" and line breaks, CRLF or LF', () => {
    expect(parseCsv('a;"b ""c"""\r\n"d\ne";f\n', ';').rows).toEqual([
      ['a', 'b "c"'],
      ['d\ne', 'f'],
    ]);
    expect(parseCsv('a;"never closed\nb;c\n', ';')).toEqual({ rows: [], unterminated: 1 });
  });

  it('tells UTF-8 (with or without BOM), UTF-16 and Windows-1252 apart', () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9]))).toEqual({
      text: 'é',
      encoding: 'UTF-8 with BOM',
    });
    expect(decode(Buffer.from('Émilie', 'utf8'))).toEqual({ text: 'Émilie', encoding: 'UTF-8' });
    expect(decode(new Uint8Array([0x9c, 0x75, 0x76, 0x72, 0x65, 0x20, 0x80]))).toEqual({
      text: 'œuvre €',
      encoding: 'Windows-1252',
    });
    expect(decode(new Uint8Array([0xff, 0xfe, 0xe9, 0x00]))).toEqual({
      text: 'é',
      encoding: 'UTF-16LE',
    });
  });
});

describe('cell values', () => {
  it('reads dates as people type them, and says how', () => {
    expect(readDay('25/08/2023')).toEqual({ value: '2023-08-25', format: 'DD/MM/YYYY' });
    expect(readDay('5.9.2023')).toEqual({ value: '2023-09-05', format: 'DD/MM/YYYY' });
    expect(readDay('25-08-23')).toEqual({ value: '2023-08-25', format: 'DD/MM/YY' });
    expect(readDay('2023-08-25')).toEqual({ value: '2023-08-25', format: 'YYYY-MM-DD' });
    expect(readDay(45163)).toEqual({ value: '2023-08-25', format: 'serial number' });
    expect(readDay('45163')).toEqual({ value: '2023-08-25', format: 'serial number' });
    expect(readDay(43701, true)).toEqual({ value: '2023-08-25', format: 'serial number' });
    expect(readDay(new Date(Date.UTC(2023, 7, 25)))).toEqual({
      value: '2023-08-25',
      format: 'date cell',
    });
  });

  it('refuses what is not a day, saying why', () => {
    expect(readDay('31/02/2023')).toMatchObject({
      problem: '"31/02/2023" is not a day of the calendar',
    });
    expect(readDay('demain')).toMatchObject({ problem: '"demain" is not a date' });
    expect(readDay(12)).toMatchObject({
      problem: expect.stringContaining('too far from today') as string,
    });
  });

  it('reads blocks and contract types in the words staff use', () => {
    const blocks = [
      { id: 'B4', title: 'Applications' },
      { id: 'B5', title: 'Infrastructure et cloud' },
    ];
    expect(readBlock('Bloc 4', blocks)).toEqual({ value: 'B4' });
    expect(readBlock('b5', blocks)).toEqual({ value: 'B5' });
    expect(readBlock('infrastructure et cloud', blocks)).toEqual({ value: 'B5' });
    expect(readBlock('B7', blocks)).toEqual({
      problem: '"B7" is not a block of session.yaml',
      expected: 'one of B4, B5',
    });
    expect(readPathway('Contrat de professionnalisation')).toEqual({ value: 'alternance' });
    expect(readPathway('Apprentissage')).toEqual({ value: 'alternance' });
    expect(readPathway('Convention de stage')).toEqual({ value: 'stage' });
    expect(readPathway('CDI')).toMatchObject({
      problem: '"CDI" is not a type of contract recevable knows',
    });
  });

  it('names cells as spreadsheets do', () => {
    expect([columnName(0), columnName(25), columnName(26), columnName(701)]).toEqual([
      'A',
      'Z',
      'AA',
      'ZZ',
    ]);
    expect(cellName('Feuil1', 6, 2)).toBe('Feuil1!C7');
    expect(cellName('Liste 2023', 0, 1)).toBe("'Liste 2023'!B1");
  });
});

describe('bad files', () => {
  let dir: string;
  let fixtures: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recevable-import-bad-'));
    await makeSession(join(dir, 'session'));
    fixtures = await convert(
      { 'deux.fods': fods({ Candidats: [['Code', 'Nom']], Notes: [['x']] }) },
      ['xlsx'],
    );
  }, 180_000);

  const attempt = async (
    name: string,
    bytes: Uint8Array | string,
    options: { sheet?: string; map?: string } = {},
  ) => {
    const file = join(dir, name);
    await writeFile(file, bytes);
    return importSpreadsheet(join(dir, 'session'), file, { as: 'candidates', ...options }).then(
      () => 'imported',
      (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
    );
  };

  it('refuses empty, binary, old Excel and truncated files with the file named', async () => {
    expect(await attempt('vide.csv', '')).toBe(`IMPORT_EMPTY: ${join(dir, 'vide.csv')} is empty.`);
    expect(await attempt('photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toMatch(
      /^IMPORT_UNSUPPORTED: .*photo\.csv is a binary file/,
    );
    expect(await attempt('ancien.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toMatch(
      /^IMPORT_UNSUPPORTED: .*an old binary Excel file/,
    );
    const xlsx = await readFile(join(fixtures, 'deux.xlsx'));
    expect(await attempt('tronque.xlsx', xlsx.subarray(0, 300))).toMatch(
      /^IMPORT_UNREADABLE: Cannot read .*tronque\.xlsx/,
    );
    expect(await attempt('quote.csv', 'Code;Nom\nC009;"Martin\n')).toMatch(
      /^IMPORT_CSV_QUOTE: .*quote\.csv: the quoted field opened on line 2 is never closed/,
    );
    await mkdir(join(dir, 'dossier.csv'), { recursive: true });
    expect(
      await importSpreadsheet(join(dir, 'session'), join(dir, 'dossier.csv'), {
        as: 'candidates',
      }).catch((e: { code: string }) => e.code),
    ).toBe('IMPORT_UNREADABLE');
  });

  it('lists the sheets when --sheet names none, and reads the one it names', async () => {
    const xlsx = await readFile(join(fixtures, 'deux.xlsx'));
    expect(await attempt('deux.xlsx', xlsx, { sheet: 'Jurés' })).toBe(
      `USAGE_IMPORT_SHEET_NOT_FOUND: ${join(dir, 'deux.xlsx')} has no sheet "Jurés"; its sheets: Candidats, Notes.`,
    );
    expect((await readSheet(join(dir, 'deux.xlsx'), 'notes')).table.sheet).toBe('Notes');
  }, 60_000);

  it('says when no row looks like a header, and when --map names no field', async () => {
    expect(await attempt('notes.csv', 'Remarque;Date\nx;y\n')).toMatch(
      /^IMPORT_NO_HEADER: No header row in sheet notes of .*notes\.csv/,
    );
    expect(await attempt('map.csv', 'N° étudiant;Nom\n', { map: 'N° étudiant=matricule' })).toMatch(
      /^USAGE_IMPORT_BAD_MAP: --map "N° étudiant=matricule" does not name a field of candidates/,
    );
  });

  it('is not stopped by a problem of another file of the session (a missing corpus folder)', async () => {
    const session = join(dir, 'avec-corpus');
    await makeSession(session);
    const text = await readFile(join(session, 'session.yaml'), 'utf8');
    await writeFile(
      join(session, 'session.yaml'),
      text.replace('  eligibility:', '  similarity: { review: 0.1, reject: 0.25 }\n  eligibility:'),
    );
    const file = join(dir, 'un.csv');
    await writeFile(
      file,
      'Code;Nom complet;Courriel;Bloc\nC009;Yanis Simulet;yanis@example.org;B5\n',
    );
    const report = await importSpreadsheet(session, file, { as: 'candidates' });
    expect(report).toMatchObject({ problems: [], added: ['C009'], written: true });
  });

  it('refuses a row whose e-mail belongs to another candidate, and writes nothing', async () => {
    const file = join(dir, 'conflit.csv');
    await writeFile(
      file,
      'Code;Nom complet;Courriel;Bloc\nC009;Camille Autre;camille.exemplet@example.org;B4\n',
    );
    const report = await importSpreadsheet(join(dir, 'session'), file, { as: 'candidates' });
    expect(report.problems.map((p) => `${p.cell} ${p.code} ${p.message}`)).toEqual([
      'conflit!C2 IMPORT_CONFLICT E-mail camille.exemplet@example.org already belongs to code C001 in candidates.yaml.',
    ]);
    expect(await readFile(join(dir, 'session', 'candidates.yaml'), 'utf8')).toBe(CANDIDATES_YAML);
  });
});
