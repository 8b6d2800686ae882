import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventUid } from '../../pipeline/calendar/ics.ts';
import { readSiteData } from '../../site/data/read.ts';
import { calendarStamp, defenceCalendar, keyDatesCalendar } from '../../site/lib/calendars.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/site/session-2023');
const DEMO = join(import.meta.dirname, '../../content/demo-2023');

/** The events of an iCalendar text, parsed back with ical.js, by UID. */
function events(ics: string): Map<string, ICAL.Event> {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return new Map(
    calendar
      .getAllSubcomponents('vevent')
      .map((v) => [String(v.getFirstPropertyValue('uid')), new ICAL.Event(v)]),
  );
}

function event(ics: string, sessionId: string, id: string): ICAL.Event {
  const found = events(ics).get(eventUid(sessionId, id));
  if (!found) throw new Error(`no event ${id}`);
  return found;
}

describe('key dates feed', () => {
  it('puts the dossier deadline of the demo at 2023-08-25 10:00 UTC', async () => {
    const { session } = await readSiteData(DEMO);
    const deadline = event(keyDatesCalendar(session), session.id, 'remise-dossier');
    expect(deadline.startDate.isDate).toBe(false);
    expect(deadline.startDate.toJSDate().toISOString()).toBe('2023-08-25T10:00:00.000Z');
    expect(deadline.summary).toBe('Rendu du dossier professionnel');
  });

  it('writes one event per key date, with the key date id as event id', async () => {
    const { session } = await readSiteData(DEMO);
    const uids = [...events(keyDatesCalendar(session)).keys()].sort();
    expect(uids).toEqual(session.keyDates.map((k) => eventUid(session.id, k.id)).sort());
  });

  it('reads 10:00 in Paris as 09:00 UTC before the March change and 08:00 UTC on its day', async () => {
    const { session } = await readSiteData(FIXTURE);
    const ics = keyDatesCalendar(session);
    expect(event(ics, session.id, 'veille-ete').startDate.toJSDate().toISOString()).toBe(
      '2023-03-25T09:00:00.000Z',
    );
    expect(event(ics, session.id, 'reunion-mars').startDate.toJSDate().toISOString()).toBe(
      '2023-03-26T08:00:00.000Z',
    );
  });

  it('reads 10:00 in Paris as 08:00 UTC before the October change and 09:00 UTC on its day', async () => {
    const { session } = await readSiteData(FIXTURE);
    const ics = keyDatesCalendar(session);
    expect(event(ics, session.id, 'veille-hiver').startDate.toJSDate().toISOString()).toBe(
      '2023-10-28T08:00:00.000Z',
    );
    expect(event(ics, session.id, 'commission').startDate.toJSDate().toISOString()).toBe(
      '2023-10-29T09:00:00.000Z',
    );
  });

  it('writes days and spans as all-day events whose end is the day after the last', async () => {
    const { session } = await readSiteData(FIXTURE);
    const ics = keyDatesCalendar(session);
    const span = event(ics, session.id, 'atelier-ete');
    expect(span.startDate.isDate).toBe(true);
    expect(span.startDate.toString()).toBe('2023-03-25');
    expect(span.endDate.toString()).toBe('2023-03-28');
    const day = event(ics, session.id, 'convocations');
    expect([day.startDate.toString(), day.endDate.toString()]).toEqual([
      '2023-09-04',
      '2023-09-05',
    ]);
    expect(ics).toContain('DTSTART;VALUE=DATE:20230325\r\n');
  });

  it('stamps every event with the latest key date, so rebuilds are byte-identical', async () => {
    const { session } = await readSiteData(FIXTURE);
    const ics = keyDatesCalendar(session);
    expect(calendarStamp(session).toISOString()).toBe('2023-10-29T09:00:00.000Z');
    const stamps = ics.split('\r\n').filter((l) => l.startsWith('DTSTAMP'));
    expect(stamps).toHaveLength(session.keyDates.length);
    expect(new Set(stamps)).toEqual(new Set(['DTSTAMP:20231029T090000Z']));
    expect(keyDatesCalendar(structuredClone(session))).toBe(ics);
  });

  it('is the same file whatever the timezone of the machine that builds it', async () => {
    const run = promisify(execFile);
    const probe = join(import.meta.dirname, 'tz-probe.ts');
    const outputs = await Promise.all(
      ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'].map(async (tz) => {
        const { stdout } = await run(process.execPath, [probe, FIXTURE], {
          env: { ...process.env, TZ: tz },
        });
        return JSON.parse(stdout) as {
          tz: string;
          januaryOffset: number;
          julyOffset: number;
          ics: string;
        };
      }),
    );
    // The children really ran in those zones: Auckland is UTC+13 in January, Los Angeles UTC−7 in July.
    expect(outputs.map((o) => [o.tz, o.januaryOffset, o.julyOffset])).toEqual([
      ['UTC', 0, 0],
      ['Pacific/Auckland', -780, -720],
      ['America/Los_Angeles', 480, 420],
    ]);
    const { session } = await readSiteData(FIXTURE);
    for (const o of outputs) expect(o.ics).toBe(keyDatesCalendar(session));
  });
});

describe('defence calendar', () => {
  it('carries the convocation UID, the room and the times of the slot', async () => {
    const { session, schedule } = await readSiteData(FIXTURE);
    const slot = schedule!.slots.find((s) => s.candidate === 'C002')!;
    const ics = defenceCalendar(session, slot);
    const defence = event(ics, session.id, 'defence-C002');
    expect(defence.startDate.toJSDate().toISOString()).toBe('2023-09-20T07:30:00.000Z');
    expect(defence.endDate.toJSDate().toISOString()).toBe('2023-09-20T08:15:00.000Z');
    expect(defence.location).toContain('Salle 101');
    expect(defence.description).toContain('Jury A');
  });
});
