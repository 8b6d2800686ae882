/**
 * iCalendar (RFC 5545) files: the public feed of key dates, convocation and jury attachments.
 * Times are written in UTC (`…Z`), days as `VALUE=DATE`, so no VTIMEZONE is needed and every
 * client shows the right wall-clock time. UIDs are UUIDv5 of session + event id, so the same
 * event keeps its UID in every file that carries it (feed, convocation, jury mailing).
 */
import ICAL from 'ical.js';
import { v5 as uuidv5 } from 'uuid';

/** Namespace of Recevable's UUIDv5 identifiers (fixed forever: changing it changes every UID). */
const NAMESPACE = '6f1d3c52-3f0e-4a8e-9a57-2f4b8e1c9d10';

/** The stable UID of an event of a session. */
export function eventUid(sessionId: string, eventId: string): string {
  return `${uuidv5(`${sessionId}/${eventId}`, NAMESPACE)}@recevable`;
}

/** When an event happens: an instant, or whole days (`end` exclusive, as RFC 5545 wants). */
export type When = { instant: Date } | { day: string };

/** One event of a calendar file. */
export interface CalendarEvent {
  /** Stable id within the session: the key date id, `defence-C001`… */
  readonly id: string;
  readonly summary: string;
  readonly start: When;
  /** Omitted for an instant: the event then has no duration. */
  readonly end?: When;
  readonly description?: string;
  readonly location?: string;
  readonly url?: string;
}

/** A calendar file. */
export interface Calendar {
  readonly sessionId: string;
  /** Shown by clients as the calendar's name. */
  readonly name: string;
  /** DTSTAMP of every event: derive it from the content so rebuilds are byte-identical. */
  readonly stamp: Date;
  /** `PUBLISH` for a feed, `REQUEST` for an invitation. */
  readonly method?: 'PUBLISH' | 'REQUEST';
  readonly events: readonly CalendarEvent[];
}

function toTime(when: When): ICAL.Time {
  if ('day' in when) return ICAL.Time.fromDateString(when.day);
  return ICAL.Time.fromJSDate(new Date(Math.floor(when.instant.getTime() / 1000) * 1000), true);
}

/** The calendar as RFC 5545 text (CRLF line ends, lines folded at 75 octets). */
export function buildCalendar(calendar: Calendar): string {
  const vcalendar = new ICAL.Component('vcalendar');
  vcalendar.addPropertyWithValue('prodid', '-//Recevable//Recevable//FR');
  vcalendar.addPropertyWithValue('version', '2.0');
  vcalendar.addPropertyWithValue('calscale', 'GREGORIAN');
  vcalendar.addPropertyWithValue('method', calendar.method ?? 'PUBLISH');
  vcalendar.addPropertyWithValue('x-wr-calname', calendar.name);
  for (const event of calendar.events) {
    const vevent = new ICAL.Component('vevent');
    vevent.addPropertyWithValue('uid', eventUid(calendar.sessionId, event.id));
    vevent.addPropertyWithValue('dtstamp', toTime({ instant: calendar.stamp }));
    vevent.addPropertyWithValue('dtstart', toTime(event.start));
    if (event.end) vevent.addPropertyWithValue('dtend', toTime(event.end));
    vevent.addPropertyWithValue('summary', event.summary);
    if (event.description) vevent.addPropertyWithValue('description', event.description);
    if (event.location) vevent.addPropertyWithValue('location', event.location);
    if (event.url) vevent.addPropertyWithValue('url', event.url);
    vcalendar.addSubcomponent(vevent);
  }
  return `${vcalendar.toString()}\r\n`;
}
