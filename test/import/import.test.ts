import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSpreadsheet } from '../../pipeline/import/index.ts';
import { validateSession } from '../../pipeline/session/validate.ts';
import { CANDIDATES_YAML, convert, COVERED, fods, makeSession, type Spec } from './fixtures.ts';

const HEADERS = [
  'Code',
  'Nom',
  'Prénom',
  'Courriel',
  'Spécialisation',
  'Tuteur',
  'Sujet du dossier',
  'Type de contrat',
  'Début',
  'Fin',
];
const covered = (n: number): Spec[] => Array.from({ length: n }, () => COVERED);

/** The topic/tutor table as a school keeps it: a merged title row, a tutor merged over two rows, an empty row. */
const TABLE = fods({
  Feuil1: [
    [{ text: 'Tableau « Sujet dossier / tuteurs » — session 2023', columns: 10 }, ...covered(9)],
    HEADERS,
    [
      'C001',
      'Exemplet',
      'Camille',
      'camille.exemplet@example.org',
      'B4',
      { text: 'Marc Accompagnet', rows: 2 },
      'Refonte du portail client',
      'Alternance',
      { date: '2021-09-01', shown: '01/09/2021' },
      { date: '2023-09-30', shown: '30/09/2023' },
    ],
    [
      'C003',
      'Lambdaire',
      'Noa',
      'noa.lambdaire@example.org',
      'Bloc 5',
      COVERED,
      'Plan de reprise d’activité',
      'Stage',
      { float: 44928 },
      '01/07/2023',
    ],
    [],
    [
      'C004',
      'Démontier',
      'Sacha',
      'sacha.demontier@example.org',
      'B4',
      'T01',
      'Outil de planification',
      'Contrat de professionnalisation',
      '2022-09-01',
      '31/08/2024',
    ],
  ],
});

/** A duplicate code (row 3) and a tutor nobody knows (row 4). */
const ERRORS = fods({
  Feuil1: [
    ['Code', 'Nom complet', 'Courriel', 'Spécialisation', 'Tuteur'],
    ['C010', 'Inès Brouillon', 'ines@example.org', 'B5', 'T01'],
    ['C010', 'Inès Brouillon', 'ines.b@example.org', 'B5', 'T01'],
    ['C011', 'Léo Essayeur', 'leo@example.org', 'B5', 'Jean Inconnu'],
  ],
});

const JURY_CSV =
  'Code;Nom;Prénom;E-mail;Entreprise;Expertise;Disponibilités\nJ02;Évaluon;Claire;claire@example.org;Wayne Logiciels;B4, B5;20/09/2023; 21/09/2023\n';

let fixtures: string;
beforeAll(async () => {
  fixtures = await convert(
    {
      'table.fods': TABLE,
      'erreurs.fods': ERRORS,
      'jures.csv': JURY_CSV.replace('20/09/2023; 21/09/2023', '"20/09/2023; 21/09/2023"'),
    },
    ['xlsx', 'ods'],
  );
}, 180_000);

const session = () => mkdtemp(join(tmpdir(), 'recevable-import-')).then((d) => makeSession(d));
const candidatesOf = async (dir: string) =>
  parse(await readFile(join(dir, 'candidates.yaml'), 'utf8')) as {
    candidates: Record<string, unknown>[];
  };

