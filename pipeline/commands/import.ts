/** `recevable import <session-dir> <file> --as candidates|tutors|juries`: a staff spreadsheet into the YAML. */
import { Exit, type Command } from '../command.ts';
import { Errors, recevableError } from '../errors.ts';
import { importSpreadsheet, KINDS, type ImportReport, type Kind } from '../import/index.ts';
import { TARGETS } from '../import/fields.ts';
import type { Io } from '../output.ts';

const fields = KINDS.map(
  (k) => `    ${k.padEnd(11)} ${TARGETS[k].fields.map((f) => f.key).join(', ')}`,
).join('\n');

export const command: Command = {
  name: 'import',
  summary: 'Merge a staff spreadsheet (CSV, XLSX, ODS) into candidates.yaml or juries.yaml',
  usage: [
    'recevable import <session-dir> <file> --as candidates|tutors|juries [--sheet NAME]',
    '                 [--map "Header=field,…"] [--dry-run] [--json]',
    '',
    '  --as <kind>     candidates and tutors go to candidates.yaml, juries to juries.yaml',
    '  --sheet <name>  the sheet to read (default: the first one with data)',
    '  --map <pairs>   name the columns whose header is not recognised: --map "Mél=email"',
    '  --dry-run       print the change (a unified diff) and write nothing',
    '  --json          print the report as JSON on stdout',
    '',
    'Headers are recognised in French and English (Code, Nom, Prénom, Courriel/E-mail,',
    'Spécialisation/Bloc, Entreprise, Tuteur, Sujet du dossier, Type de contrat, Début, Fin,',
    'Indisponibilités, Disponibilités, Expertise…). Fields:',
    fields,
    '',
    'Rows update the entry with their code (or id), else their e-mail, else add one; empty',
    'cells and fields without a column are kept. Dates: 25/08/2023, 2023-08-25, date cells or',
    'serial numbers. Any problem (named by its cell, e.g. Feuil1!C7) and nothing is written.',
    'CSV: any delimiter, UTF-8 or Windows-1252. ODS is read through LibreOffice (soffice).',
    '',
    'Exit codes: 0 imported (or nothing to change), 1 a problem in the sheet, 2 usage.',
  ].join('\n'),
  options: {
    as: { type: 'string' },
    sheet: { type: 'string' },
    map: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  run: async ({ positionals, values }, io) => {
    const [dir, file, ...extra] = positionals;
    if (dir === undefined || file === undefined || extra.length > 0)
      throw recevableError(Errors.BadArguments, 'import', 'expected a session folder and a file');
    const as = values['as'];
    if (typeof as !== 'string' || !KINDS.includes(as as Kind))
      throw recevableError(
        Errors.BadArguments,
        'import',
        `--as must be one of ${KINDS.join(', ')}`,
      );
    const sheet = typeof values['sheet'] === 'string' ? values['sheet'] : undefined;
    const map = typeof values['map'] === 'string' ? values['map'] : undefined;
    const report = await importSpreadsheet(dir, file, {
      as: as as Kind,
      ...(sheet === undefined ? {} : { sheet }),
      ...(map === undefined ? {} : { map }),
      dryRun: values['dry-run'] === true,
    });
    if (values['json'] === true) io.json(report);
    else print(io, report, values['dry-run'] === true);
    return report.problems.length > 0 ? Exit.invalid : Exit.ok;
  },
};

function print(io: Io, r: ImportReport, dryRun: boolean): void {
  io.say(`Read sheet ${r.sheet} of ${r.file} (${r.source}), header on row ${r.headerRow}:`);
  for (const c of r.columns)
    io.say(
      c.field
        ? `  ${c.column} ${c.header} → ${c.field}`
        : io.style(
            'dim',
            `  ${c.column} ${c.header} (not imported; --map "${c.header}=<field>" to import it)`,
          ),
    );
  for (const d of r.dates)
    io.say(
      `  dates of ${d.field}: ${d.count} read as ${d.format} (e.g. ${d.example.cell} "${d.example.written}" → ${d.example.read})`,
    );
  if (r.problems.length > 0) {
    for (const p of r.problems)
      io.say(`${io.style('cyan', p.cell)}  ${p.message}  ${io.style('dim', `(fix: ${p.fix})`)}`);
    const n = r.problems.length;
    io.say(
      `\n${io.style('red', '✖')} ${n} problem${n === 1 ? '' : 's'}: nothing written to ${r.target}.`,
    );
    return;
  }
  if (dryRun && r.diff) io.print(r.diff.trimEnd());
  const updated = r.updated.map((u) => `${u.key} (${u.fields.join(', ')})`);
  const some = (list: string[], sep: string) =>
    list.length === 0
      ? ''
      : ` (${list.slice(0, 10).join(sep)}${list.length > 10 ? ` and ${list.length - 10} more` : ''})`;
  const parts = [
    `${r.added.length} added${some(r.added, ', ')}`,
    `${r.updated.length} updated${some(updated, '; ')}`,
    `${r.unchanged} unchanged`,
  ];
  const verb = r.diff === '' ? 'nothing to change in' : dryRun ? 'would change' : 'written to';
  io.say(`${io.style('green', '✔')} ${r.rows} rows: ${parts.join(', ')}; ${verb} ${r.target}.`);
  if (r.topics)
    io.say(
      `Topic/tutor table: ${r.topics.withTopic} of ${r.topics.total} candidates have a topic, ${r.topics.withTutor} a tutor.`,
    );
}
