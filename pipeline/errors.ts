/**
 * The error catalogue: every error the pipeline reports to a person. A `code` never changes
 * once released (staff scripts and tests match on it); `message` says what happened and
 * `hint` what to do. Checks do not throw: they return findings. Errors are for broken input.
 *
 * Each feature keeps its entries in its own section below, in alphabetical order.
 */

/** One entry of the catalogue. */
export interface ErrorDef<A extends unknown[]> {
  /** Stable machine code, SCREAMING_SNAKE_CASE. */
  readonly code: string;
  /** What happened, naming the file when there is one. */
  readonly message: (...args: A) => string;
  /** What to do about it. */
  readonly hint: (...args: A) => string;
}

const define = <A extends unknown[]>(def: ErrorDef<A>): ErrorDef<A> => def;

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

  // ── session content (validate) ────────────────────────────────────────────
  SessionDefenceDayOutside: define({
    code: 'SESSION_DEFENCE_DAY_OUTSIDE',
    message: (day: string, keyDate: string, from: string, to: string) =>
      `Unexpected defence day ${day}, expected a day of key date "${keyDate}" (${from} → ${to}).`,
    hint: (_day: string, keyDate: string, from: string, to: string) =>
      `Move the day into ${from} … ${to}, or widen the key date "${keyDate}" in keyDates.`,
  }),
  SessionDuplicateId: define({
    code: 'SESSION_DUPLICATE_ID',
    message: (what: string, value: string, firstLine: number) =>
      `Duplicate ${what} "${value}", already used on line ${firstLine}.`,
    hint: (what: string) => `Give each ${what} its own value, or delete the repeated entry.`,
  }),
  SessionFileBinary: define({
    code: 'SESSION_FILE_BINARY',
    message: (file: string) => `${file} is not a text file (it contains binary data).`,
    hint: (file: string) => `Replace ${file} with a YAML text file saved as UTF-8.`,
  }),
  SessionFileEmpty: define({
    code: 'SESSION_FILE_EMPTY',
    message: (file: string, keys: string) => `${file} is empty, expected a mapping with ${keys}.`,
    hint: (file: string) =>
      `Fill ${file} in; content/demo-2023/${file.split('/').pop() ?? file} is a complete example.`,
  }),
  SessionFileEncoding: define({
    code: 'SESSION_FILE_ENCODING',
    message: (file: string, encoding: string) =>
      `${file} is encoded as ${encoding}, expected UTF-8.`,
    hint: (file: string) => `Save ${file} again with the UTF-8 encoding.`,
  }),
  SessionFileMissing: define({
    code: 'SESSION_FILE_MISSING',
    message: (file: string) => `${file} is missing from the session folder.`,
    hint: (file: string) =>
      `Create ${file}; content/demo-2023/${file.split('/').pop() ?? file} is a complete example.`,
  }),
  SessionFileNotAFile: define({
    code: 'SESSION_FILE_NOT_A_FILE',
    message: (file: string) => `${file} is a directory, expected a YAML file.`,
    hint: (file: string) => `Move that directory away and put the YAML file ${file} in its place.`,
  }),
  SessionFileTooLarge: define({
    code: 'SESSION_FILE_TOO_LARGE',
    message: (file: string, megabytes: string, limit: number) =>
      `${file} is ${megabytes} MB, over the ${limit} MB a content file may have; it was not read.`,
    hint: (file: string) =>
      `Check that ${file} is the right file: content files are a few kilobytes of YAML.`,
  }),
  SessionFileUnreadable: define({
    code: 'SESSION_FILE_UNREADABLE',
    message: (file: string, reason: string) => `${file} cannot be read (${reason}).`,
    hint: (file: string) => `Check that ${file} exists and that you may read it.`,
  }),
  SessionFrontMatter: define({
    code: 'SESSION_FRONT_MATTER',
    message: (file: string, reason: 'missing' | 'unclosed') =>
      reason === 'missing'
        ? `${file} has no front matter, expected a \`---\` line first.`
        : `${file} opens its front matter with \`---\` but never closes it.`,
    hint: (file: string) =>
      `Start ${file} with a \`---\` line, the fields (\`title: …\`), another \`---\` line, then the text of the page.`,
  }),
  SessionInvalid: define<[where: string, message: string, count: number, dir: string]>({
    code: 'SESSION_INVALID',
    message: (where, message, count) =>
      `${where}: ${message}${count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : ''}`,
    hint: (...[, , , dir]) =>
      `Run \`recevable validate ${dir}\` to see every problem with its line, column and fix.`,
  }),
  SessionInvalidValue: define<[found: string, expected: string, fix: string]>({
    code: 'SESSION_INVALID_VALUE',
    message: (found, expected) => `Unexpected ${found}, expected ${expected}.`,
    hint: (...[, , fix]) => fix,
  }),
  SessionInvertedRange: define({
    code: 'SESSION_INVERTED_RANGE',
    message: (low: string, lowValue: string, high: string, highValue: string, strict: boolean) =>
      `Unexpected ${low} ${lowValue} ${strict ? 'not before' : 'above'} ${high} ${highValue}, expected ${low} ${strict ? '<' : '≤'} ${high}.`,
    hint: (low: string, _lowValue: string, high: string) =>
      `Correct ${low} or ${high} (or swap them).`,
  }),
  SessionMissingKey: define({
    code: 'SESSION_MISSING_KEY',
    message: (key: string, parent: string, expected: string) =>
      `Missing key \`${key}\` in ${parent}, expected ${expected}.`,
    hint: (key: string, parent: string) => `Add \`${key}: …\` to ${parent}.`,
  }),
  SessionPageName: define<[file: string, suggestion: string]>({
    code: 'SESSION_PAGE_NAME',
    message: (file) =>
      `Unexpected page file name ${file}, expected lowercase letters, digits and hyphens (the name is the page's address).`,
    hint: (file, suggestion) =>
      `Rename ${file} to pages/${suggestion}.md; it is published at /pages/${suggestion}/.`,
  }),
  SessionPagePerson: define({
    code: 'SESSION_PAGE_PERSON',
    message: (file: string, name: string, owner: string) =>
      `${file} names ${owner} ("${name}"), but the session does not publish names.`,
    hint: () =>
      'Remove the name from the page (say "le jury", "le candidat"), or set `publish: { names: true }` in session.yaml.',
  }),
  SessionUnknownKey: define<[key: string, suggestion: string | undefined, allowed: string]>({
    code: 'SESSION_UNKNOWN_KEY',
    message: (key, suggestion) =>
      `Unknown key \`${key}\`${suggestion ? `, did you mean \`${suggestion}\`?` : '.'}`,
    hint: (key, suggestion, allowed) =>
      suggestion
        ? `Rename \`${key}\` to \`${suggestion}\`.`
        : `Delete \`${key}\`; the keys allowed here are ${allowed}.`,
  }),
  SessionUnknownReference: define<[what: string, value: string, known: string, source: string]>({
    code: 'SESSION_UNKNOWN_REFERENCE',
    message: (what, value, known) => `Unknown ${what} "${value}", expected one of ${known}.`,
    hint: (what, value, _known, source) =>
      `Use a ${what} defined in ${source}, or add "${value}" there.`,
  }),
  SessionWrongKeyDateKind: define({
    code: 'SESSION_WRONG_KEY_DATE_KIND',
    message: (field: string, id: string, expected: string) =>
      `Unexpected key date "${id}" for ${field}, expected ${expected}.`,
    hint: (field: string, _id: string, expected: string) =>
      `Point ${field} to a key date written as ${expected}, or rewrite that key date.`,
  }),
  SessionWrongType: define<[found: string, expected: string, fix: string]>({
    code: 'SESSION_WRONG_TYPE',
    message: (found, expected) => `Unexpected ${found}, expected ${expected}.`,
    hint: (...[, , fix]) => fix,
  }),
  SessionYamlAliases: define({
    code: 'SESSION_YAML_ALIASES',
    message: (limit: number) =>
      `Too many YAML aliases (*name) expanded, over ${limit}: this looks like an alias bomb.`,
    hint: () => 'Write the values out instead of using anchors (&name) and aliases (*name).',
  }),
  SessionYamlDuplicateKey: define({
    code: 'SESSION_YAML_DUPLICATE_KEY',
    message: (key: string) => `Duplicate key \`${key}\` in the same mapping.`,
    hint: (key: string) =>
      `Keep a single \`${key}:\` and delete the other; YAML readers would silently drop one.`,
  }),
  SessionYamlSyntax: define({
    code: 'SESSION_YAML_SYNTAX',
    message: (detail: string) => `Invalid YAML: ${detail}.`,
    hint: () =>
      'Fix the syntax here: check indentation, closing brackets, and quote values holding ": " or "#".',
  }),
  SessionYamlTab: define({
    code: 'SESSION_YAML_TAB',
    message: () => 'Unexpected tab in indentation, expected spaces.',
    hint: () => 'Replace the tab with spaces: YAML forbids tabs for indentation.',
  }),
  SessionYamlTag: define({
    code: 'SESSION_YAML_TAG',
    message: (tag: string) => `Unexpected YAML tag ${tag}, expected a plain value.`,
    hint: (tag: string) => `Delete ${tag}: content files hold plain text, numbers and lists.`,
  }),

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

  // ── shard (check --shard, merge) ──────────────────────────────────────────
  ShardBadSpec: define({
    code: 'USAGE_SHARD_SPEC',
    message: (text: string, reason: string) => `--shard ${text}: ${reason}.`,
    hint: () => 'Pass --shard i/n with 1 ≤ i ≤ n, e.g. --shard 2/4 for the second of four shards.',
  }),
  ShardCandidatesDiffer: define({
    code: 'SHARD_CANDIDATES_DIFFER',
    message: (shard: string, missing: string[], extra: string[]) =>
      `${shard} does not hold the candidates its number gives it` +
      (missing.length > 0 ? `: missing ${missing.join(', ')}` : '') +
      (extra.length > 0
        ? `${missing.length > 0 ? ';' : ':'} not its own ${extra.join(', ')}`
        : '') +
      '.',
    hint: () =>
      'Run that shard again from the same session files as the others (`recevable check <session> --shard i/n --out <dir>`).',
  }),
  ShardCountMismatch: define({
    code: 'SHARD_COUNT_MISMATCH',
    message: (shards: string[]) =>
      `The shards come from runs split different ways: ${shards.join(', ')}.`,
    hint: () => 'Merge the shards of one run: the same n in every --shard i/n.',
  }),
  ShardDuplicate: define({
    code: 'SHARD_DUPLICATE',
    message: (shard: string, what: string, dirs: string[]) =>
      `Shard ${shard} is given twice (${what}): ${dirs.join(', ')}.`,
    hint: () => 'Pass each shard folder once: one folder per shard, 1/n to n/n.',
  }),
  ShardFileDamaged: define({
    code: 'SHARD_FILE_DAMAGED',
    message: (file: string, reason: string) => `${file} cannot be merged: ${reason}.`,
    hint: () =>
      'Download that shard’s artefact again, or run the shard again (`recevable check <session> --shard i/n --out <dir>`).',
  }),
  ShardFormat: define({
    code: 'SHARD_FORMAT',
    message: (file: string, found: string, expected: number) =>
      `${file} is in shard format ${found}; this version of recevable reads format ${expected}.`,
    hint: () => 'Run every shard and the merge with the same version of recevable.',
  }),
  ShardInputsDiffer: define({
    code: 'SHARD_INPUTS_DIFFER',
    message: (what: string, other: string, differences: string[]) =>
      `${what} was built from other inputs than ${other}: ${differences.join('; ')}.`,
    hint: () =>
      'Run every shard and the merge on the same commit of the session files and corpus, with the same version of recevable and the same options (the jobs of one workflow run do).',
  }),
  ShardMissing: define({
    code: 'SHARD_MISSING',
    message: (missing: string[], got: string[]) =>
      `${missing.length > 1 ? 'Shards' : 'Shard'} ${missing.join(', ')} missing: got ${got.join(', ')}.`,
    hint: () =>
      'Pass every shard folder of the run; a shard that failed or was cancelled must be run again first.',
  }),
  ShardNotAShard: define({
    code: 'SHARD_NOT_A_SHARD',
    message: (dir: string) => `${dir} is not a finished shard: it has no manifest.json.`,
    hint: () =>
      'Pass the folders written by `recevable check <session> --shard i/n --out <dir>`; a shard that was stopped before the end must be run again.',
  }),
  ShardOtherSession: define({
    code: 'SHARD_OTHER_SESSION',
    message: (dir: string, found: string, expected: string) =>
      `${dir} is a shard of the session "${found}", not of "${expected}".`,
    hint: () => 'Merge the shards into the session folder they were run on.',
  }),
  ShardOutInSession: define({
    code: 'USAGE_SHARD_OUT',
    message: (dir: string) => `--out ${dir} would overwrite the session's own files.`,
    hint: () =>
      'Give each shard a folder of its own, e.g. --out shards/1 (default: <session>/.cache/shards/<i>-of-<n>/).',
  }),

  // ── jury paperwork ────────────────────────────────────────────────────────
  PaperworkBadValue: define({
    code: 'PAPERWORK_BAD_VALUE',
    message: (file: string, field: string, value: string, expected: string) =>
      `${file}: field ${field} holds "${value}", expected one of ${expected}.`,
    hint: () =>
      'Tick one of the boxes printed for that field in the PDF reader, save and collect again.',
  }),
  PaperworkConflict: define({
    code: 'PAPERWORK_CONFLICT',
    message: (
      file: string,
      field: string,
      candidate: string,
      other: string,
      mine: string,
      theirs: string,
    ) => `${file}: field ${field} says ${mine} for ${candidate}, but ${other} says ${theirs}.`,
    hint: (_file: string, _field: string, candidate: string) =>
      `Keep one filled sheet for ${candidate} (and a PV that agrees with it) and collect again; nothing was recorded for ${candidate}.`,
  }),
  PaperworkEmpty: define({
    code: 'PAPERWORK_EMPTY',
    message: (file: string, fields: string) =>
      `${file}: the jury's position is not filled in (fields ${fields} are empty).`,
    hint: () =>
      'Tick validé or non validé for each part of the exam, save the PDF and collect it again.',
  }),
  PaperworkFilledKept: define({
    code: 'PAPERWORK_FILLED_KEPT',
    message: (file: string, action: string) =>
      `${file} has been filled in: it was kept instead of being ${action}.`,
    hint: () =>
      'Collect it (`recevable paperwork <session> --collect <file>`) or move it elsewhere, then run again; --force replaces filled files.',
  }),
  PaperworkForeign: define({
    code: 'PAPERWORK_FOREIGN',
    message: (file: string, field: string, found: string, expected: string) =>
      `${file}: field ${field} is "${found}", expected "${expected}": this PDF belongs to another session.`,
    hint: (_file: string, _field: string, found: string) =>
      `Collect it into the session "${found}" instead, or leave it out.`,
  }),
  PaperworkGridBlock: define({
    code: 'PAPERWORK_GRID_BLOCK',
    message: (where: string, block: string, known: string) =>
      `${where}: the evaluation criterion names the block "${block}", expected one of ${known}.`,
    hint: () => 'Correct the block id in evaluation.grid of session.yaml.',
  }),
  PaperworkNoGrid: define({
    code: 'PAPERWORK_NO_GRID',
    message: (file: string) =>
      `${file} has no evaluation.grid: the evaluation sheets would have no criteria.`,
    hint: () =>
      'Add `evaluation: { grid: [...] }` to session.yaml, one criterion per line with id, part (dossier or oral), blocks and title; content/demo-2023/session.yaml is an example.',
  }),
  PaperworkNoSchedule: define({
    code: 'PAPERWORK_NO_SCHEDULE',
    message: (dir: string) => `${dir} has no schedule.yaml: nobody is scheduled for a defence yet.`,
    hint: (dir: string) => `Run \`recevable schedule ${dir}\` first.`,
  }),
  PaperworkNotPaperwork: define({
    code: 'PAPERWORK_NOT_PAPERWORK',
    message: (file: string, field: string) =>
      `${file} is not a sheet or PV of \`recevable paperwork\`: it has no field ${field}.`,
    hint: () =>
      'Collect the PDFs written under <session>/paperwork/ once filled; a reader that "prints to PDF" or flattens the form drops the fields: save the form instead.',
  }),
  PaperworkPartEmpty: define({
    code: 'PAPERWORK_PART_EMPTY',
    message: (file: string, field: string, part: string, candidate: string) =>
      `${file}: field ${field} is empty: the ${part} result of ${candidate} is not recorded.`,
    hint: () =>
      "Tick the jury's position on that part and collect the sheet again once it is decided.",
  }),
  PaperworkReasonsMissing: define({
    code: 'PAPERWORK_REASONS_MISSING',
    message: (file: string, field: string, candidate: string, parts: string) =>
      `${file}: ${candidate} is not validated (${parts}) but field ${field} is empty.`,
    hint: () =>
      'The jury explains in writing the reasons for a non-validation: fill in « Raisons de la non-validation » on the evaluation sheet and collect it again.',
  }),
  PaperworkSkippedSlot: define({
    code: 'PAPERWORK_SKIPPED_SLOT',
    message: (candidate: string, reason: string) =>
      `schedule.yaml: the defence of ${candidate} has no paperwork: ${reason}.`,
    hint: () =>
      'Run `recevable schedule` again so that schedule.yaml matches candidates.yaml and juries.yaml.',
  }),
  PaperworkUnknownCandidate: define({
    code: 'PAPERWORK_UNKNOWN_CANDIDATE',
    message: (file: string, field: string, candidate: string) =>
      `${file}: field ${field} names the candidate ${candidate}, who is not in candidates.yaml.`,
    hint: () =>
      'Collect the sheets of this session only, or restore the candidate in candidates.yaml.',
  }),
  PaperworkUnreadable: define({
    code: 'PAPERWORK_UNREADABLE',
    message: (file: string, reason: string) => `${file} cannot be read as a PDF form: ${reason}.`,
    hint: () =>
      'Save the filled form again from the PDF reader (not encrypted, not "printed to PDF") and collect that file.',
  }),

  // ── import (staff spreadsheets) and the topic/tutor table ─────────────────
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

  // ── intake (dossiers by e-mail) ───────────────────────────────────────────
  IntakeBadSince: define({
    code: 'USAGE_INTAKE_BAD_SINCE',
    message: (since: string) => `--since "${since}" is not a date.`,
    hint: () =>
      'Write a day (2023-08-01) or a date and time (2023-08-01T08:00), read in the session timezone.',
  }),
  IntakeBadSource: define({
    code: 'USAGE_INTAKE_BAD_SOURCE',
    message: (source: string, reason: string) => `--from ${source}: ${reason}.`,
    hint: () =>
      'Pass imap://user@host:143/INBOX, imaps://user@host/INBOX, an .mbox file, an .eml file, a folder of .eml files or a Maildir.',
  }),
  IntakeImapAuth: define({
    code: 'INTAKE_IMAP_AUTH',
    message: (source: string) => `The IMAP server refused the login of ${source}.`,
    hint: () =>
      'Check the user in the URL and RECEVABLE_IMAP_PASSWORD (for Gmail or Microsoft 365, an app password).',
  }),
  IntakeImapFailed: define({
    code: 'INTAKE_IMAP_FAILED',
    message: (source: string, reason: string) => `Could not read ${source}: ${reason}`,
    hint: () =>
      'Check the host and port, that the server offers TLS (imaps://, or STARTTLS for imap:// off this machine), and the network; then run intake again: it resumes.',
  }),
  IntakeLocked: define({
    code: 'INTAKE_LOCKED',
    message: (dir: string, pid: number) =>
      `Another \`recevable intake\` is running on ${dir}${pid > 0 ? ` (process ${pid})` : ''}.`,
    hint: () => 'Wait until it ends; two runs on one session would number the same dossiers twice.',
  }),
  IntakeMailboxMissing: define({
    code: 'INTAKE_MAILBOX_MISSING',
    message: (mailbox: string, source: string, reason: string) =>
      `The mailbox "${mailbox}" of ${source} cannot be opened: ${reason}`,
    hint: () =>
      'Name an existing folder after the host, e.g. imap://user@host/INBOX or …/INBOX/Dossiers (URL-encoded).',
  }),
  IntakeNoPassword: define({
    code: 'USAGE_INTAKE_NO_PASSWORD',
    message: (source: string) => `No password for ${source}.`,
    hint: () =>
      'Set the environment variable RECEVABLE_IMAP_PASSWORD (never in the URL, YAML or command line).',
  }),
  IntakeNotMbox: define({
    code: 'INTAKE_NOT_MBOX',
    message: (file: string, line: string) =>
      `${file}:1: expected an mbox From_ line ("From sender Fri Aug 25 09:58:03 2023"), found "${line}".`,
    hint: () =>
      'Pass an mbox export (Gmail Takeout, Thunderbird); one message saved alone is an .eml file: name it so.',
  }),
  IntakePasswordInUrl: define({
    code: 'USAGE_INTAKE_PASSWORD_IN_URL',
    message: (host: string) => `The --from URL for ${host} holds a password.`,
    hint: () =>
      'Remove it from the URL (it would stay in shell history and CI logs) and set RECEVABLE_IMAP_PASSWORD instead.',
  }),
  IntakeStateInvalid: define({
    code: 'INTAKE_STATE_INVALID',
    message: (file: string, reason: string) => `${file} is not a valid intake state: ${reason}`,
    hint: (file: string) =>
      `Delete ${file}: the next run reads the mailbox again and records nothing twice.`,
  }),
  // ── send (mail out, exactly once) ─────────────────────────────────────────
  SendBadSmtpUrl: define({
    code: 'USAGE_SEND_BAD_SMTP_URL',
    message: (url: string, reason: string) =>
      `RECEVABLE_SMTP_URL "${url}" is not usable: ${reason}.`,
    hint: () =>
      'Write it as smtp://user@host:587 or smtps://user@host:465, with the password in RECEVABLE_SMTP_PASSWORD.',
  }),
  SendJournalInvalid: define({
    code: 'SEND_JOURNAL_INVALID',
    message: (file: string, line: number, reason: string) =>
      `${file}:${line}: not a journal line of recevable send: ${reason}`,
    hint: (file: string) =>
      `The journal is what keeps messages from going out twice: restore ${file} from a backup, or remove only the damaged line (never the whole file).`,
  }),
  SendNoOrganiser: define({
    code: 'SEND_NO_ORGANISER',
    message: (file: string) =>
      `${file}: defence.organiser is missing: messages would go out from a non-deliverable .invalid address, and invitations need an ORGANIZER.`,
    hint: () =>
      'Add defence.organiser: { name: …, email: … } to session.yaml, run `recevable schedule` again to rewrite the convocations, then send.',
  }),
  SendNoSmtp: define({
    code: 'USAGE_SEND_NO_SMTP',
    message: () => 'No SMTP server to send through.',
    hint: () =>
      'Set RECEVABLE_SMTP_URL (smtp://user@host:587, password in RECEVABLE_SMTP_PASSWORD) or mail.smtp: { host, port } in session.yaml; --dry-run needs neither.',
  }),
  SendSmtpUnreachable: define({
    code: 'SEND_SMTP_UNREACHABLE',
    message: (server: string, reason: string) =>
      `Cannot open an SMTP session with ${server}: ${reason}. Nothing more was sent; what was sent is in the journal.`,
    hint: () =>
      'Check the host, port and credentials (RECEVABLE_SMTP_URL, RECEVABLE_SMTP_PASSWORD), then run the same command again: it goes on where it stopped.',
  }),
} as const;
