/**
 * The time grid of the defences: each day is cut into back-to-back slots of presentation +
 * interview + deliberation, skipping breaks. A jury is formed for a whole day (the two members
 * read the dossiers and calibrate together), so the unit of the model is the day.
 */
import type { Defence } from '../../schemas/session.ts';
import { toInstant } from '../time.ts';

/** A day of defences and its slots. */
export interface Block {
  /** The day, `2023-09-20`. */
  readonly id: string;
  readonly day: string;
  /** `planned` on defence days, `makeup` on make-up days. */
  readonly kind: 'planned' | 'makeup';
  /** Start of each slot, in order. */
  readonly starts: readonly Date[];
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Minutes a room and its jury are busy for one defence. */
function slotMinutes(defence: Defence): number {
  return defence.presentationMinutes + defence.interviewMinutes + defence.deliberationMinutes;
}

/** Slot start times of one day as `HH:MM`, grouped by block. */
function dayClocks(defence: Defence): string[][] {
  const length = slotMinutes(defence);
  const end = minutes(defence.hours.end);
  const breaks = defence.hours.breaks
    .map(([from, to]) => [minutes(from), minutes(to)] as const)
    .sort((a, b) => a[0] - b[0]);
  const blocks: string[][] = [];
  let current: string[] = [];
  let cursor = minutes(defence.hours.start);
  while (cursor + length <= end) {
    const clash = breaks.find(([from, to]) => cursor < to && cursor + length > from);
    if (clash) {
      if (current.length > 0) blocks.push(current);
      current = [];
      cursor = Math.max(cursor, clash[1]);
      continue;
    }
    current.push(clock(cursor));
    cursor += length;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Every block of the session: defence days, then make-up days, in time order. */
export function buildBlocks(defence: Defence, timeZone: string): Block[] {
  const clocks = dayClocks(defence);
  const days = [
    ...defence.days.map((day) => ({ day, kind: 'planned' as const })),
    ...defence.makeUpDays.map((day) => ({ day, kind: 'makeup' as const })),
  ].sort((a, b) => a.day.localeCompare(b.day));
  return days.map(({ day, kind }) => ({
    id: day,
    day,
    kind,
    starts: clocks.flat().map((time) => toInstant(`${day}T${time}`, timeZone)),
  }));
}
