/**
 * The result of one candidate: the rules applied to their dossier (deadline, format, pages,
 * plan), the findings of the session-level checks, and the overall status.
 */
import type { Candidate } from '../../schemas/candidates.ts';
import type { Document, ReadError } from '../../schemas/document.ts';
import { Result, type Finding } from '../../schemas/result.ts';
import { readerVersion } from '../read/index.ts';
import { overallStatus } from '../results/summary.ts';
import { tool } from '../results/write.ts';
import type { LoadedSession } from '../session/load.ts';
import { manipulation } from '../manipulation/check.ts';
import { deadline } from './deadline.ts';
import { eligibility } from './eligibility.ts';
import { format, unreadable } from './format.ts';
import { pages } from './pages.ts';
import { plan } from './plan.ts';
import type { Chosen } from './submissions.ts';
import { guard, type Check } from './types.ts';

/** The rules applied to each readable dossier, in the order they appear in results. */
const checks: Readonly<Record<string, Check>> = { deadline, format, pages, plan };

/** A candidate's submission as found on disk, and what the reader made of it. */
export interface Reading {
  readonly chosen: Chosen;
  readonly candidate?: Candidate | undefined;
  /** Absolute path of the file, when it is inside the session folder and exists. */
  readonly path?: string;
  readonly sha256?: string;
  readonly document?: Document | ReadError;
  /** Why the file could not be read at all (missing, outside the session folder). */
  readonly problem?: Finding;
}

/** The readable Document of a reading, if any. */
export const readable = (reading: Reading): Document | undefined =>
  reading.document && !('error' in reading.document) ? reading.document : undefined;

/** The findings of the per-dossier rules, `submission` first. */
export function findingsOf(reading: Reading, loaded: LoadedSession): Record<string, Finding> {
  const { chosen, document, problem } = reading;
  const out: Record<string, Finding> = { submission: problem ?? chosen.finding };
  // Eligibility reads candidates.yaml, not the dossier: decided even without a submission.
  const eligible = eligibility(reading.candidate, loaded.session);
  if (eligible) out['eligibility'] = eligible;
  const submission = chosen.submission;
  if (!submission) return out;
  out['deadline'] = guard('deadline', submission.file, () =>
    deadline(document as Document, submission, loaded.session),
  );
  if (!document) return out;
  if ('error' in document) {
    out['format'] = unreadable(document, submission.file, reading.path);
    return out;
  }
  // The plan rule recognises a chapter titled with the candidate's host company.
  const { candidate } = reading;
  for (const [rule, check] of Object.entries(checks)) {
    if (rule !== 'deadline')
      out[rule] = guard(rule, submission.file, () =>
        check(document, submission, loaded.session, candidate),
      );
  }
  // Reported only when a trick is found: most dossiers use none.
  const tricks = manipulation(document, submission);
  if (tricks) out['manipulation'] = tricks;
  return out;
}

/** The validated result of a candidate from a reading and the session-level findings. */
export function decide(
  reading: Reading,
  loaded: LoadedSession,
  sessionFindings: Record<string, Finding> = {},
): Result {
  const found = { ...findingsOf(reading, loaded), ...sessionFindings };
  const formatFinding = found['format'];
  if (formatFinding) formatFinding.evidence = { ...formatFinding.evidence, reader: readerVersion };
  const submission = reading.chosen.submission;
  return Result.parse({
    candidate: reading.chosen.candidate,
    status: overallStatus(Object.values(found)),
    ...(submission
      ? {
          submission: {
            file: submission.file,
            receivedAt: submission.receivedAt,
            ...(reading.sha256 ? { sha256: reading.sha256 } : {}),
            ignored: reading.chosen.ignored,
          },
        }
      : {}),
    checks: found,
    tool,
    rules: loaded.session.rules,
  });
}
