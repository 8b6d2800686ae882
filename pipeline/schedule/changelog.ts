/**
 * Versions of the published schedule: the same content keeps its version; any change gets the
 * next version and a changelog entry naming every defence added, moved or removed, and why.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { JuriesFile } from '../../schemas/juries.ts';
import { dayInZone } from '../time.ts';
import type { Change, Schedule, Slot } from '../../schemas/schedule.ts';

type Draft = Pick<Schedule, 'session' | 'slots' | 'unscheduled'>;

/** The people files the reasons are read from. */
export interface People {
  readonly juries: JuriesFile;
  readonly candidates: CandidatesFile;
  readonly timeZone: string;
}

function why(before: Slot, after: Slot, people: People): string {
  const { juries, candidates, timeZone } = people;
  const gone = before.jury.filter(
    (id) => juries.members.find((m) => m.id === id)?.withdrawn ?? true,
  );
  if (gone.length > 0) return `jury member ${gone.join(', ')} withdrew`;
  if (after.kind === 'makeup' && before.kind !== 'makeup')
    return 'justified absence: make-up defence ("passage ultérieur")';
  const day = dayInZone(new Date(before.start), timeZone);
  const candidate = candidates.candidates.find((c) => c.code === before.candidate);
  if (candidate?.unavailable.includes(day)) return `the candidate is now unavailable on ${day}`;
  const away = before.jury.filter(
    (id) => !juries.members.find((m) => m.id === id)?.available.includes(day),
  );
  if (away.length > 0) return `jury member ${away.join(', ')} no longer available on ${day}`;
  const changed = [
    before.start !== after.start && 'time',
    before.room !== after.room && 'room',
    before.jury.join() !== after.jury.join() && 'jury',
  ].filter(Boolean);
  return `re-planned (${changed.join(', ')}) so that every candidate fits`;
}

/** The changes from `before` to `after`, by candidate. */
function diff(before: Schedule, after: Draft, people: People): Change[] {
  const old = new Map(before.slots.map((s) => [s.candidate, s]));
  const now = new Map(after.slots.map((s) => [s.candidate, s]));
  const reasons = new Map(after.unscheduled.map((u) => [u.candidate, u.reason]));
  const codes = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: Change[] = [];
  for (const code of codes) {
    const a = old.get(code);
    const b = now.get(code);
    if (!a && b) {
      changes.push({
        candidate: code,
        kind: 'added',
        reason: b.kind === 'makeup' ? 'make-up defence after a justified absence' : 'newly planned',
        to: b.start,
      });
    } else if (a && !b) {
      changes.push({
        candidate: code,
        kind: 'removed',
        reason: reasons.get(code) ?? 'no longer to be planned (not admissible)',
        from: a.start,
      });
    } else if (a && b && !isDeepStrictEqual({ ...a, juryLabel: '' }, { ...b, juryLabel: '' })) {
      changes.push({
        candidate: code,
        kind: 'moved',
        reason: why(a, b, people),
        from: a.start,
        to: b.start,
      });
    }
  }
  return changes;
}

/** The schedule to write: the previous one untouched when nothing changed, else the next version. */
export function nextVersion(
  previous: Schedule | undefined,
  draft: Draft,
  people: People,
): Schedule {
  if (!previous) return { ...draft, version: 1, changelog: [] };
  const same =
    previous.session === draft.session &&
    isDeepStrictEqual(previous.slots, draft.slots) &&
    isDeepStrictEqual(previous.unscheduled, draft.unscheduled);
  if (same) return previous;
  const version = previous.version + 1;
  return {
    ...draft,
    version,
    changelog: [...previous.changelog, { version, changes: diff(previous, draft, people) }],
  };
}