describe('recevable import --as candidates', () => {
  it('merges an XLSX written by LibreOffice: merged tutor cells, empty rows, date cells and a serial number', async () => {
    const dir = await session();
    const report = await importSpreadsheet(dir, join(fixtures, 'table.xlsx'), { as: 'candidates' });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      sheet: 'Feuil1',
      headerRow: 2,
      rows: 3,
      added: ['C003', 'C004'],
      written: true,
    });
    expect(report.updated).toEqual([{ key: 'C001', fields: ['tutor', 'topic', 'pathway'] }]);
    const { candidates } = await candidatesOf(dir);
    expect(candidates.find((c) => c['code'] === 'C003')).toEqual({
      code: 'C003',
      name: 'Noa Lambdaire',
      email: 'noa.lambdaire@example.org',
      specialisation: 'B5',
      tutor: 'T02', // the merged cell of C001's row
      topic: 'Plan de reprise d’activité',
      pathway: { kind: 'stage', from: '2023-01-02', to: '2023-07-01' },
    });
    expect(candidates.find((c) => c['code'] === 'C004')?.['pathway']).toEqual({
      kind: 'alternance',
      from: '2022-09-01',
      to: '2024-08-31',
    });
    const formats = report.dates.map((d) => `${d.field} ${d.format} ${d.count}`);
    expect(formats).toEqual(
      expect.arrayContaining([
        'pathway.from date cell 1',
        'pathway.from serial number 1',
        'pathway.from YYYY-MM-DD 1',
        'pathway.to DD/MM/YYYY 2',
      ]),
    );
    expect(report.dates.find((d) => d.format === 'serial number')?.example).toEqual({
      cell: 'Feuil1!I4',
      written: '44928',
      read: '2023-01-02',
    });
  }, 60_000);

  it('keeps comments and untouched entries byte for byte, and validates', async () => {
    const dir = await session();
    await importSpreadsheet(dir, join(fixtures, 'table.xlsx'), { as: 'candidates' });
    const text = await readFile(join(dir, 'candidates.yaml'), 'utf8');
    const untouched = CANDIDATES_YAML.split('\n').filter((l) => !l.includes('C001'));
    for (const line of untouched) expect(text).toContain(line);
    expect(text).toContain(
      '  - { code: C001, name: Camille Exemplet, email: camille.exemplet@example.org, specialisation: B4, tutor: T02, topic: Refonte du portail client, pathway: { kind: alternance, from: 2021-09-01, to: 2023-09-30 } }',
    );
    const { problems } = await validateSession(dir, { now: new Date('2023-01-01T00:00:00Z') });
    expect(problems).toEqual([]);
  }, 60_000);

  it('changes nothing when the same file is imported twice', async () => {
    const dir = await session();
    await importSpreadsheet(dir, join(fixtures, 'table.xlsx'), { as: 'candidates' });
    const first = await readFile(join(dir, 'candidates.yaml'));
    const again = await importSpreadsheet(dir, join(fixtures, 'table.xlsx'), { as: 'candidates' });
    expect(again).toMatchObject({ added: [], updated: [], unchanged: 3, diff: '', written: false });
    expect((await readFile(join(dir, 'candidates.yaml'))).equals(first)).toBe(true);
  }, 60_000);

  it('reads the ODS LibreOffice wrote into the same YAML as its XLSX', async () => {
    const [a, b] = [await session(), await session()];
    await importSpreadsheet(a, join(fixtures, 'table.xlsx'), { as: 'candidates' });
    const report = await importSpreadsheet(b, join(fixtures, 'table.ods'), { as: 'candidates' });
    expect(report.source).toBe('ODS, converted by LibreOffice');
    expect(await readFile(join(b, 'candidates.yaml'), 'utf8')).toBe(
      await readFile(join(a, 'candidates.yaml'), 'utf8'),
    );
  }, 60_000);

  it('shows the change with --dry-run and writes nothing', async () => {
    const dir = await session();
    const report = await importSpreadsheet(dir, join(fixtures, 'table.xlsx'), {
      as: 'candidates',
      dryRun: true,
    });
    expect(report.written).toBe(false);
    expect(await readFile(join(dir, 'candidates.yaml'), 'utf8')).toBe(CANDIDATES_YAML);
    expect(report.diff).toContain('--- candidates.yaml');
    expect(report.diff).toContain(
      '-  - { code: C001, name: Camille Exemplet, email: camille.exemplet@example.org, specialisation: B4, tutor: T01 }',
    );
    // New entries follow the style of the last one: C002 is a block entry.
    expect(report.diff).toContain(
      [
        '+  - code: C004',
        '+    name: Sacha Démontier',
        '+    email: sacha.demontier@example.org',
        '+    specialisation: B4',
        '+    tutor: T01',
        '+    topic: Outil de planification',
        '+    pathway:',
        '+      kind: alternance',
        '+      from: 2022-09-01',
        '+      to: 2024-08-31',
        ' tutors:',
      ].join('\n'),
    );
  }, 60_000);

  it('refuses a duplicate code and an unknown tutor, naming the cells, and writes nothing', async () => {
    const dir = await session();
    for (const file of ['erreurs.xlsx', 'erreurs.ods']) {
      const report = await importSpreadsheet(dir, join(fixtures, file), { as: 'candidates' });
      expect(report.written).toBe(false);
      expect(report.problems.map((p) => [p.cell, p.code])).toEqual([
        ['Feuil1!E4', 'IMPORT_UNKNOWN_TUTOR'],
        ['Feuil1!A3', 'IMPORT_DUPLICATE'],
      ]);
      expect(report.problems[0]?.message).toBe(
        'Unknown tutor "Jean Inconnu"; the tutors of candidates.yaml: T01 (Hélène Tuteurin), T02 (Marc Accompagnet).',
      );
      expect(report.problems[1]?.message).toBe('Duplicate code C010: already on Feuil1!A2.');
    }
    expect(await readFile(join(dir, 'candidates.yaml'), 'utf8')).toBe(CANDIDATES_YAML);
  }, 60_000);

  it('reads a Windows-1252 CSV with ";" as Excel writes it on a French Windows', async () => {
    const dir = await session();
    const csv =
      'Code;Nom complet;E-mail;Bloc;Tuteur;Sujet\r\nC005;Éloïse Garçon;eloise@example.org;B4;Hélène Tuteurin;Accès « zéro confiance »\r\n';
    const file = join(dir, 'liste.csv');
    await writeFile(file, Buffer.from(csv, 'latin1')); // these letters are the same bytes in Windows-1252
    const report = await importSpreadsheet(dir, file, { as: 'candidates' });
    expect(report.source).toBe('CSV, Windows-1252, delimiter ";"');
    const { candidates } = await candidatesOf(dir);
    expect(candidates.at(-1)).toEqual({
      code: 'C005',
      name: 'Éloïse Garçon',
      email: 'eloise@example.org',
      specialisation: 'B4',
      tutor: 'T01',
      topic: 'Accès « zéro confiance »',
    });
  });

  it('names an unreadable date and a bad e-mail by their cells in a UTF-8 CSV with a BOM', async () => {
    const dir = await session();
    const file = join(dir, 'liste.csv');
    await writeFile(
      file,
      '\ufeffcode,name,email,specialisation,start\nC006,Tom Factice,tom(at)example.org,B5,08/25/2023\n',
    );
    const report = await importSpreadsheet(dir, file, {
      as: 'candidates',
      map: 'start=pathway.from',
    });
    expect(report.source).toBe('CSV, UTF-8 with BOM, delimiter ","');
    expect(report.problems.map((p) => `${p.cell} ${p.message}`)).toEqual([
      'liste!C2 "tom(at)example.org" is not an e-mail address; expected an e-mail address such as camille.martin@example.org.',
      'liste!E2 "08/25/2023" is not a day of the calendar (month 25: dates are read day first, 25/08/2023); expected a date such as 25/08/2023, 2023-08-25 or a spreadsheet date.',
    ]);
  });

  it('says LibreOffice is needed for ODS when soffice is not on PATH', async () => {
    const dir = await session();
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await expect(
        importSpreadsheet(dir, join(fixtures, 'table.ods'), { as: 'candidates' }),
      ).rejects.toMatchObject({
        code: 'IMPORT_NEEDS_LIBREOFFICE',
      });
    } finally {
      process.env['PATH'] = path;
    }
  });
});

