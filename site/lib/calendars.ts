/**
 * The site's iCalendar files: the feed of key dates (`/calendrier.ics`) and each candidate's
 * defence (`/candidats/<code>/soutenance.ics`, event id `defence-<code>`, the UID of the
 * convocation's event). DTSTAMP comes from the content, so rebuilds are byte-identical.
 */
import { addDays } from '../../pipeline/time.ts';
import { buildCalendar, type CalendarEvent } from '../../pipeline/calendar/ics.ts';
import type { Session } from '../../schemas/session.ts';
import type { PublicSlot } from '../data/public.ts';
import { timeline } from './timeline.ts';

/** The latest start among the key dates: the content-derived DTSTAMP of every site calendar. */
export function calendarStamp(session: Session): Date {
  const steps = timeline(session.keyDates, session.timezone);
  return new Date(Math.max(...steps.map((s) => s.start.getTime())));
}

/** The key dates as an RFC 5545 feed: date-times as instants, days as all-day events. */
export function keyDatesCalendar(session: Session): string {
  const events: CalendarEvent[] = timeline(session.keyDates, session.timezone).map((s) => {
    const base = {
      id: s.id,
      summary: s.title,
      ...(s.description ? { description: s.description } : {}),
      ...(session.url ? { url: session.url } : {}),
    };
    if (s.kind === 'instant') return { ...base, start: { instant: s.start } };
    const [first, last] = s.days!;
    return { ...base, start: { day: first }, end: { day: addDays(last, 1) } };
  });
  return buildCalendar({
    sessionId: session.id,
    name: session.title,
    stamp: calendarStamp(session),
    events,
  });
}

/** One candidate's defence as an invitation-free calendar file (METHOD:PUBLISH). */
export function defenceCalendar(session: Session, slot: PublicSlot): string {
  const room = session.defence.rooms.find((r) => r.id === slot.room);
  const venue = session.defence.venue;
  return buildCalendar({
    sessionId: session.id,
    name: `Soutenance ${slot.candidate} — ${session.title}`,
    stamp: calendarStamp(session),
    events: [
      {
        id: `defence-${slot.candidate}`,
        summary: `Soutenance du dossier professionnel — ${slot.candidate}`,
        start: { instant: new Date(slot.start) },
        end: { instant: new Date(slot.end) },
        location: `${room?.name ?? slot.room}, ${venue.name}, ${venue.address}`,
        ...(session.url ? { url: session.url } : {}),
        description: `Jury ${slot.juryLabel}. Présentation de ${session.defence.presentationMinutes} min puis entretien de ${session.defence.interviewMinutes} min.`,
      },
    ],
  });
}
