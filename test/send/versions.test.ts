import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventUid } from '../../pipeline/calendar/ics.ts';
import { main } from '../../pipeline/cli.ts';
import { sendSession } from '../../pipeline/send/index.ts';
import { Schedule } from '../../schemas/schedule.ts';
import { editYaml, makeSession } from '../schedule/session.ts';
import { captureIo } from '../support/io.ts';
import { itipViolations } from './itip.ts';
import { startSink, type Sink } from './servers.ts';

const onTime = () => new Date('2023-09-04T09:00:00+02:00');
let dir: string;
let sink: Sink;
let v1: Schedule;
let v2: Schedule;
/** The candidate moved to another day, and the one withdrawn. */
let moved: string;
let withdrawn: string;

const readSchedule = async () =>
  Schedule.parse(parse(await readFile(join(dir, 'schedule.yaml'), 'utf8')));

function vevent(mail: ParsedMail): { ics: string; event: ICAL.Component; method: string } {
  const ics = mail.attachments
    .find((a) => a.contentType === 'text/calendar')!
    .content.toString('utf8');
  const calendar = ICAL.Component.fromString(ics);
  return {
    ics,
    event: calendar.getFirstSubcomponent('vevent')!,
    method: String(calendar.getFirstPropertyValue('method')),
  };
}

beforeAll(async () => {
  dir = await makeSession();
  expect(await main(['schedule', dir, '--all'], captureIo())).toBe(0);
  v1 = await readSchedule();
  sink = await startSink();
  const first = await sendSession(dir, {
    what: ['convocation', 'jury'],
    clock: onTime,
    env: { RECEVABLE_SMTP_URL: sink.url },
  });
  expect(first.refused).toEqual([]);
  moved = v1.slots[0]!.candidate;
  withdrawn = v1.slots.at(-1)!.candidate;
  const day = v1.slots[0]!.start.slice(0, 10);
  await editYaml(dir, 'candidates.yaml', (d) => {
    for (const c of d['candidates'] as Record<string, unknown>[]) {
      if (c['code'] === moved) c['unavailable'] = [day];
      if (c['code'] === withdrawn) c['absent'] = 'unjustified';
    }
  });
  expect(await main(['schedule', dir, '--all'], captureIo())).toBe(0);
  v2 = await readSchedule();
}, 120_000);
afterAll(() => sink.stop());

describe('schedule versions and invitations', () => {
  it('raises the SEQUENCE of a moved slot and records the withdrawn one for cancellation', () => {
    expect(v2.version).toBe(2);
    const slot = v2.slots.find((s) => s.candidate === moved)!;
    expect(slot.start.slice(0, 10)).not.toBe(v1.slots[0]!.start.slice(0, 10));
    expect(slot.sequence).toBe(1);
    const old = v1.slots.find((s) => s.candidate === withdrawn)!;
    expect(v2.cancelled).toContainEqual({
      candidate: withdrawn,
      version: 2,
      scope: 'defence',
      jury: old.jury,
      sequence: 1,
      start: old.start,
      end: old.end,
      room: old.room,
    });
  });

  it('sends the moved candidate an update with a higher SEQUENCE and the same UID', async () => {
    const before = await sink.messages();
    const report = await sendSession(dir, {
      what: ['convocation', 'jury'],
      clock: onTime,
      env: { RECEVABLE_SMTP_URL: sink.url },
    });
    expect(report.refused).toEqual([]);
    const fresh = (await sink.messages()).filter(
      (m) => !before.some((b) => b.messageId === m.messageId),
    );
    expect(fresh).toHaveLength(report.sent);
    const update = fresh.find((m) => m.messageId?.includes(`.${moved}.`))!;
    expect(update.subject).toMatch(/^Convocation modifiée — /);
    expect(update.text).toContain('cette convocation remplace la précédente');
    const { ics, event, method } = vevent(update);
    expect(method).toBe('REQUEST');
    expect(itipViolations(ics, 'REQUEST')).toEqual([]);
    expect(event.getFirstPropertyValue('uid')).toBe(eventUid('epsi-2023', `defence-${moved}`));
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    const original = before.find((m) => m.messageId?.includes(`.${moved}.`))!;
    expect(vevent(original).event.getFirstPropertyValue('sequence') ?? 0).toBe(0);
  });

  it('cancels the withdrawn defence with METHOD:CANCEL and the same UID, to the candidate and its jurors', async () => {
    const all = await sink.messages();
    const cancels = all.filter((m) => m.messageId?.includes(`${withdrawn}-cancel-v2`));
    const old = v1.slots.find((s) => s.candidate === withdrawn)!;
    expect(cancels).toHaveLength(1 + old.jury.length);
    for (const mail of cancels) {
      const { ics, event, method } = vevent(mail);
      expect(method).toBe('CANCEL');
      expect(itipViolations(ics, 'CANCEL')).toEqual([]);
      expect(event.getFirstPropertyValue('uid')).toBe(
        eventUid('epsi-2023', `defence-${withdrawn}`),
      );
      expect(event.getFirstPropertyValue('sequence')).toBe(1);
      expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(mail.headers.get('x-rcpt-args')).toBe(
        `<${String(event.getFirstProperty('attendee')!.getFirstValue()).slice('mailto:'.length)}>`,
      );
    }
    const candidate = cancels.find((m) => !m.messageId?.includes('.jury-'))!;
    expect(candidate.subject).toMatch(/^Annulation de votre soutenance du /);
  });

  it('sends nothing more once every update and cancellation is out', async () => {
    const count = (await sink.messages()).length;
    const report = await sendSession(dir, {
      what: ['convocation', 'jury'],
      clock: onTime,
      env: { RECEVABLE_SMTP_URL: sink.url },
    });
    expect(report.sent).toBe(0);
    expect(await sink.messages()).toHaveLength(count);
  });

  it('keeps the version and every SEQUENCE when the schedule is planned again unchanged', async () => {
    expect(await main(['schedule', dir, '--all'], captureIo())).toBe(0);
    expect(await readSchedule()).toEqual(v2);
  });
});
