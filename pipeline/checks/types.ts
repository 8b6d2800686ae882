/**
 * The shape every admissibility check shares. A check reads one Document (what the reader
 * found in a dossier), the submission it came from and the session, and returns a Finding:
 * it never throws. Session-level checks (similarity) see every readable dossier at once.
 */
import type { Candidate } from '../../schemas/candidates.ts';
import type { Document } from '../../schemas/document.ts';
import type { Finding } from '../../schemas/result.ts';
import type { Session } from '../../schemas/session.ts';
import type { Submission } from '../../schemas/submissions.ts';
import type { LoadedSession } from '../session/load.ts';

/** One rule applied to one dossier; `candidate` is the enrolled candidate, when known (their host company). */
export type Check = (
  document: Document,
  submission: Submission,
  session: Session,
  candidate?: Candidate,
) => Finding;

/** A readable dossier handed to a session-level check. */
export interface SessionEntry {
  /** Candidate code. */
  readonly candidate: string;
  /** What the reader found in the dossier. */
  readonly document: Document;
  /** The submission decided for this candidate. */
  readonly submission: Submission;
}

/**
 * A rule that needs every dossier of the session at once (similarity). Returns one Finding per
 * candidate code; a candidate without a Finding is recorded as not checked (`error`).
 */
export type SessionCheck = (
  entries: SessionEntry[],
  loaded: LoadedSession,
) => Promise<Map<string, Finding>>;

/** Builds a Finding with an empty evidence and no place unless given. */
export function finding(
  rule: string,
  status: Finding['status'],
  message: string,
  detail: string,
  evidence: Record<string, unknown> = {},
  place?: Finding['place'],
): Finding {
  return place
    ? { rule, status, message, detail, evidence, place }
    : { rule, status, message, detail, evidence };
}

/** Turns an unexpected exception inside a check into an `error` Finding (checks never throw). */
export function guard(rule: string, file: string, run: () => Finding): Finding {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return finding(
      rule,
      'error',
      `La règle « ${rule} » n'a pas pu être vérifiée automatiquement ; l'équipe pédagogique examinera votre dossier.`,
      `The ${rule} check failed unexpectedly on ${file}: ${reason}. This is a bug in recevable.`,
      { reason },
      { file },
    );
  }
}
