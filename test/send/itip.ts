/**
 * The restriction tables of RFC 5546 for a VEVENT, as a checker of parsed iCalendar objects:
 * §3.2.2 REQUEST and §3.2.5 CANCEL. Returns every broken rule ("Expected …"), empty when valid.
 */
import ICAL from 'ical.js';

type Presence = '1' | '1+' | '0+' | '0 or 1' | '0';

const REQUEST: Record<string, Presence> = {
  attendee: '1+',
  dtstamp: '1',
  dtstart: '1',
  organizer: '1',
  sequence: '0 or 1',
  summary: '1',
  uid: '1',
  dtend: '0 or 1',
  duration: '0 or 1',
  location: '0 or 1',
  status: '0 or 1',
  'request-status': '0',
};

const CANCEL: Record<string, Presence> = {
  attendee: '0+',
  dtstamp: '1',
  organizer: '1',
  sequence: '1',
  uid: '1',
  status: '0 or 1',
  dtstart: '0 or 1',
  dtend: '0 or 1',
  summary: '0 or 1',
  location: '0 or 1',
  'request-status': '0',
};

function count(presence: Presence, n: number): boolean {
  if (presence === '1') return n === 1;
  if (presence === '1+') return n >= 1;
  if (presence === '0 or 1') return n <= 1;
  if (presence === '0') return n === 0;
  return true;
}

/** Violations of RFC 5546 by an iTIP object of METHOD `method`. */
export function itipViolations(text: string, method: 'REQUEST' | 'CANCEL'): string[] {
  const problems: string[] = [];
  const calendar = ICAL.Component.fromString(text);
  const methods = calendar.getAllProperties('method').map((p) => String(p.getFirstValue()));
  if (methods.length !== 1 || methods[0] !== method)
    problems.push(`Expected one METHOD:${method}, found ${methods.join(', ') || 'none'}`);
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length === 0) problems.push('Expected at least one VEVENT');
  const uids = new Set(events.map((e) => String(e.getFirstPropertyValue('uid'))));
  if (uids.size > 1) problems.push(`Expected every VEVENT to share one UID, found ${uids.size}`);
  const table = method === 'REQUEST' ? REQUEST : CANCEL;
  for (const event of events) {
    for (const [name, presence] of Object.entries(table)) {
      const n = event.getAllProperties(name).length;
      if (!count(presence, n))
        problems.push(`Expected ${name.toUpperCase()} ${presence} time(s), found ${n}`);
    }
    if (event.hasProperty('dtend') && event.hasProperty('duration'))
      problems.push('Expected DTEND or DURATION, not both');
    const sequence = Number(event.getFirstPropertyValue('sequence') ?? 0);
    if (method === 'CANCEL' && !(sequence > 0))
      problems.push(`Expected a CANCEL to raise SEQUENCE above 0, found ${sequence}`);
    const status = event.getFirstPropertyValue('status');
    if (method === 'CANCEL' && status !== null && status !== 'CANCELLED')
      problems.push(`Expected STATUS:CANCELLED or none, found ${String(status)}`);
    if (method === 'CANCEL' && event.getAllSubcomponents('valarm').length > 0)
      problems.push('Expected no VALARM in a CANCEL');
    for (const p of [...event.getAllProperties('organizer'), ...event.getAllProperties('attendee')])
      if (!/^mailto:[^@\s]+@[^@\s]+$/i.test(String(p.getFirstValue())))
        problems.push(`Expected a mailto: address, found ${String(p.getFirstValue())}`);
  }
  return problems;
}
