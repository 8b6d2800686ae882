/**
 * The national commission's decision for one candidate, by the reference's rules
 * ("Commission nationale de certification"):
 *
 * - `total`: every required block (the socle blocks + the candidate's specialisation) and the
 *   final exam validated — attestation de réussite totale;
 * - `partial`: at least one of them not validated, at least one block validated — attestation
 *   de réussite partielle naming the validated blocks;
 * - `refusal`: no competency block validated;
 * - `incomplete`: some result is missing, so no decision is taken (never a guess).
 *
 * Edge cases, decided here and tested in test/outcomes/decide.test.ts:
 *
 * - No block validated but the final exam validated → `refusal`. The reference lists the
 *   final exam beside the "blocs de compétences" (B1–B5), not among them, and a partial
 *   attestation names validated blocks: it would name none. A reason records the exam.
 * - `absent` counts as not validated, for blocks and for both parts of the final exam.
 * - The final exam is validated only when both its dossier and its oral are.
 * - A result recorded for a specialisation the candidate does not take (B5 for a B4
 *   candidate) is ignored with a warning: it can validate nothing. If the candidate's own
 *   specialisation has no result, the decision is `incomplete` (likely a typo: staff check
 *   outcomes.yaml or the specialisation in candidates.yaml) — the B5 result is never moved.
 * - A result for a block id unknown to session.yaml is ignored with a warning.
 * - A candidate whose specialisation is not a specialisation block of session.yaml → `incomplete`.
 * - Any missing result → `incomplete`, even when the decision seems forced (one block failed,
 *   one validated): the attestation names validated blocks, which are not known yet.
 * - `appealUntil` = results sent day + `appealDays` calendar days, for decided outcomes only.
 */
import type { Candidate } from '../../schemas/candidates.ts';
import type {
  CandidateOutcome,
  EvaluationResult,
  FinalExam,
  OutcomesFile,
} from '../../schemas/outcomes.ts';
import type { Block, Session } from '../../schemas/session.ts';
import { addDays } from '../time.ts';

/** The four possible decisions. */
export type Decision = 'total' | 'partial' | 'refusal' | 'incomplete';

/** Why a decision was taken, or what staff should fix. */
export interface OutcomeReason {
  /** Stable machine code, kebab-case. */
  readonly code:
    | 'all-validated'
    | 'not-validated'
    | 'no-block-validated'
    | 'final-exam-without-block'
    | 'no-results'
    | 'missing-results'
    | 'unknown-specialisation'
    | 'other-specialisation'
    | 'unknown-block'
    | 'results-not-sent';
  /** `warning`: the data needs a fix; `info`: explains the decision. */
  readonly level: 'info' | 'warning';
  /** For staff, in English. */
  readonly message: string;
}

/** The decision for one candidate and everything an attestation or a staff page needs. */
export interface OutcomeDecision {
  /** Public code of the candidate. */
  readonly candidate: string;
  readonly decision: Decision;
  /** Ids of the required blocks validated, in session.yaml order. */
  readonly validatedBlocks: string[];
  /** Ids of the required blocks recorded as failed or absent, in session.yaml order. */
  readonly notValidatedBlocks: string[];
  /** `validated` only when both dossier and oral are; `missing` when a part has no result. */
  readonly finalExam: 'validated' | 'not-validated' | 'missing';
  /** What has no result (`B3`, `finalExam.oral`, `specialisation`); only when incomplete. */
  readonly missing?: string[];
  /** Day the results were sent (per-candidate override, else the file's). */
  readonly resultsSentOn?: string;
  /** Last day to open the appeal dialogue, `YYYY-MM-DD`; only for a decided, sent outcome. */
  readonly appealUntil?: string;
  readonly reasons: OutcomeReason[];
}

/** File-wide settings of outcomes.yaml the decision needs. */
export type OutcomeSettings = Pick<OutcomesFile, 'resultsSentOn' | 'appealDays'>;

/** The blocks a candidate must validate: every socle block, then their specialisation. */
export function requiredBlocks(candidate: Candidate, session: Session): Block[] | undefined {
  const specialisation = session.blocks.find(
    (b) => b.kind === 'specialisation' && b.id === candidate.specialisation,
  );
  if (!specialisation) return undefined;
  return session.blocks.filter((b) => b.kind === 'socle' || b === specialisation);
}

function finalExamStatus(exam: FinalExam | undefined): {
  status: OutcomeDecision['finalExam'];
  missing: string[];
} {
  const parts = ['dossier', 'oral'] as const;
  const missing = parts.filter((p) => exam?.[p] === undefined);
  if (missing.length > 0) {
    return { status: 'missing', missing: missing.map((p) => `finalExam.${p}`) };
  }
  const validated = parts.every((p) => exam?.[p] === 'validated');
  return { status: validated ? 'validated' : 'not-validated', missing: [] };
}