describe('recevable import --as juries and --as tutors', () => {
  it('adds a jury member from a CSV converted to XLSX, with lists of blocks and days', async () => {
    const dir = await session();
    const report = await importSpreadsheet(dir, join(fixtures, 'jures.xlsx'), { as: 'juries' });
    expect(report.problems).toEqual([]);
    const juries = parse(await readFile(join(dir, 'juries.yaml'), 'utf8')) as {
      members: unknown[];
    };
    expect(juries.members.at(-1)).toEqual({
      id: 'J02',
      name: 'Claire Évaluon',
      email: 'claire@example.org',
      company: 'Wayne Logiciels',
      expertise: ['B4', 'B5'],
      available: ['2023-09-20', '2023-09-21'],
    });
    expect((await readFile(join(dir, 'juries.yaml'), 'utf8')).startsWith('# Jury members.\n')).toBe(
      true,
    );
  }, 60_000);

  it('reads the same jury member from the ODS LibreOffice made of the CSV', async () => {
    const [a, b] = [await session(), await session()];
    await importSpreadsheet(a, join(fixtures, 'jures.xlsx'), { as: 'juries' });
    await importSpreadsheet(b, join(fixtures, 'jures.ods'), { as: 'juries' });
    expect(await readFile(join(b, 'juries.yaml'), 'utf8')).toBe(
      await readFile(join(a, 'juries.yaml'), 'utf8'),
    );
  }, 60_000);

  it('updates a tutor matched by e-mail when the sheet has no id column', async () => {
    const dir = await session();
    const file = join(dir, 'tuteurs.csv');
    await writeFile(
      file,
      'Nom;Courriel;Entreprise\nMarc Accompagnet;marc.accompagnet@example.org;Acme SAS\n',
    );
    const report = await importSpreadsheet(dir, file, { as: 'tutors' });
    expect(report.updated).toEqual([{ key: 'T02', fields: ['company'] }]);
    expect(await readFile(join(dir, 'candidates.yaml'), 'utf8')).toContain(
      '  - { id: T02, name: Marc Accompagnet, email: marc.accompagnet@example.org, company: Acme SAS }',
    );
  });
});

describe('the recevable import command', () => {
  it('exits 1 with the problems as JSON, and 0 once imported', async () => {
    const dir = await session();
    const bin = new URL('../../pipeline/bin.js', import.meta.url).pathname;
    const run = (file: string) =>
      promisify(execFile)(process.execPath, [
        bin,
        'import',
        dir,
        file,
        '--as',
        'candidates',
        '--json',
      ]).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const refused = await run(join(fixtures, 'erreurs.xlsx'));
    expect(refused.code).toBe(1);
    expect((JSON.parse(refused.out) as { problems: { cell: string }[] }).problems[0]?.cell).toBe(
      'Feuil1!E4',
    );
    await copyFile(join(fixtures, 'table.xlsx'), join(dir, 'table.xlsx'));
    const done = await run(join(dir, 'table.xlsx'));
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ written: true, added: ['C003', 'C004'] });
  }, 60_000);
});
