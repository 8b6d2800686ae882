/** The JSON export the hall display polls: codes, jury letters, rooms and times only. */
import type { SiteContent } from '../data/collections.ts';
import type { DisplayData } from './display.ts';

/** The display's data, built from the published schedule (empty before publication). */
export function displayData({ session, schedule }: SiteContent): DisplayData {
  return {
    session: session.id,
    title: session.title,
    timezone: session.timezone,
    version: schedule?.version ?? 0,
    rooms: session.defence.rooms.map((r) => ({ id: r.id, name: r.name })),
    slots: (schedule?.slots ?? []).map((s) => ({
      candidate: s.candidate,
      room: s.room,
      juryLabel: s.juryLabel,
      start: s.start,
      end: s.end,
      deliberationEnd: s.deliberationEnd,
    })),
  };
}
