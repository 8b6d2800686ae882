/** The order of passage grouped as it is printed: by day, then room, then time. */
import type { Session } from '../../schemas/session.ts';
import type { PublicSlot } from '../data/public.ts';
import { dayInZone } from '../../pipeline/time.ts';

/** The defences of one room on one day, by time. */
export interface RoomDay {
  readonly day: string;
  readonly room: { readonly id: string; readonly name: string };
  readonly slots: readonly PublicSlot[];
}

/** One day of defences, rooms in the order of session.yaml. */
export interface PassageDay {
  readonly day: string;
  readonly rooms: readonly RoomDay[];
}

/** Groups the slots by day (session timezone), then room (session order), then start. */
export function passageDays(session: Session, slots: readonly PublicSlot[]): PassageDay[] {
  const byDay = new Map<string, PublicSlot[]>();
  for (const slot of slots) {
    const day = dayInZone(new Date(slot.start), session.timezone);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  return [...byDay.keys()].sort().map((day) => {
    const daySlots = byDay.get(day) ?? [];
    const rooms = session.defence.rooms
      .map((room) => ({
        day,
        room,
        slots: daySlots
          .filter((s) => s.room === room.id)
          .sort((a, b) => a.start.localeCompare(b.start)),
      }))
      .filter((r) => r.slots.length > 0);
    return { day, rooms };
  });
}

/** « Jury A », followed by the members' names when the session publishes them. */
export function juryText(slot: PublicSlot): string {
  return slot.jurors?.length
    ? `Jury ${slot.juryLabel} (${slot.jurors.join(', ')})`
    : `Jury ${slot.juryLabel}`;
}
