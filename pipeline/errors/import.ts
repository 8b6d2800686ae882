/** The error catalogue's entries for: Staff spreadsheets imported into the YAML files, and the topic/tutor table. */
import { define } from './define.ts';

export const ImportErrors = {
  ImportBadMap: define({
    code: 'USAGE_IMPORT_BAD_MAP',
    message: (pair: string, kind: string, keys: string[]) =>
      `--map "${pair}" does not name a field of ${kind}: expected Header=field, the field one of ${keys.join(', ')}.`,
    hint: () =>
      'Write --map "Header in the sheet=field,Other header=field", e.g. --map "Mél=email".',
  }),
  ImportBadValue: define({
    code: 'IMPORT_BAD_VALUE',
    message: (problem: string, expected: string) => `${problem}; expected ${expected}.`,
    hint: () => 'Correct the cell in the spreadsheet and import again.',
  }),
  ImportBreaksSession: define({
    code: 'IMPORT_BREAKS_SESSION',
    message: (_fix: string, message: string) => `The imported file would not validate: ${message}`,
    hint: (fix: string) => fix,
  }),
  ImportConflict: define({
    code: 'IMPORT_CONFLICT',
    message: (email: string, owner: string) => `E-mail ${email} already belongs to ${owner}.`,
    hint: () =>
      'One person per e-mail: correct the row, or give it the code of the entry it should update.',
  }),
  ImportCsvQuote: define({
    code: 'IMPORT_CSV_QUOTE',
    message: (file: string, line: number) =>
      `${file}: the quoted field opened on line ${line} is never closed.`,
    hint: () => 'Close the quote (a " inside a field is written "") or export the CSV again.',
  }),
  ImportDuplicate: define({
    code: 'IMPORT_DUPLICATE',
    message: (field: string, value: string, first: string) =>
      `Duplicate ${field} ${value}: already on ${first}.`,
    hint: () => 'Keep one row per person: merge the two rows or correct the code.',
  }),
  ImportDuplicateColumn: define({
    code: 'IMPORT_DUPLICATE_COLUMN',
    message: (field: string, first: string) =>
      `This column fills ${field}, as the column of ${first} already does.`,
    hint: () => 'Rename or remove one of the two columns, or --map one of them to another field.',
  }),
  ImportEmpty: define({
    code: 'IMPORT_EMPTY',
    message: (file: string, sheet: string | undefined) =>
      sheet === undefined ? `${file} is empty.` : `Sheet ${sheet} of ${file} is empty.`,
    hint: () => 'Choose the file (or --sheet) that holds the list, with its header row.',
  }),
  ImportMissingValue: define({
    code: 'IMPORT_MISSING_VALUE',
    message: (field: string, row: number, kind: string) =>
      `Row ${row} has no ${field}, which a new entry of ${kind} needs.`,
    hint: (field: string) =>
      `Fill the ${field} column for this row (or --map the column that holds it).`,
  }),
  ImportNeedsLibreOffice: define({
    code: 'IMPORT_NEEDS_LIBREOFFICE',
    message: (file: string) =>
      `${file} is an ODS file, which recevable reads through LibreOffice, and soffice is not on PATH.`,
    hint: () =>
      'Install LibreOffice (Debian: apt-get install libreoffice-calc-nogui), or save the sheet as .xlsx or .csv.',
  }),
  ImportNoHeader: define({
    code: 'IMPORT_NO_HEADER',
    message: (file: string, sheet: string, expected: string) =>
      `No header row in sheet ${sheet} of ${file}: none of its first 20 rows names two known columns (${expected}…).`,
    hint: () =>
      'Check --as and --sheet, or name the columns with --map "Header=field" (recevable import --help lists the fields).',
  }),
  ImportSheetNotFound: define({
    code: 'USAGE_IMPORT_SHEET_NOT_FOUND',
    message: (file: string, sheet: string, sheets: string[]) =>
      `${file} has no sheet "${sheet}"; its sheets: ${sheets.join(', ')}.`,
    hint: () => 'Pass --sheet with one of those names.',
  }),
  ImportTooLarge: define({
    code: 'IMPORT_TOO_LARGE',
    message: (file: string, size: number) =>
      `${file} is ${Math.round(size / 1024 / 1024)} MB, larger than any list of candidates (20 MB at most).`,
    hint: () => 'Export only the sheet of the list, without images, as .xlsx or .csv.',
  }),
  ImportUnknownTutor: define({
    code: 'IMPORT_UNKNOWN_TUTOR',
    message: (tutor: string, known: string) =>
      `Unknown tutor "${tutor}"; the tutors of candidates.yaml: ${known || 'none'}.`,
    hint: () =>
      'Import the tutors first (recevable import … --as tutors), or write the tutor as their id, name or e-mail.',
  }),
  ImportUnreadable: define({
    code: 'IMPORT_UNREADABLE',
    message: (file: string, reason: string) => `Cannot read ${file}: ${reason}.`,
    hint: () => 'Open it in a spreadsheet and save it again as .xlsx, .ods or .csv.',
  }),
  ImportUnsupported: define({
    code: 'IMPORT_UNSUPPORTED',
    message: (file: string, what: string) => `${file} is ${what}, not CSV, XLSX or ODS.`,
    hint: () => 'Save the sheet as .xlsx (Excel 2007 and later), .ods or .csv.',
  }),
  SessionTopicMissing: define({
    code: 'SESSION_TOPIC_MISSING',
    message: (code: string, missing: string, keyDate: string, at: string) =>
      `Candidate ${code} has no ${missing}, due by key date ${keyDate} (${at}).`,
    hint: (_code: string, missing: string) =>
      `Add the candidate's ${missing} (or import the « Sujet dossier / tuteurs » table with recevable import --as candidates).`,
  }),
} as const;
