import { describe, expect, it } from 'vitest';
import { matchCandidate } from '../../pipeline/intake/match.ts';
import { parseSource } from '../../pipeline/intake/source.ts';
import {
  dateHeaderStamp,
  fromLineStamp,
  parseFromLine,
  parseMailDate,
  receivedStamp,
} from '../../pipeline/intake/when.ts';

const iso = (d: Date | undefined) => d?.toISOString();

describe('times of receipt', () => {
  it('reads RFC 5322 dates with numeric and obsolete zones, comments and two-digit years', () => {
    expect(iso(parseMailDate('Fri, 25 Aug 2023 11:58:03 +0200'))).toBe('2023-08-25T09:58:03.000Z');
    expect(iso(parseMailDate('25 Aug 2023 09:58 GMT'))).toBe('2023-08-25T09:58:00.000Z');
    expect(iso(parseMailDate('Fri, 25 Aug 23 05:58:03 EDT (Eastern)'))).toBe(
      '2023-08-25T09:58:03.000Z',
    );
    expect(parseMailDate('Fri, 31 Feb 2023 10:00:00 +0000')).toBeUndefined();
    expect(parseMailDate('demain midi')).toBeUndefined();
  });

  it('reads a From_ line with +0000 as exact and one without zone in the session timezone', () => {
    expect(parseFromLine('From 1775@xxx Fri Aug 25 09:58:03 +0000 2023', 'Europe/Paris')).toEqual({
      instant: new Date('2023-08-25T09:58:03Z'),
      zoned: true,
      text: 'Fri Aug 25 09:58:03 +0000 2023',
    });
    const local = parseFromLine('From c001@example.org Fri Aug  25 11:58:03 2023', 'Europe/Paris');
    expect(local).toMatchObject({ zoned: false, instant: new Date('2023-08-25T09:58:03Z') });
    // Winter: Paris is UTC+1.
    expect(iso(parseFromLine('From - Mon Jan  2 12:00:00 2023', 'Europe/Paris')?.instant)).toBe(
      '2023-01-02T11:00:00.000Z',
    );
    expect(
      fromLineStamp('From x Fri Aug 25 11:58:03 2023', 'line 7', 'Europe/Paris')?.evidence,
    ).toBe(
      'From_ line (line 7): "Fri Aug 25 11:58:03 2023" has no time zone: read in Europe/Paris',
    );
    expect(parseFromLine('From here on, we changed the plan', 'Europe/Paris')).toBeUndefined();
  });

  it('takes the time after the last ";" of the topmost Received: field', () => {
    const stamp = receivedStamp(
      'from a.example (a.example [192.0.2.1]) by mx.ecole.example (Postfix; version 3) with ESMTPS id 4R; Fri, 25 Aug 2023 12:00:01 +0200 (CEST)',
    );
    expect(stamp).toMatchObject({
      instant: new Date('2023-08-25T10:00:01Z'),
      receivedBy: 'received-header',
      evidence:
        'topmost Received: header (by mx.ecole.example): "Fri, 25 Aug 2023 12:00:01 +0200 (CEST)"',
    });
    expect(receivedStamp('from a by b with SMTP')).toBeUndefined();
    expect(dateHeaderStamp('Fri, 25 Aug 2023 11:59:00 +0200')?.warning).toContain(
      'the Date: the sender wrote',
    );
  });
});

describe('matching a message to a candidate', () => {
  const candidates = [
    {
      code: 'C001',
      name: 'A',
      email: 'Camille@Example.org',
      specialisation: 'B4',
      unavailable: [],
    },
    { code: 'C002', name: 'B', email: 'b@example.org', specialisation: 'B4', unavailable: [] },
    { code: 'C012', name: 'C', email: 'c@example.org', specialisation: 'B4', unavailable: [] },
  ] satisfies Parameters<typeof matchCandidate>[0];

  it('matches the sender address whatever its case, and warns when the subject names another code', () => {
    expect(
      matchCandidate(candidates, { from: 'camille@example.ORG', subject: 'Dossier', text: '' }),
    ).toEqual({
      code: 'C001',
      by: 'sender',
    });
    expect(
      matchCandidate(candidates, {
        from: 'camille@example.org',
        subject: 'Dossier C002',
        text: '',
      }),
    ).toMatchObject({
      code: 'C001',
      warning: "sent from C001's address, but the subject names C002",
    });
  });

  it('takes a code from the subject, then from the body without its quoted lines, never C01 for C012', () => {
    expect(matchCandidate(candidates, { from: 'x@y', subject: 'dossier c012', text: '' })).toEqual({
      code: 'C012',
      by: 'subject',
    });
    expect(
      matchCandidate(candidates, { from: 'x@y', subject: 'Dossier', text: 'Mon code : C002' }),
    ).toEqual({
      code: 'C002',
      by: 'body',
    });
    expect(
      matchCandidate(candidates, { from: 'x@y', subject: 'C001 et C002', text: '' }),
    ).toMatchObject({
      unmatched: true,
      reason: 'sender x@y is no single candidate and the subject names several codes (C001, C002)',
    });
    expect(matchCandidate(candidates, { from: 'x@y', subject: 'C0012', text: '' })).toMatchObject({
      unmatched: true,
    });
  });
});

describe('--from', () => {
  it('reads IMAP URLs with defaults and refuses a password in them', async () => {
    expect(
      await parseSource('imaps://dossiers%40ecole.fr@imap.ecole.fr/INBOX/Dossiers%202023'),
    ).toMatchObject({
      kind: 'imap',
      host: 'imap.ecole.fr',
      port: 993,
      secure: true,
      user: 'dossiers@ecole.fr',
      mailbox: 'INBOX/Dossiers 2023',
      label: 'imaps://dossiers%40ecole.fr@imap.ecole.fr:993/INBOX/Dossiers 2023',
    });
    expect(await parseSource('imap://u@127.0.0.1')).toMatchObject({
      port: 143,
      mailbox: 'INBOX',
      secure: false,
    });
    await expect(parseSource('imap://u:pw@host/INBOX')).rejects.toMatchObject({
      code: 'USAGE_INTAKE_PASSWORD_IN_URL',
    });
    await expect(parseSource('pop3://u@host')).rejects.toMatchObject({
      code: 'USAGE_INTAKE_BAD_SOURCE',
    });
    await expect(parseSource('/nowhere/at/all.mbox')).rejects.toMatchObject({
      code: 'USAGE_INTAKE_BAD_SOURCE',
      message: '--from /nowhere/at/all.mbox: no such file or folder.',
    });
  });
});
