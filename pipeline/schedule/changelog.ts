/**
 * Versions of the published schedule: the same content keeps its version; any change gets the
 * next version and a changelog entry naming every defence added, moved or removed, and why.
 *
 * Each version also carries the iTIP state of the invitations (RFC 5546): a defence whose time
 * or room changed gets the next SEQUENCE, so calendars replace the event; a defence withdrawn,
 * or a juror taken off one, gets a cancellation (SEQUENCE + 1, same UID) for `send` to mail.
 * An invitation sent again after a cancellation outranks it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CandidatesFile } from '../../schemas/candidates.ts';
import type { JuriesFile } from '../../schemas/juries.ts';
import { dayInZone } from '../time.ts';
import type { Cancellation, Change, Schedule, Slot } from '../../schemas/schedule.ts';

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
    } else if (
      a &&
      b &&
      !isDeepStrictEqual({ ...bare(a), juryLabel: '' }, { ...bare(b), juryLabel: '' })
    ) {
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

/** The slot without its iTIP state, as the planner drafts it. */
function bare(slot: Slot): Slot {
  const rest = { ...slot };
  delete rest.sequence;
  return rest;
}

/** True when the invitation's event changed for a calendar: its time or its room. */
function rescheduled(a: Slot, b: Slot): boolean {
  return a.start !== b.start || a.end !== b.end || a.room !== b.room;
}

/** The SEQUENCE of each new slot and the cancellations this version adds. */
function invitations(
  previous: Schedule,
  slots: readonly Slot[],
  version: number,
): { slots: Slot[]; cancelled: Cancellation[] } {
  const old = new Map(previous.slots.map((s) => [s.candidate, s]));
  const history = previous.cancelled ?? [];
  const cancelled: Cancellation[] = [];
  const cancel = (a: Slot, scope: Cancellation['scope'], jury: string[]) =>
    cancelled.push({
      candidate: a.candidate,
      version,
      scope,
      jury,
      sequence: (a.sequence ?? 0) + 1,
      start: a.start,
      end: a.end,
      room: a.room,
    });
  const now = new Set(slots.map((s) => s.candidate));
  for (const a of previous.slots) if (!now.has(a.candidate)) cancel(a, 'defence', [...a.jury]);
  const next = slots.map((b) => {
    const a = old.get(b.candidate);
    let sequence = a ? (a.sequence ?? 0) + (rescheduled(a, b) ? 1 : 0) : 0;
    // Someone re-invited after a cancellation: the new invitation must outrank the CANCEL.
    for (const c of history) {
      const again = c.scope === 'defence' || c.jury.some((id) => b.jury.includes(id));
      if (c.candidate === b.candidate && again && !a?.jury.some((id) => c.jury.includes(id)))
        sequence = Math.max(sequence, c.sequence + 1);
    }
    if (a) {
      const gone = a.jury.filter((id) => !b.jury.includes(id));
      if (gone.length > 0) cancel(a, 'juror', gone);
    }
    return sequence > 0 ? { ...b, sequence } : bare(b);
  });
  return { slots: next, cancelled };
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
    isDeepStrictEqual(previous.slots.map(bare), draft.slots.map(bare)) &&
    isDeepStrictEqual(previous.unscheduled, draft.unscheduled);
  if (same) return previous;
  const version = previous.version + 1;
  const { slots, cancelled } = invitations(previous, draft.slots, version);
  const all = [...(previous.cancelled ?? []), ...cancelled];
  return {
    ...draft,
    slots,
    version,
    changelog: [
      ...previous.changelog,
      { version, changes: diff(previous, { ...draft, slots }, people) },
    ],
    ...(all.length > 0 ? { cancelled: all } : {}),
  };
}
