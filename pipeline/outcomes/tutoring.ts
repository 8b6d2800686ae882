/**
 * Who lacks tutor meetings. The reference owes every candidate "3 rendez-vous individuels et
 * une préparation à la soutenance" for writing the dossier (counts set in tutoring.yaml).
 *
 * - An individual meeting counts when held on or before the day of the dossier deadline
 *   (`rules.deadline`): it helps write a dossier only before it is due. Later ones are
 *   reported as late.
 * - The defence preparation counts when held before the first defence day: it prepares the
 *   oral, which comes weeks after the dossier is due, so requiring it by the dossier deadline
 *   would flag every candidate of a normal calendar.
 * - A candidate with no tutoring.yaml entry has had no meeting.
 */
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { KeyDate, Session } from '../../schemas/session.ts';
import type {
  CandidateTutoring,
  Meeting,
  MeetingKind,
  TutoringFile,
} from '../../schemas/tutoring.ts';

/** Tutoring of one candidate, against what is owed. */
export interface TutoringStatus {
  /** Public code of the candidate. */
  readonly candidate: string;
  /** Tutor of tutoring.yaml, else of candidates.yaml. */
  readonly tutor?: string;
  /** Individual meetings held by the dossier deadline. */
  readonly individual: number;
  /** Individual meetings held after the dossier deadline (not counted). */
  readonly lateIndividual: number;
  /** Defence preparations held before the first defence day. */
  readonly preparation: number;
  /** What is still owed, in English for staff; empty when nothing is. */
  readonly lacks: string[];
}

/** Cut-off days of the tutoring rules. */
export interface TutoringCutoffs {
  /** Last day an individual meeting counts: the day of `rules.deadline`. */
  readonly individualBy: string;
  /** First defence day: a preparation counts when strictly before it. */
  readonly preparationBefore: string;
}

/** The last calendar day of a key date. */
export function keyDateDay(keyDate: KeyDate): string {
  return 'at' in keyDate ? keyDate.at.slice(0, 10) : keyDate.to;
}

/** The cut-offs of a session; undefined when `rules.deadline` names no key date. */
export function tutoringCutoffs(session: Session): TutoringCutoffs | undefined {
  const deadline = session.keyDates.find((k) => k.id === session.rules.deadline);
  if (!deadline) return undefined;
  const firstDefence = [...session.defence.days].sort()[0] ?? keyDateDay(deadline);
  return { individualBy: keyDateDay(deadline), preparationBefore: firstDefence };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Tutoring status of every candidate of candidates.yaml, sorted by code. */
export function tutoringStatuses(
  candidates: CandidatesFile,
  tutoring: TutoringFile,
  cutoffs: TutoringCutoffs,
): TutoringStatus[] {
  const byCandidate = new Map<string, CandidateTutoring>(
    tutoring.tutoring.map((t) => [t.candidate, t]),
  );
  const ofKind = (meetings: readonly Meeting[], kind: MeetingKind) =>
    meetings.filter((m) => m.kind === kind);
  return [...candidates.candidates]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((candidate) => {
      const entry = byCandidate.get(candidate.code);
      const meetings = entry?.meetings ?? [];
      const individuals = ofKind(meetings, 'individual');
      const individual = individuals.filter((m) => m.on <= cutoffs.individualBy).length;
      const preparation = ofKind(meetings, 'preparation').filter(
        (m) => m.on < cutoffs.preparationBefore,
      ).length;
      const lacks: string[] = [];
      const owedIndividual = tutoring.required.individual - individual;
      if (owedIndividual > 0) lacks.push(plural(owedIndividual, 'individual meeting'));
      const owedPreparation = tutoring.required.preparation - preparation;
      if (owedPreparation > 0) lacks.push(plural(owedPreparation, 'defence preparation'));
      const tutor = entry?.tutor ?? candidate.tutor;
      return {
        candidate: candidate.code,
        ...(tutor === undefined ? {} : { tutor }),
        individual,
        lateIndividual: individuals.length - individual,
        preparation,
        lacks,
      };
    });
}
