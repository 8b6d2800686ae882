/**
 * Checks between outcomes.yaml / tutoring.yaml and the other files of the session. They
 * return findings and never throw. `recevable outcomes` prints every finding and goes on
 * with the rest; `recevable validate` reports the errors through `outcomeRules`.
 */
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { OutcomesFile } from '../../schemas/outcomes.ts';
import type { Session } from '../../schemas/session.ts';
import type { TutoringFile } from '../../schemas/tutoring.ts';
import { Errors, type ErrorDef } from '../errors.ts';
import type { Target, YamlPath } from '../session/locate.ts';

/** A cross-file finding, placed by its path in the file. */
export interface CrossFinding {
  /** `outcomes.yaml` or `tutoring.yaml`. */
  readonly file: string;
  /** Path in the file, as zod gives it, e.g. `['outcomes', 3, 'candidate']`. */
  readonly path: YamlPath;
  /** Point at the value (default) or at the key of the last segment. */
  readonly target: Target;
  /** `error`: the entry is not used; `warning`: used, but staff should look. */
  readonly level: 'error' | 'warning';
  /** Catalogue entry and its arguments. */
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

function finding<A extends unknown[]>(
  file: string,
  path: YamlPath,
  level: CrossFinding['level'],
  def: ErrorDef<A>,
  args: A,
  target: Target = 'value',
): CrossFinding {
  return {
    file,
    path,
    target,
    level,
    code: def.code,
    message: def.message(...args),
    fix: def.hint(...args),
  };
}

/** Results for codes candidates.yaml does not know, and for blocks session.yaml does not define. */
export function checkOutcomes(
  outcomes: OutcomesFile,
  candidates: CandidatesFile,
  session: Session,
): CrossFinding[] {
  const file = 'outcomes.yaml';
  const known = new Set(candidates.candidates.map((c) => c.code));
  const blocks = session.blocks.map((b) => b.id);
  return outcomes.outcomes.flatMap((entry, index) => {
    const found: CrossFinding[] = [];
    if (!known.has(entry.candidate)) {
      const path = ['outcomes', index, 'candidate'];
      found.push(
        finding(file, path, 'error', Errors.OutcomesUnknownCandidate, [file, entry.candidate]),
      );
    }
    for (const block of Object.keys(entry.blocks).sort()) {
      if (blocks.includes(block)) continue;
      const path = ['outcomes', index, 'blocks', block];
      const args: [string, string, string] = [entry.candidate, block, blocks.join(', ')];
      found.push(finding(file, path, 'error', Errors.OutcomesUnknownBlock, args, 'key'));
    }
    return found;
  });
}

/** Tutoring of unknown candidates, unknown tutors, and tutors that differ from candidates.yaml. */
export function checkTutoring(tutoring: TutoringFile, candidates: CandidatesFile): CrossFinding[] {
  const file = 'tutoring.yaml';
  const byCode = new Map(candidates.candidates.map((c) => [c.code, c]));
  const tutors = new Set(candidates.tutors.map((t) => t.id));
  return tutoring.tutoring.flatMap((entry, index): CrossFinding[] => {
    const candidate = byCode.get(entry.candidate);
    if (!candidate) {
      const path = ['tutoring', index, 'candidate'];
      return [
        finding(file, path, 'error', Errors.OutcomesUnknownCandidate, [file, entry.candidate]),
      ];
    }
    const path = ['tutoring', index, 'tutor'];
    if (!tutors.has(entry.tutor)) {
      return [
        finding(file, path, 'error', Errors.OutcomesUnknownTutor, [entry.candidate, entry.tutor]),
      ];
    }
    if (candidate.tutor !== entry.tutor) {
      const args: [string, string, string] = [
        entry.candidate,
        entry.tutor,
        candidate.tutor ?? 'no tutor',
      ];
      return [finding(file, path, 'warning', Errors.OutcomesTutorMismatch, args)];
    }
    return [];
  });
}
