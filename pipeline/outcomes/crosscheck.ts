/**
 * Checks between outcomes.yaml / tutoring.yaml and candidates.yaml. They return problems and
 * never throw: an entry for an unknown candidate is reported and skipped, the rest is used.
 */
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { OutcomesFile } from '../../schemas/outcomes.ts';
import type { TutoringFile } from '../../schemas/tutoring.ts';
import { Errors } from '../errors.ts';
import { problemOf, type Locate, type Problem } from './read.ts';

/** Outcomes recorded for codes that candidates.yaml does not know. */
export function checkOutcomes(
  outcomes: OutcomesFile,
  candidates: CandidatesFile,
  locate: Locate,
): Problem[] {
  const known = new Set(candidates.candidates.map((c) => c.code));
  return outcomes.outcomes.flatMap((entry, index) =>
    known.has(entry.candidate)
      ? []
      : [
          problemOf(
            Errors.OutcomesUnknownCandidate,
            'error',
            'outcomes.yaml',
            locate(['outcomes', index, 'candidate']),
            'outcomes.yaml',
            entry.candidate,
          ),
        ],
  );
}

/** Tutoring of unknown candidates, unknown tutors, and tutors that differ from candidates.yaml. */
export function checkTutoring(
  tutoring: TutoringFile,
  candidates: CandidatesFile,
  locate: Locate,
): Problem[] {
  const byCode = new Map(candidates.candidates.map((c) => [c.code, c]));
  const tutors = new Set(candidates.tutors.map((t) => t.id));
  const file = 'tutoring.yaml';
  return tutoring.tutoring.flatMap((entry, index): Problem[] => {
    const candidate = byCode.get(entry.candidate);
    if (!candidate) {
      const at = locate(['tutoring', index, 'candidate']);
      return [problemOf(Errors.OutcomesUnknownCandidate, 'error', file, at, file, entry.candidate)];
    }
    const at = locate(['tutoring', index, 'tutor']);
    if (!tutors.has(entry.tutor)) {
      return [
        problemOf(Errors.OutcomesUnknownTutor, 'error', file, at, entry.candidate, entry.tutor),
      ];
    }
    if (candidate.tutor !== entry.tutor) {
      const listed = candidate.tutor ?? 'no tutor';
      return [
        problemOf(
          Errors.OutcomesTutorMismatch,
          'warning',
          file,
          at,
          entry.candidate,
          entry.tutor,
          listed,
        ),
      ];
    }
    return [];
  });
}
