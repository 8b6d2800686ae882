import { describe, expect, it } from 'vitest';
import { checkDeadline, deadlineOf } from '../../pipeline/checks/deadline.ts';
import { session, submission } from './support.ts';

describe('deadline', () => {
  it('accepts a dossier received the day before the deadline', () => {
    const found = checkDeadline(submission('2023-08-24T18:03:00+02:00'), session);
    expect(found.status).toBe('pass');
    expect(found.message).toContain('dans les délais');
  });

  it('reports a dossier received three minutes after noon as late, with both times', () => {
    const found = checkDeadline(submission('2023-08-25T12:03:00+02:00'), session);
    expect(found.status).toBe('fail');
    expect(found.message).toBe(
      "Votre dossier a été reçu le 25/08/2023 à 12h03 ; la date limite était le 25/08/2023 à 12h00 (heure de Paris). Un dossier remis après la date limite n'est pas recevable.",
    );
    expect(found.evidence).toMatchObject({
      lateSeconds: 180,
      deadline: '2023-08-25T12:00:00+02:00',
    });
  });

  it('counts the deadline instant itself (12:00:00) as on time and one second later as late', () => {
    expect(checkDeadline(submission('2023-08-25T12:00:00+02:00'), session).status).toBe('pass');
    expect(checkDeadline(submission('2023-08-25T12:00:01+02:00'), session).status).toBe('fail');
  });

  it('reads a time without offset in the session timezone, and a UTC time as an instant', () => {
    expect(checkDeadline(submission('2023-08-25T11:59'), session).status).toBe('pass');
    expect(checkDeadline(submission('2023-08-25T10:00:00Z'), session).status).toBe('pass');
    expect(checkDeadline(submission('2023-08-25T10:00:01Z'), session).status).toBe('fail');
  });

  it('ends a deadline written as a day at the end of that day', () => {
    const byDay = {
      ...session,
      keyDates: [{ id: 'remise-dossier', at: '2023-08-25', title: 'Rendu' }],
    };
    expect(deadlineOf(byDay)?.instant.toISOString()).toBe('2023-08-25T21:59:59.999Z');
    expect(checkDeadline(submission('2023-08-25T23:59'), byDay).status).toBe('pass');
    expect(checkDeadline(submission('2023-08-26T00:00'), byDay).status).toBe('fail');
  });

  it('ends a deadline that is a span of days at the end of its last day', () => {
    const span = {
      ...session,
      keyDates: [{ id: 'remise-dossier', from: '2023-08-21', to: '2023-08-25', title: 'Rendu' }],
    };
    expect(checkDeadline(submission('2023-08-25T23:59:59+02:00'), span).status).toBe('pass');
    expect(checkDeadline(submission('2023-08-26T00:00:00+02:00'), span).status).toBe('fail');
  });

  it('returns an error finding, not an exception, when the deadline key date does not exist', () => {
    const broken = { ...session, rules: { ...session.rules, deadline: 'nowhere' } };
    const found = checkDeadline(submission(), broken);
    expect(found.status).toBe('error');
    expect(found.detail).toContain('"nowhere"');
  });
});
