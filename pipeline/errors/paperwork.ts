/** The error catalogue's entries for: Jury paperwork: evaluation sheets and procès-verbaux, written and collected. */
import { define } from './define.ts';

export const PaperworkErrors = {
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
} as const;
