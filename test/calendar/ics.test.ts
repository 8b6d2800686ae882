import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, eventUid } from '../../pipeline/calendar/ics.ts';

const deadline = new Date('2023-08-25T10:00:00Z');
const text = buildCalendar({
  sessionId: 'epsi-2023',
  name: 'Certification — session 2023',
  stamp: deadline,
  events: [
    {
      id: 'remise-dossier',
      summary: 'Rendu du dossier professionnel',
      start: { instant: deadline },
    },
    {
      id: 'soutenances',
      summary: 'Soutenances',
      start: { day: '2023-09-20' },
      end: { day: '2023-09-23' },
      location: 'EPSI Montpellier, 1 rue de l’Exemple, 34000 Montpellier',
      description:
        'Une description assez longue pour que la ligne soit pliée au-delà de 75 octets.',
    },
  ],
});

describe('buildCalendar', () => {
  it('writes RFC 5545 lines ending in CRLF, none longer than 75 characters', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('parses back with ical.js: instants in UTC, days as all-day events', () => {
    const calendar = ICAL.Component.fromString(text);
    const [due, defences] = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(due?.startDate.toJSDate().toISOString()).toBe('2023-08-25T10:00:00.000Z');
    expect(due?.startDate.zone.tzid).toBe('UTC');
    expect(defences?.startDate.isDate).toBe(true);
    expect(defences?.startDate.toString()).toBe('2023-09-20');
    expect(defences?.endDate.toString()).toBe('2023-09-23');
    expect(defences?.location).toContain('Montpellier');
  });

  it('gives every event a stable UUIDv5 UID from session and event id', () => {
    expect(eventUid('epsi-2023', 'soutenances')).toBe(eventUid('epsi-2023', 'soutenances'));
    expect(eventUid('epsi-2023', 'soutenances')).not.toBe(eventUid('epsi-2024', 'soutenances'));
    expect(eventUid('epsi-2023', 'x')).toMatch(/^[0-9a-f-]{36}@recevable$/);
    expect(text).toContain(`UID:${eventUid('epsi-2023', 'remise-dossier')}`);
  });

  it('is byte-identical when built twice from the same content', () => {
    const again = buildCalendar({
      sessionId: 'epsi-2023',
      name: 'x',
      stamp: deadline,
      events: [{ id: 'a', summary: 'A', start: { instant: deadline } }],
    });
    const twice = buildCalendar({
      sessionId: 'epsi-2023',
      name: 'x',
      stamp: deadline,
      events: [{ id: 'a', summary: 'A', start: { instant: deadline } }],
    });
    expect(again).toBe(twice);
  });
});