/** Warnings for recorded results that count for nothing. */
function ignoredResults(
  candidate: Candidate,
  outcome: CandidateOutcome | undefined,
  session: Session,
): OutcomeReason[] {
  const reasons: OutcomeReason[] = [];
  // With an unknown specialisation, no result can be said to be for the wrong one.
  const known = session.blocks.some(
    (b) => b.kind === 'specialisation' && b.id === candidate.specialisation,
  );
  for (const blockId of Object.keys(outcome?.blocks ?? {}).sort()) {
    const block = session.blocks.find((b) => b.id === blockId);
    if (!block) {
      reasons.push({
        code: 'unknown-block',
        level: 'warning',
        message: `result for ${blockId} ignored: session.yaml has no block ${blockId}`,
      });
    } else if (known && block.kind === 'specialisation' && blockId !== candidate.specialisation) {
      reasons.push({
        code: 'other-specialisation',
        level: 'warning',
        message: `result for ${blockId} ignored: ${candidate.code} takes the specialisation ${candidate.specialisation} (fix outcomes.yaml or candidates.yaml)`,
      });
    }
  }
  return reasons;
}

/** Decides one candidate's outcome; pure: same inputs, same answer. */
export function decideOutcome(
  candidate: Candidate,
  outcome: CandidateOutcome | undefined,
  session: Session,
  settings: OutcomeSettings,
): OutcomeDecision {
  const reasons = ignoredResults(candidate, outcome, session);
  const required = requiredBlocks(candidate, session);
  const blocks = required ?? session.blocks.filter((b) => b.kind === 'socle');
  const result = (b: Block): EvaluationResult | undefined => outcome?.blocks[b.id];
  const validatedBlocks = blocks.filter((b) => result(b) === 'validated').map((b) => b.id);
  const notValidatedBlocks = blocks
    .filter((b) => result(b) === 'failed' || result(b) === 'absent')
    .map((b) => b.id);
  const exam = finalExamStatus(outcome?.finalExam);
  const missing = [
    ...(required ? [] : ['specialisation']),
    ...blocks.filter((b) => result(b) === undefined).map((b) => b.id),
    ...exam.missing,
  ];
  const resultsSentOn = outcome?.resultsSentOn ?? settings.resultsSentOn;
  const base = {
    candidate: candidate.code,
    validatedBlocks,
    notValidatedBlocks,
    finalExam: exam.status,
  };
  const sent = resultsSentOn === undefined ? {} : { resultsSentOn };

  if (!required) {
    reasons.unshift({
      code: 'unknown-specialisation',
      level: 'warning',
      message: `candidates.yaml gives ${candidate.code} the specialisation ${candidate.specialisation}, which is not a specialisation block of session.yaml`,
    });
  }
  const gaps = missing.filter((m) => m !== 'specialisation');
  if (missing.length > 0) {
    if (gaps.length > 0 || !outcome) {
      reasons.push(
        outcome
          ? {
              code: 'missing-results',
              level: 'warning',
              message: `no result yet for ${gaps.join(', ')}`,
            }
          : {
              code: 'no-results',
              level: 'warning',
              message: `outcomes.yaml has no entry for ${candidate.code}`,
            },
      );
    }
    return { ...base, decision: 'incomplete', missing, ...sent, reasons };
  }

  let decision: Decision;
  if (validatedBlocks.length === 0) {
    decision = 'refusal';
    reasons.push({
      code: 'no-block-validated',
      level: 'info',
      message: 'no competency block validated',
    });
    if (exam.status === 'validated') {
      reasons.push({
        code: 'final-exam-without-block',
        level: 'info',
        message: 'the final exam is validated, but it is not a competency block: refusal',
      });
    }
  } else if (notValidatedBlocks.length === 0 && exam.status === 'validated') {
    decision = 'total';
    reasons.push({
      code: 'all-validated',
      level: 'info',
      message: 'every required block and the final exam validated',
    });
  } else {
    decision = 'partial';
    const failed = [...notValidatedBlocks, ...(exam.status === 'validated' ? [] : ['final exam'])];
    reasons.push({
      code: 'not-validated',
      level: 'info',
      message: `not validated: ${failed.join(', ')}`,
    });
  }
  if (resultsSentOn === undefined) {
    reasons.push({
      code: 'results-not-sent',
      level: 'info',
      message: 'no resultsSentOn: no appeal deadline yet',
    });
    return { ...base, decision, reasons };
  }
  return {
    ...base,
    decision,
    ...sent,
    appealUntil: addDays(resultsSentOn, settings.appealDays),
    reasons,
  };
}
