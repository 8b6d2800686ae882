/**
 * iCalendar (RFC 5545) files: the public feed of key dates, convocation and jury attachments.
 * Times are written in UTC (`…Z`), days as `VALUE=DATE`, so no VTIMEZONE is needed and every
 * client shows the right wall-clock time. UIDs are UUIDv5 of session + event id, so the same
 * event keeps its UID in every file that carries it (feed, convocation, jury mailing).
 * Invitations are iTIP (RFC 5546): `REQUEST` with ORGANIZER, ATTENDEE and SEQUENCE, `CANCEL`
 * with the same UID and a higher SEQUENCE.
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

/** A person of an invitation: the organiser, or an attendee. */
export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
}

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
  /** iTIP: who organises the event (required by REQUEST and CANCEL). */
  readonly organiser?: CalendarPerson;
  /** iTIP: who is invited (required by REQUEST), each a required participant asked to reply. */
  readonly attendees?: readonly CalendarPerson[];
  /** iTIP SEQUENCE: written when above 0 (RFC 5546 §3.2.2), always for a CANCEL. */
  readonly sequence?: number;
  /** `CANCELLED` when the whole event is withdrawn (not when only some attendees are uninvited). */
  readonly status?: 'CANCELLED';
}

/** A calendar file. */
export interface Calendar {
  readonly sessionId: string;
  /** Shown by clients as the calendar's name. */
  readonly name: string;
  /** DTSTAMP of every event: derive it from the content so rebuilds are byte-identical. */
  readonly stamp: Date;
  /** `PUBLISH` for a feed, `REQUEST` for an invitation, `CANCEL` to withdraw one. */
  readonly method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  readonly events: readonly CalendarEvent[];
}

const mailto = (person: CalendarPerson) => `mailto:${person.email}`;

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
    if (event.sequence !== undefined && (event.sequence > 0 || calendar.method === 'CANCEL'))
      vevent.addPropertyWithValue('sequence', event.sequence);
    if (event.status) vevent.addPropertyWithValue('status', event.status);
    if (event.organiser) {
      const organiser = vevent.addPropertyWithValue('organizer', mailto(event.organiser));
      organiser.setParameter('cn', event.organiser.name);
    }
    for (const person of event.attendees ?? []) {
      const attendee = vevent.addPropertyWithValue('attendee', mailto(person));
      attendee.setParameter('cn', person.name);
      attendee.setParameter('role', 'REQ-PARTICIPANT');
      if (calendar.method === 'REQUEST') {
        attendee.setParameter('partstat', 'NEEDS-ACTION');
        attendee.setParameter('rsvp', 'TRUE');
      }
    }
    vcalendar.addSubcomponent(vevent);
  }
  return `${vcalendar.toString()}\r\n`;
}
