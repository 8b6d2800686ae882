/**
 * Which submission is decided for each candidate: the latest received on time (or, when none is,
 * the latest received), the others recorded as ignored with the reason. Submissions naming no
 * enrolled candidate become session findings. A candidate with no submission at all is
 * `not-admissible`: no dossier was received.
 */
import type { Finding } from '../../schemas/result.ts';
import type { Submission } from '../../schemas/submissions.ts';
import type { LoadedSession } from '../session/load.ts';
import { toInstant } from '../time.ts';
import { deadlineOf } from './deadline.ts';
import { finding } from './types.ts';

const RULE = 'submission';

/** The submission decided for one candidate, or why there is none. */
export interface Chosen {
  readonly candidate: string;
  /** The decided submission; absent when the candidate sent nothing. */
  readonly submission?: Submission;
  /** Other submissions of the candidate and why they were not decided. */
  readonly ignored: { file: string; reason: string }[];
  /** The `submission` finding (pass, or fail when nothing was received). */
  readonly finding: Finding;
}

/** Chooses one submission per enrolled candidate; returns the findings about strangers. */
export function chooseSubmissions(loaded: LoadedSession): {
  chosen: Chosen[];
  strangers: Finding[];
} {
  const zone = loaded.session.timezone;
  const limit = deadlineOf(loaded.session)?.instant.getTime() ?? Infinity;
  const enrolled = new Set(loaded.candidates.candidates.map((c) => c.code));
  const byCandidate = new Map<string, { submission: Submission; at: number; order: number }[]>();
  const strangers: Finding[] = [];
  loaded.submissions.submissions.forEach((submission, order) => {
    if (!enrolled.has(submission.candidate)) {
      strangers.push(
        finding(
          RULE,
          'error',
          `Le dossier ${submission.file} a été envoyé pour le code candidat ${submission.candidate}, qui n'est pas inscrit à cette session ; il n'a pas été examiné.`,
          `submissions.yaml entry ${order + 1} names candidate ${submission.candidate}, who is not in candidates.yaml: fix the code or enrol the candidate.`,
          { candidate: submission.candidate, entry: order + 1 },
          { file: submission.file },
        ),
      );
      return;
    }
    const list = byCandidate.get(submission.candidate) ?? [];
    list.push({ submission, at: toInstant(submission.receivedAt, zone).getTime(), order });
    byCandidate.set(submission.candidate, list);
  });

  const chosen = loaded.candidates.candidates.map((candidate): Chosen => {
    const list = byCandidate.get(candidate.code) ?? [];
    if (list.length === 0) {
      return {
        candidate: candidate.code,
        ignored: [],
        finding: finding(
          RULE,
          'fail',
          "Aucun dossier professionnel n'a été reçu pour votre candidature ; sans dossier, la candidature n'est pas recevable. Contactez l'équipe pédagogique si vous l'avez envoyé.",
          `No submission in submissions.yaml for ${candidate.code}.`,
          { submissions: 0 },
        ),
      };
    }
    // Latest first; the same instant keeps the entry listed last.
    const sorted = [...list].sort((a, b) => b.at - a.at || b.order - a.order);
    const onTime = sorted.filter((entry) => entry.at <= limit);
    const pick = onTime[0] ?? sorted[0]!;
    const ignored = sorted
      .filter((entry) => entry !== pick)
      .map(({ submission, at }) => ({
        file: submission.file,
        reason:
          at > limit && pick.at <= limit
            ? `received ${submission.receivedAt}, after the deadline; the on-time submission ${pick.submission.file} is decided`
            : `received ${submission.receivedAt}, before ${pick.submission.file} (${pick.submission.receivedAt}), which replaces it`,
      }));
    const file = pick.submission.file;
    const finding_ =
      ignored.length === 0
        ? finding(
            RULE,
            'pass',
            `Dossier reçu : ${file}.`,
            `One submission: ${file}.`,
            { submissions: 1 },
            { file },
          )
        : finding(
            RULE,
            'pass',
            `Vous avez envoyé ${list.length} dossiers ; seul le dernier reçu avant la date limite est examiné${onTime.length === 0 ? " (aucun n'est arrivé à temps : le dernier reçu est examiné)" : ''} : ${file}.`,
            `${list.length} submissions; decided ${file} (${pick.submission.receivedAt}); ignored ${ignored.map((i) => i.file).join(', ')}.`,
            { submissions: list.length, decided: file, ignored: ignored.map((i) => i.file) },
            { file },
          );
    return { candidate: candidate.code, submission: pick.submission, ignored, finding: finding_ };
  });
  return { chosen, strangers };
}
