/**
 * What each candidate needs from the model: allowed blocks (availability, make-up after a
 * justified absence), excluded members (company, tutor) and the published defence to keep.
 * Candidates who cannot be placed whatever the others do get their reason here, before the MIP.
 */
import type { Candidate } from '../../schemas/candidates.ts';
import type { Schedule } from '../../schemas/schedule.ts';
import type { LoadedSession } from '../session/load.ts';
import { dayInZone } from '../time.ts';
import type { Block } from './grid.ts';
import { juryKey, type Demand, type Seat } from './model.ts';
import { conflict } from './people.ts';

/** A candidate left out, and the constraint that blocks them. */
export interface Blocked {
  readonly candidate: string;
  readonly reason: string;
}

export interface Demands {
  readonly demands: Demand[];
  readonly blocked: Blocked[];
  /** Candidates planned on make-up days (justified absence). */
  readonly makeup: ReadonlySet<string>;
}

const list = (days: readonly string[]) => days.join(', ');

/** Builds the demand of every candidate to plan, or the reason they cannot be planned. */
export function buildDemands(
  loaded: LoadedSession,
  codes: readonly string[],
  seats: readonly Seat[],
  blocks: readonly Block[],
  previous: Schedule | undefined,
): Demands {
  const { session, candidates, juries } = loaded;
  const tz = session.timezone;
  const tutors = new Map(candidates.tutors.map((t) => [t.id, t]));
  const byCode = new Map(candidates.candidates.map((c) => [c.code, c]));
  const published = new Map((previous?.slots ?? []).map((s) => [s.candidate, s]));
  const blockOf = new Map(blocks.flatMap((b) => b.starts.map((s) => [s.getTime(), b] as const)));
  const demands: Demand[] = [];
  const blocked: Blocked[] = [];
  const makeup = new Set<string>();
  for (const code of [...codes].sort()) {
    const candidate = byCode.get(code);
    if (!candidate) continue;
    const slot = published.get(code);
    const block = (c: Candidate) => (b: Block) => !c.unavailable.includes(b.day);
    let allowed: Block[];
    let pinned = slot;
    if (candidate.absent === 'unjustified') {
      blocked.push({
        candidate: code,
        reason: 'unjustified absence: removed from the order of passage',
      });
      continue;
    }
    if (candidate.absent === 'justified' && slot?.kind !== 'makeup') {
      makeup.add(code);
      pinned = undefined;
      const after = slot ? dayInZone(new Date(slot.start), tz) : '';
      const later = blocks.filter((b) => b.kind === 'makeup' && b.day > after);
      if (later.length === 0) {
        blocked.push({
          candidate: code,
          reason: 'unscheduled: justified absence, no make-up day in the session',
        });
        continue;
      }
      allowed = later.filter(block(candidate));
      if (allowed.length === 0) {
        const days = [...new Set(later.map((b) => b.day))];
        blocked.push({
          candidate: code,
          reason: `justified absence: unavailable on every make-up day (${list(days)})`,
        });
        continue;
      }
    } else {
      if (slot?.kind === 'makeup') makeup.add(code);
      const kind = slot?.kind === 'makeup' ? 'makeup' : 'planned';
      allowed = blocks.filter((b) => b.kind === kind && block(candidate)(b));
      if (allowed.length === 0) {
        blocked.push({
          candidate: code,
          reason: `unavailable on every defence day (${list(session.defence.days)})`,
        });
        continue;
      }
    }
    const days = [...new Set(allowed.map((b) => b.day))];
    const spec = candidate.specialisation;
    const experts = seats.filter((s) => s.expertise.includes(spec));
    if (experts.length === 0) {
      const withdrawn = juries.members
        .filter((m) => m.withdrawn && m.expertise.includes(spec))
        .map((m) => m.id);
      const note = withdrawn.length > 0 ? ` (withdrawn: ${withdrawn.join(', ')})` : '';
      blocked.push({
        candidate: code,
        reason: `expertise: no active jury member has ${spec} expertise${note}`,
      });
      continue;
    }
    const present = experts.filter((s) => days.some((d) => s.days.has(d)));
    if (present.length === 0) {
      blocked.push({
        candidate: code,
        reason: `availability: no jury member with ${spec} expertise is available on their days (${list(days)})`,
      });
      continue;
    }
    const excluded = new Set<string>();
    const why: string[] = [];
    for (const member of juries.members) {
      const reason = conflict(
        member,
        candidate,
        candidate.tutor ? tutors.get(candidate.tutor) : undefined,
      );
      if (!reason) continue;
      excluded.add(member.id);
      if (present.some((s) => s.id === member.id)) why.push(`${member.id} (${reason})`);
    }
    if (present.every((s) => excluded.has(s.id))) {
      blocked.push({
        candidate: code,
        reason: `conflict: every jury member with ${spec} expertise available on their days is excluded: ${why.join(', ')}`,
      });
      continue;
    }
    const pinBlock = pinned ? blockOf.get(new Date(pinned.start).getTime()) : undefined;
    const pin =
      pinned && pinBlock
        ? { jury: juryKey([...pinned.jury].sort()), block: pinBlock.id }
        : undefined;
    demands.push({
      code,
      specialisation: spec,
      excluded,
      blocks: allowed.map((b) => b.id),
      ...(pin ? { pin } : {}),
    });
  }
  return { demands, blocked, makeup };
}
