/**
 * The names of the form fields of the jury's paperwork: the contract between the PDFs
 * `recevable paperwork` writes and what `--collect` reads back. A name never changes once
 * released, or sheets printed before the change could no longer be collected.
 */
import type { ExamPart } from '../../schemas/evaluation.ts';

/** Which document a PDF is, as its hidden `recevable.document` field says. */
export type PaperKind = 'evaluation' | 'minutes';

/** Hidden, read-only fields that tie a PDF to its session (and candidate, or jury and day). */
export const HIDDEN = {
  session: 'recevable.session',
  document: 'recevable.document',
  candidate: 'recevable.candidate',
  jury: 'recevable.jury',
  day: 'recevable.day',
} as const;

/** The fields of an evaluation sheet the jury fills. */
export const SHEET = {
  decision: (part: ExamPart) => `${part}.decision`,
  motivation: 'motivation',
  reasons: 'reasons',
  recommendations: 'recommendations',
  criterion: (id: string) => `criteria.${id}`,
} as const;

/** A row of a procès-verbal: one decision per part and candidate. */
export const minutesDecision = (candidate: string, part: ExamPart): string =>
  `candidate.${candidate}.${part}`;

/** A juror's signature field (a PDF signature field, `/FT /Sig`). */
export const signature = (member: string): string => `signature.${member}`;

/** The options of each part's decision, as export values; `absent` only for the oral. */
export const DECISIONS = {
  dossier: ['validated', 'failed'],
  oral: ['validated', 'failed', 'absent'],
} as const satisfies Record<ExamPart, readonly string[]>;

/** A decision as collected. */
export type Decision = 'validated' | 'failed' | 'absent';

/** The French label of a decision option, as printed beside its box. */
export const DECISION_LABELS: Record<Decision, string> = {
  validated: 'Validé',
  failed: 'Non validé',
  absent: 'Absent·e',
};

/** Options of a grid criterion. */
export const LEVELS = ['acquired', 'not-acquired'] as const;
