import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventUid } from '../../pipeline/calendar/ics.ts';
import { main } from '../../pipeline/cli.ts';
import { Schedule } from '../../schemas/schedule.ts';
import { editYaml, makeSession } from './session.ts';
import { captureIo } from '../support/io.ts';

const quiet = captureIo;

/** The VCALENDAR of an attachment, parsed by ical.js. */
function calendarOf(content: Buffer): ICAL.Component {
  return ICAL.Component.fromString(content.toString('utf8'));
}

let dir: string;
let schedule: Schedule;
beforeAll(async () => {
  dir = await makeSession({
    session: (s) => {
      (s['defence'] as Record<string, unknown>)['organiser'] = {
        name: 'EPSI — Certifications',
        email: 'certif@example.org',
      };
    },
  });
  expect(await main(['schedule', dir, '--all'], quiet())).toBe(0);
  schedule = Schedule.parse(parse(await readFile(join(dir, 'schedule.yaml'), 'utf8')));
});

describe('convocations', () => {
  it('writes one French convocation per candidate that a mail parser reads', async () => {
    const slot = schedule.slots.find((s) => s.candidate === 'C009')!;
    const mail = await simpleParser(await readFile(join(dir, 'convocations', 'C009.eml')));
    expect(mail.subject).toMatch(
      /^Convocation à la soutenance — \w+ \d+(er)? septembre 2023 à \d\d\u00a0h\u00a0\d\d$/,
    );
    expect(mail.from?.value).toEqual([
      { name: 'EPSI — Certifications', address: 'certif@example.org' },
    ]);
    expect(mail.to && 'value' in mail.to ? mail.to.value : []).toEqual([
      { name: 'Yanis Simulet', address: 'yanis.simulet@example.org' },
    ]);
    expect(mail.date?.toISOString()).toBe('2023-09-03T22:00:00.000Z');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{24}\.C009\.epsi-2023@recevable>$/);
    const text = mail.text ?? '';
    for (const block of [
      'B1 — Analyser',
      'B2 — Manager',
      'B3 — Piloter',
      'B5 — Concevoir et sécuriser',
    ])
      expect(text).toContain(block);
    expect(text).not.toContain('B4 —');
    const time = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(new Date(slot.start))
      .replace(':', '\u00a0h\u00a0');
    expect(text).toContain(`Heure : ${time}`);
    expect(text).toContain(`Salle : Salle ${slot.room.slice(1)}`);
    expect(text).toContain("Lieu : EPSI Montpellier, 1 rue de l'Exemple, 34000 Montpellier");
    expect(text).toMatch(
      /présentation orale par le candidat : 15 minutes[\s\S]*entretien avec le jury : 30 minutes[\s\S]*le jury délibère ensuite seul/,
    );
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['soutenance-C009.ics', 'text/calendar'],
    ]);
  });

  it('attaches an invitation whose UID is the public feed’s and whose start is the slot’s', async () => {
    const slot = schedule.slots.find((s) => s.candidate === 'C009')!;
    const mail = await simpleParser(await readFile(join(dir, 'convocations', 'C009.eml')));
    const calendar = calendarOf(mail.attachments[0]!.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(eventUid('epsi-2023', 'defence-C009'));
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(slot.start).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(slot.end).toISOString());
    expect(await readFile(join(dir, 'convocations', 'C009.ics'), 'utf8')).toBe(
      mail.attachments[0]!.content.toString('utf8'),
    );
  });

  it('sends each juror their defences with the candidates’ codes and names', async () => {
    const juror = schedule.slots[0]!.jury[0]!;
    const theirs = schedule.slots.filter((s) => s.jury.includes(juror));
    const mail = await simpleParser(await readFile(join(dir, 'convocations', `jury-${juror}.eml`)));
    expect(mail.subject).toBe(
      `Jury de soutenance — ${theirs.length} soutenance${theirs.length > 1 ? 's' : ''}`,
    );
    for (const s of theirs) expect(mail.text).toContain(`${s.candidate} — `);
    const names = parse(await readFile(join(dir, 'candidates.yaml'), 'utf8')) as {
      candidates: { code: string; name: string }[];
    };
    for (const s of theirs)
      expect(mail.text).toContain(
        `${s.candidate} — ${names.candidates.find((c) => c.code === s.candidate)!.name}`,
      );
    // iTIP allows one event per REQUEST: the calendar comes as one invitation per defence.
    expect(mail.attachments).toEqual([]);
    for (const s of theirs) {
      const invitation = await simpleParser(
        await readFile(join(dir, 'convocations', `jury-${juror}-${s.candidate}.eml`)),
      );
      const calendar = calendarOf(invitation.attachments[0]!.content);
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.map((e) => e.uid)).toEqual([eventUid('epsi-2023', `defence-${s.candidate}`)]);
      expect(events[0]!.attendees).toHaveLength(1);
      expect(events[0]!.organizer).toBe('mailto:certif@example.org');
    }
  });

  it('names the candidate whose convocation would arrive with less than the notice', async () => {
    const late = await makeSession();
    await editYaml(late, 'session.yaml', (s) => {
      for (const k of s['keyDates'] as Record<string, unknown>[])
        if (k['id'] === 'convocations') k['at'] = '2023-09-08';
    });
    const io = quiet();
    expect(await main(['schedule', late, '--all'], io)).toBe(1);
    const plan = Schedule.parse(parse(await readFile(join(late, 'schedule.yaml'), 'utf8')));
    const files = await readdir(join(late, 'convocations'));
    for (const slot of plan.slots) {
      const day = slot.start.slice(0, 10);
      const notice = (Date.parse(day) - Date.parse('2023-09-08')) / 86_400_000;
      expect(notice).toBeLessThan(14);
      expect(io.err.join('\n')).toContain(
        `${slot.candidate}: convocation sent on 2023-09-08, ${notice} days before the defence on ${day}; at least 14 days are required`,
      );
      expect(files).not.toContain(`${slot.candidate}.eml`);
    }
    expect(files.some((f) => f.startsWith('jury-'))).toBe(true);
  });

  it('removes the convocation of a candidate no longer scheduled', async () => {
    const again = await makeSession();
    expect(await main(['schedule', again, '--all'], quiet())).toBe(0);
    expect(await readdir(join(again, 'convocations'))).toContain('C003.eml');
    await editYaml(again, 'candidates.yaml', (d) => {
      (d['candidates'] as Record<string, unknown>[]).find((c) => c['code'] === 'C003')!['absent'] =
        'unjustified';
    });
    const io = quiet();
    expect(await main(['schedule', again, '--all'], io)).toBe(0);
    const files = await readdir(join(again, 'convocations'));
    expect(files).not.toContain('C003.eml');
    expect(files).not.toContain('C003.ics');
    // Its jurors' invitations go too; the cancellations that replace them are written instead.
    expect(files.filter((f) => /^jury-\w+-C003\.(eml|ics)$/.test(f))).toEqual([]);
    expect(files).toContain('C003-cancel-v2.eml');
    expect(io.err.join('\n')).toMatch(/6 stale removed/);
  });
});
