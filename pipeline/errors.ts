/**
 * The error catalogue: every error the pipeline reports to a person. A `code` never changes
 * once released (staff scripts and tests match on it); `message` says what happened and
 * `hint` what to do. Checks do not throw: they return findings. Errors are for broken input.
 *
 * Each feature keeps its entries in its own section, in alphabetical order: below, or in a file
 * of `errors/` for the larger ones, spread in here so that every code stays in one catalogue.
 */

import { define, type ErrorDef } from './errors/define.ts';
import { ImportErrors } from './errors/import.ts';
import { IntakeErrors } from './errors/intake.ts';
import { PaperworkErrors } from './errors/paperwork.ts';
import { SendErrors } from './errors/send.ts';
import { SessionErrors } from './errors/session.ts';
import { ShardErrors } from './errors/shard.ts';

export type { ErrorDef };

/** An error a person can act on: stable code, message, hint. Never shown with a stack trace. */
export class RecevableError extends Error {
  readonly code: string;
  readonly hint: string;
  constructor(code: string, message: string, hint: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RecevableError';
    this.code = code;
    this.hint = hint;
  }
  toJSON(): { code: string; message: string; hint: string } {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Builds the error of a catalogue entry. */
export function recevableError<A extends unknown[]>(def: ErrorDef<A>, ...args: A): RecevableError {
  return new RecevableError(def.code, def.message(...args), def.hint(...args));
}

export const Errors = {
  // ── command line ──────────────────────────────────────────────────────────
  UnknownCommand: define({
    code: 'USAGE_UNKNOWN_COMMAND',
    message: (name: string) => `Unknown command "${name}".`,
    hint: () => 'Run `recevable --help` to list the commands.',
  }),
  BadArguments: define({
    code: 'USAGE_BAD_ARGUMENTS',
    message: (command: string, reason: string) => `${command}: ${reason}`,
    hint: (command: string) => `Run \`recevable ${command} --help\` for its usage.`,
  }),
  NotADirectory: define({
    code: 'USAGE_NOT_A_SESSION',
    message: (dir: string) => `${dir} is not a session folder (no session.yaml in it).`,
    hint: () => 'Pass the folder that holds session.yaml, e.g. content/demo-2023.',
  }),
  CopyOverlapsSession: define({
    code: 'USAGE_COPY_OVERLAPS_SESSION',
    message: (copy: string, dir: string) =>
      `--copy-to ${copy} overlaps the session folder ${dir}: the copy would overwrite the session.`,
    hint: (_copy: string, dir: string) =>
      `Pick a folder outside ${dir} that does not contain it, e.g. .demo/<session>.`,
  }),
  CopyNotAWorkingCopy: define({
    code: 'USAGE_COPY_NOT_A_WORKING_COPY',
    message: (copy: string) =>
      `--copy-to ${copy} is a folder with files in it that \`recevable run --copy-to\` did not make.`,
    hint: (copy: string) =>
      `Pick a new or empty folder; ${copy} is left as it is, since the copy replaces what it holds.`,
  }),

  ...SessionErrors,
  // ── reading dossiers ──────────────────────────────────────────────────────
  ReadCrashed: define({
    code: 'READ_CRASHED',
    message: (file: string, reason: string) =>
      `${file}: the reader stopped unexpectedly (${reason}).`,
    hint: () =>
      'Open the file and export it again as PDF; if it still fails, report it with the file.',
  }),
  ReadDocEncrypted: define({
    code: 'READ_DOCX_ENCRYPTED',
    message: (file: string) => `${file} is a password-protected Word document.`,
    hint: () =>
      'Ask the candidate for a copy without a password (Word: File › Info › Protect › remove the password), or a PDF.',
  }),
  ReadDocxCorrupt: define({
    code: 'READ_DOCX_CORRUPT',
    message: (file: string, reason: string) =>
      `${file} is not a readable Word document (${reason}).`,
    hint: () =>
      'Open it in Word or LibreOffice and save it again, or ask the candidate for a PDF export.',
  }),
  ReadEmpty: define({
    code: 'READ_EMPTY',
    message: (file: string) => `${file} is empty (0 bytes).`,
    hint: () => 'The upload failed or the file was truncated: ask the candidate to send it again.',
  }),
  ReadLegacyDoc: define({
    code: 'READ_LEGACY_DOC',
    message: (file: string) => `${file} is an old binary Word document (.doc), not DOCX or PDF.`,
    hint: () => 'Ask the candidate to export it as PDF (or save it as .docx).',
  }),
  ReadNotFound: define({
    code: 'READ_NOT_FOUND',
    message: (file: string) => `${file} does not exist or cannot be opened.`,
    hint: () => 'Check the path and the file permissions.',
  }),
  ReadOdtUnsupported: define({
    code: 'READ_ODT_UNSUPPORTED',
    message: (file: string, reason: string) =>
      `${file}: this OpenDocument file cannot be read (${reason}).`,
    hint: () => 'Ask the candidate to export it as PDF from LibreOffice (File › Export as PDF).',
  }),
  ReadPdfCorrupt: define({
    code: 'READ_PDF_CORRUPT',
    message: (file: string, reason: string) => `${file} is a damaged PDF (${reason}).`,
    hint: () =>
      'Ask the candidate to export the PDF again; opening it in a viewer shows whether it is complete.',
  }),
  ReadPdfEncrypted: define({
    code: 'READ_PDF_ENCRYPTED',
    message: (file: string) => `${file} is a PDF protected by an opening password.`,
    hint: () =>
      'Ask the candidate for a copy without an opening password (restrictions on printing or copying are fine).',
  }),
  ReadTimeout: define({
    code: 'READ_TIMEOUT',
    message: (file: string, seconds: number) => `${file} could not be read within ${seconds} s.`,
    hint: () =>
      'The file is unusually complex: ask for a simpler PDF export, or retry with a larger --timeout.',
  }),
  ReadTooLarge: define({
    code: 'READ_TOO_LARGE',
    message: (file: string, what: string) => `${file} is too large to read safely (${what}).`,
    hint: () =>
      'A dossier is a few MB: ask the candidate to compress its images or export it again as PDF.',
  }),
  ReadUnknownFormat: define({
    code: 'READ_UNKNOWN_FORMAT',
    message: (file: string, what: string) =>
      `${file} is not a PDF or DOCX file (it looks like ${what}).`,
    hint: () => 'Dossiers must be PDF or DOCX: ask the candidate to export the dossier as PDF.',
  }),
  ReadXmlDoctype: define({
    code: 'READ_DOCX_DOCTYPE',
    message: (file: string, part: string) =>
      `${file}: ${part} declares a DTD, which Word never writes (possible XML entity attack).`,
    hint: () => 'Do not open this file on a workstation; ask the candidate for a PDF export.',
  }),
  ReadZipBomb: define({
    code: 'READ_ZIP_BOMB',
    message: (file: string, what: string) => `${file} unpacks to an unreasonable size (${what}).`,
    hint: () => 'This is not a normal Word document: ask the candidate for a PDF export.',
  }),

  // ── admissibility checks ──────────────────────────────────────────────────
  CheckUnknownCandidate: define({
    code: 'USAGE_CHECK_UNKNOWN_CANDIDATE',
    message: (codes: string[], file: string) =>
      `--only names ${codes.length > 1 ? 'candidates' : 'a candidate'} not in ${file}: ${codes.join(', ')}.`,
    hint: () => 'Pass codes as written in candidates.yaml, separated by commas: --only C001,C002.',
  }),
  CheckResultsNotWritable: define({
    code: 'CHECK_RESULTS_NOT_WRITABLE',
    message: (dir: string, reason: string) => `Cannot write the results in ${dir}: ${reason}.`,
    hint: (dir: string) =>
      `Make ${dir} writable (or remove the file that is in the way) and run again.`,
  }),

  // ── similarity and corpus ─────────────────────────────────────────────────
  CorpusCorrupt: define({
    code: 'CORPUS_CORRUPT',
    message: (file: string, reason: string) => `${file} is not a readable corpus index: ${reason}.`,
    hint: (file: string) =>
      `Restore ${file} from a backup, or move it away and rebuild the corpus with \`recevable corpus add\`.`,
  }),
  CorpusDuplicateId: define({
    code: 'CORPUS_DUPLICATE_ID',
    message: (id: string, file: string) =>
      `The corpus already holds a different document with the id "${id}" (adding ${file}).`,
    hint: () => 'Rename the file, or pass --year so that ids of different years differ.',
  }),
  CorpusFolderMissing: define({
    code: 'CORPUS_FOLDER_MISSING',
    message: (written: string, dir: string) =>
      `Unexpected rules.similarity.corpus "${written}": ${dir} does not exist, expected the folder of a corpus index (index.sqlite).`,
    hint: (written: string, dir: string) =>
      `Build it with \`recevable corpus add ${dir} <past dossiers…>\`, or correct "${written}" (relative to session.yaml); without a corpus the dossiers are compared only with each other.`,
  }),
  CorpusNotIndexed: define({
    code: 'CORPUS_NOT_INDEXED',
    message: (written: string, dir: string) =>
      `Unexpected rules.similarity.corpus "${written}": ${dir} holds no index.sqlite, expected a corpus index.`,
    hint: (_written: string, dir: string) =>
      `Add the past dossiers with \`recevable corpus add ${dir} <files…>\`; without a corpus the dossiers are compared only with each other.`,
  }),
  CorpusMissing: define({
    code: 'CORPUS_MISSING',
    message: (dir: string) => `${dir} holds no corpus index (index.sqlite).`,
    hint: (dir: string) => `Create it with \`recevable corpus add ${dir} <files…>\`.`,
  }),
  CorpusUnknownId: define({
    code: 'CORPUS_UNKNOWN_ID',
    message: (id: string, dir: string) => `No document with the id "${id}" in the corpus ${dir}.`,
    hint: (dir: string) => `Run \`recevable corpus list ${dir}\` to see the ids.`,
  }),
  ReportNoRule: define({
    code: 'SIMILARITY_NO_RULE',
    message: (file: string) => `${file} has no rules.similarity: there is nothing to report.`,
    hint: () => 'Add `similarity: { review: 0.10, reject: 0.25 }` under `rules` in session.yaml.',
  }),
  TextUnreadable: define({
    code: 'SIMILARITY_TEXT_UNREADABLE',
    message: (file: string, reason: string) => `${file} cannot be compared: ${reason}.`,
    hint: () => 'Pass a PDF, a DOCX, an ODT or a UTF-8 .txt file with text in it.',
  }),

  // ── order of passage and convocations ─────────────────────────────────────
  ScheduleNoResults: define({
    code: 'USAGE_SCHEDULE_NO_RESULTS',
    message: (dir: string) => `${dir}/results holds no admissibility result to plan from.`,
    hint: (dir: string) =>
      `Run \`recevable check ${dir}\` first, or pass --all to plan every candidate before the checks.`,
  }),
  SchedulePreviousInvalid: define({
    code: 'SCHEDULE_PREVIOUS_INVALID',
    message: (path: string, reason: string) => `${path} is not a valid schedule: ${reason}.`,
    hint: () =>
      'schedule.yaml is written by `recevable schedule`: restore it from version control, or delete it to plan afresh (version 1).',
  }),

  // ── outcomes ──────────────────────────────────────────────────────────────
  OutcomesFileMissing: define({
    code: 'OUTCOMES_FILE_MISSING',
    message: (dir: string) => `${dir} has no outcomes.yaml: there are no results to decide on.`,
    hint: () =>
      'Create outcomes.yaml with the block and final exam results; content/demo-2023/outcomes.yaml is an example.',
  }),
  OutcomesNoDeadline: define({
    code: 'OUTCOMES_NO_DEADLINE',
    message: (deadline: string) =>
      `rules.deadline "${deadline}" names no key date: tutor meetings cannot be counted.`,
    hint: () => 'Point rules.deadline in session.yaml to the key date of the dossier deadline.',
  }),
  OutcomesTutorMismatch: define({
    code: 'OUTCOMES_TUTOR_MISMATCH',
    message: (candidate: string, tutor: string, listed: string) =>
      `tutoring.yaml gives ${candidate} the tutor ${tutor}, candidates.yaml ${listed}.`,
    hint: (candidate: string) =>
      `Use the same tutor for ${candidate} in tutoring.yaml and candidates.yaml.`,
  }),
  OutcomesUnknownBlock: define({
    code: 'OUTCOMES_UNKNOWN_BLOCK',
    message: (candidate: string, block: string, known: string) =>
      `Unknown block "${block}" in the results of ${candidate}, expected one of ${known}.`,
    hint: (_candidate: string, block: string) =>
      `Correct "${block}" to a block id of session.yaml, or delete that result.`,
  }),
  OutcomesUnknownCandidate: define({
    code: 'OUTCOMES_UNKNOWN_CANDIDATE',
    message: (file: string, candidate: string) =>
      `${file} has an entry for ${candidate}, who is not in candidates.yaml.`,
    hint: (_file: string, candidate: string) =>
      `Correct the code ${candidate} (a typo leaves the real candidate without results) or add the candidate to candidates.yaml.`,
  }),
  OutcomesUnknownTutor: define({
    code: 'OUTCOMES_UNKNOWN_TUTOR',
    message: (candidate: string, tutor: string) =>
      `tutoring.yaml gives ${candidate} the tutor ${tutor}, who is not in the tutors of candidates.yaml.`,
    hint: (_candidate: string, tutor: string) =>
      `Correct the tutor id or add ${tutor} to \`tutors\` in candidates.yaml.`,
  }),

  ...ShardErrors,
  ...PaperworkErrors,
  ...ImportErrors,
  // ── public site ───────────────────────────────────────────────────────────
  SiteDataInvalid: define({
    code: 'SITE_DATA_INVALID',
    message: (place: string, problem: string, count: number) =>
      `${place}: ${problem}${count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : ''}`,
    hint: (place: string) =>
      `Fix ${place}, then build again; \`recevable validate\` on the session folder lists every problem.`,
  }),
  SiteDataMissing: define({
    code: 'SITE_DATA_MISSING',
    message: (file: string) => `${file} cannot be read.`,
    hint: () =>
      'Point RECEVABLE_SESSION (or buildSite({ sessionDir })) at a folder holding session.yaml, candidates.yaml and juries.yaml.',
  }),
  SiteBuildFailed: define({
    code: 'SITE_BUILD_FAILED',
    message: (reason: string) => `The site could not be built: ${reason}`,
    hint: () => 'Read the reason above; run `npx astro build` for Astro’s full report.',
  }),

  ...IntakeErrors,
  ...SendErrors,
} as const;
