import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CandidatesFile } from '../../schemas/candidates.ts';
import {
  clock,
  dateTime,
  day,
  id,
  isRealDate,
  isTimeZone,
  localDateTime,
} from '../../schemas/common.ts';
import { JuriesFile } from '../../schemas/juries.ts';
import { Result } from '../../schemas/result.ts';
import { Schedule } from '../../schemas/schedule.ts';
import { Session } from '../../schemas/session.ts';
import { SubmissionsFile } from '../../schemas/submissions.ts';

const demo = (file: string): Record<string, unknown> =>
  parse(
    readFileSync(new URL(`../../content/demo-2023/${file}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

/** The messages of a failed parse, with their paths, e.g. `keyDates.1.at: …`. */
function failures(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
}

describe('the demo session satisfies every schema', () => {
  it.each([
    ['session.yaml', Session],
    ['candidates.yaml', CandidatesFile],
    ['juries.yaml', JuriesFile],
    ['submissions.yaml', SubmissionsFile],
  ] as const)('%s', (file, schema) => {
    expect(failures(schema, demo(file))).toEqual([]);
  });
});

describe('common building blocks', () => {
  it('accepts real days and rejects impossible ones, leap years included', () => {
    expect(['2023-02-28', '2024-02-29', '2023-12-31'].map(isRealDate)).toEqual([true, true, true]);
    expect(
      ['2023-02-29', '2023-02-30', '2023-04-31', '2023-13-01', '23-1-1'].map(isRealDate),
    ).toEqual([false, false, false, false, false]);
  });

  it.each([
    [day(), '2023-09-20', ['2023-9-20', '20/09/2023', '2023-02-30', '']],
    [clock(), '08:30', ['8:30', '24:00', '08:60', '0830']],
    [
      localDateTime(),
      '2023-08-25T12:00',
      ['2023-08-25 12:00', '2023-08-25T12:00+02:00', '2023-02-30T12:00'],
    ],
    [
      dateTime(),
      '2023-08-24T18:03:00+02:00',
      ['2023-08-24T18:03+2', 'yesterday', '2023-02-30T10:00Z'],
    ],
    [id(), 'remise-dossier', ['-lead', 'with space', 'é', 'x'.repeat(65)]],
  ] as const)('%# accepts its example and rejects the others', (schema, good, bad) => {
    expect(schema.safeParse(good).success).toBe(true);
    for (const value of bad) expect(schema.safeParse(value).success, value).toBe(false);
  });

  it('recognises IANA timezones and rejects abbreviations and made-up zones', () => {
    expect(['Europe/Paris', 'America/Montreal', 'UTC'].map(isTimeZone)).toEqual([true, true, true]);
    expect(['CET', 'Paris', 'Mars/Olympus', ''].map(isTimeZone)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('session.yaml schema failures', () => {
  const session = () => structuredClone(demo('session.yaml'));

  it('rejects an unknown key at the top and inside a key date', () => {
    const value = session();
    value['keyDate'] = [];
    (value['keyDates'] as Record<string, unknown>[])[0]!['when'] = 'now';
    expect(failures(Session, value)).toEqual([
      'keyDates.0: unrecognized_keys',
      ': unrecognized_keys',
    ]);
  });

  it('rejects a key date with both `at` and `from`, and one with neither', () => {
    const value = session();
    const dates = value['keyDates'] as Record<string, unknown>[];
    dates[0]!['from'] = '2023-01-01';
    delete dates[1]!['at'];
    expect(failures(Session, value)).toEqual([
      'keyDates.0: unrecognized_keys',
      'keyDates.1: invalid_union',
    ]);
  });

  it('rejects a missing title, an unknown block kind and an empty plan', () => {
    const value = session();
    delete value['title'];
    (value['blocks'] as Record<string, unknown>[])[0]!['kind'] = 'core';
    (value['rules'] as Record<string, unknown>)['plan'] = [];
    expect(failures(Session, value)).toEqual([
      'title: invalid_type',
      'blocks.0.kind: invalid_value',
      'rules.plan: too_small',
    ]);
  });

  it('rejects thresholds outside 0–1 and a page count of 0', () => {
    const value = session();
    const rules = value['rules'] as Record<string, Record<string, unknown>>;
    rules['similarity']!['reject'] = 25;
    rules['pages']!['min'] = 0;
    expect(failures(Session, value)).toEqual([
      'rules.pages.min: too_small',
      'rules.similarity.reject: too_big',
    ]);
  });

  it('rejects hours written as numbers and a defence without rooms', () => {
    const value = session();
    const defence = value['defence'] as Record<string, Record<string, unknown> | unknown[]>;
    (defence['hours'] as Record<string, unknown>)['start'] = 830;
    defence['rooms'] = [];
    expect(failures(Session, value)).toEqual([
      'defence.hours.start: invalid_type',
      'defence.rooms: too_small',
    ]);
  });

  it('applies defaults: publish.names false, eight defences a day, juries of two', () => {
    const value = session();
    delete value['publish'];
    const parsed = Session.parse(value);
    expect(parsed.publish.names).toBe(false);
    expect(parsed.defence.jurySize).toBe(2);
  });
});

describe('people and submissions schema failures', () => {
  it('rejects a candidate without e-mail and with an unknown absence', () => {
    const value = { candidates: [{ code: 'C1', name: 'A', specialisation: 'B4', absent: 'sick' }] };
    expect(failures(CandidatesFile, value)).toEqual([
      'candidates.0.email: invalid_type',
      'candidates.0.absent: invalid_value',
    ]);
  });

  it('rejects a jury member without expertise or availability', () => {
    const value = {
      members: [
        { id: 'J1', name: 'A', email: 'a@example.org', company: 'X', expertise: [], available: [] },
      ],
    };
    expect(failures(JuriesFile, value)).toEqual([
      'members.0.expertise: too_small',
      'members.0.available: too_small',
    ]);
  });

  it('accepts a reception time with or without offset, rejects a bare day', () => {
    const at = (receivedAt: string) => ({
      submissions: [{ candidate: 'C1', file: 'x.pdf', receivedAt }],
    });
    expect(failures(SubmissionsFile, at('2023-08-24T18:03'))).toEqual([]);
    expect(failures(SubmissionsFile, at('2023-08-24T18:03:00Z'))).toEqual([]);
    expect(failures(SubmissionsFile, at('2023-08-24'))).toEqual([
      'submissions.0.receivedAt: custom',
    ]);
  });
});

describe('pipeline output schema failures', () => {
  it('rejects a result with an unknown status or a short sha256', () => {
    const result = {
      candidate: 'C001',
      status: 'ok',
      submission: { file: 'a.pdf', receivedAt: '2023-08-24T18:03', sha256: 'abc' },
      checks: {},
      tool: { name: 'recevable', version: '0.1.0' },
    };
    expect(failures(Result, result)).toEqual([
      'status: invalid_value',
      'submission.sha256: invalid_format',
    ]);
  });

  it('rejects a schedule of version 0 and a slot without jury', () => {
    const schedule = {
      session: 'epsi-2023',
      version: 0,
      slots: [
        {
          candidate: 'C001',
          jury: [],
          juryLabel: 'A',
          room: 'R101',
          start: '2023-09-20T08:30:00+02:00',
          end: '2023-09-20T09:15:00+02:00',
          deliberationEnd: '2023-09-20T09:30:00+02:00',
        },
      ],
      unscheduled: [],
    };
    expect(failures(Schedule, schedule)).toEqual(['version: too_small', 'slots.0.jury: too_small']);
  });
});
